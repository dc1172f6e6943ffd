import type { Logger } from '../../src/util/logger.js';

/** A Logger that keeps every line (`<level> <message>`, and `group <name>`) for assertions. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (message) => lines.push(`debug ${message}`),
    info: (message) => lines.push(`info ${message}`),
    warning: (message) => lines.push(`warning ${message}`),
    error: (message) => lines.push(`error ${message}`),
    group: async (name, body) => {
      lines.push(`group ${name}`);
      return body();
    },
  };
}
