import type { Host } from '../../src/host.js';
import type { FailureAnnotation } from '../../src/report/annotations.js';
import { readerOf } from './inputs.js';

export interface RecordingHost extends Host {
  readonly outputs: Record<string, string>;
  readonly logs: string[];
  readonly failures: string[];
  /** One per gate that did not pass (host.annotateFailure). */
  readonly gateAnnotations: FailureAnnotation[];
  readonly masked: string[];
  /** Warnings and errors with the annotation title they were given (undefined: none). */
  readonly annotations: { readonly level: 'warning' | 'error'; readonly title: string | undefined; readonly message: string }[];
  /** The annotation title of each failure, in the order of `failures`. */
  readonly failureTitles: (string | undefined)[];
  summary: string;
}

/** A Host that records everything run() emits, for assertions. */
export function recordingHost(
  inputs: Record<string, string>,
  workspace: string,
  now: () => Date = () => new Date(),
  env: Readonly<Record<string, string>> = {},
): RecordingHost {
  const host: RecordingHost = {
    outputs: {},
    logs: [],
    failures: [],
    gateAnnotations: [],
    masked: [],
    annotations: [],
    failureTitles: [],
    summary: '',
    readInput: readerOf(inputs),
    workspace,
    log: {
      debug: (message) => host.logs.push(`debug ${message}`),
      info: (message) => host.logs.push(`info ${message}`),
      warning: (message, title) => {
        host.logs.push(`warning ${message}`);
        host.annotations.push({ level: 'warning', title, message });
      },
      error: (message, title) => {
        host.logs.push(`error ${message}`);
        host.annotations.push({ level: 'error', title, message });
      },
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
    annotateFailure: (annotation) => host.gateAnnotations.push(annotation),
    setFailed: (message, title) => {
      host.failures.push(message);
      host.failureTitles.push(title);
    },
    now,
    env,
  };
  return host;
}
