/** Bad input: stops the run before any request, with one line naming the input and the expected form. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly received: string,
    readonly expected: string,
  ) {
    super(`Invalid input '${input}': got ${JSON.stringify(received)}. Expected ${expected}.`);
    this.name = 'InputError';
  }
}
