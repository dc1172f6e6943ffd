/** Where gates and clients log; the action maps it to @actions/core, the CLI to the console. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /** `title` names the annotation on a runner (the gate); elsewhere it may be left out. */
  warning(message: string, title?: string): void;
  error(message: string, title?: string): void;
  group<T>(name: string, body: () => Promise<T>): Promise<T>;
}

/** Replaces every secret in a text with ***. Defence in depth behind the runner's masking. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const values = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return (text) => values.reduce((result, secret) => result.split(secret).join('***'), text);
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_name, body) => body(),
};
