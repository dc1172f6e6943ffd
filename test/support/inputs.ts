import type { InputDefinition } from '../../src/config/inputs.js';

/** A readInput over a plain map of input values: what loadConfig and a test host read. No server involved. */
export const readerOf =
  (values: Record<string, string>) =>
  (input: InputDefinition): string | undefined =>
    values[input.name];
