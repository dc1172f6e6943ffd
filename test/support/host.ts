import type { Host } from '../../src/host.js';
import type { FailureAnnotation } from '../../src/report/annotations.js';
import { readerOf } from './s3.js';

export interface RecordingHost extends Host {
  readonly outputs: Record<string, string>;
  readonly logs: string[];
  readonly failures: string[];
  readonly annotations: FailureAnnotation[];
  readonly masked: string[];
  summary: string;
}

/** A Host that records everything run() emits, for assertions. */
export function recordingHost(inputs: Record<string, string>, workspace: string, now: () => Date = () => new Date(), env: Readonly<Record<string, string>> = {}): RecordingHost {
  const host: RecordingHost = {
    outputs: {},
    logs: [],
    failures: [],
    annotations: [],
    masked: [],
    summary: '',
    readInput: readerOf(inputs),
    workspace,
    log: {
      debug: (message) => host.logs.push(`debug ${message}`),
      info: (message) => host.logs.push(`info ${message}`),
      warning: (message) => host.logs.push(`warning ${message}`),
      error: (message) => host.logs.push(`error ${message}`),
      group: async (name, body) => {
        host.logs.push(`group ${name}`);
        return body();
      },
    },
    maskSecret: (value) => host.masked.push(value),
    setOutput: (name, value) => {
      host.outputs[name] = value;
    },
    writeSummary: async (markdown) => {
      host.summary += markdown;
    },
    annotateFailure: (annotation) => host.annotations.push(annotation),
    setFailed: (message) => host.failures.push(message),
    now,
    env,
  };
  return host;
}
