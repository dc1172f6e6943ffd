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

/*
 * The runner reads every line a step prints and runs two command forms: `::name::data` when the
 * line starts with it (after the leading whitespace .NET's TrimStart removes, which includes
 * U+0085), and the older `##[name]data` anywhere in a line. Messages carry text from servers (rule
 * IDs, error messages, keys), so every line this project prints passes through here.
 */
const LEADING_COMMAND = /^([\s\u0085]*):(?=:)/;
const LEGACY_COMMAND = /##\[/g;

/** One line that cannot run a workflow command; idempotent, so applying it twice is harmless. */
export function inertLine(message: string): string {
  // CR and LF as the toolkit escapes command data: the message stays one line.
  return inertLines(message.replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Keeps the line breaks of a multi-line text (a markdown summary) but makes every line inert. */
export function inertLines(text: string): string {
  // CR, LF and CRLF each end a line for the runner; the separators (odd indexes) are kept.
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(LEADING_COMMAND, '$1%3A').replace(LEGACY_COMMAND, '##%5B')))
    .join('');
}

/** A Logger whose every message (and group name) is one inert line: no caller can forget it. */
export function inertLogger(log: Logger): Logger {
  return {
    debug: (message) => log.debug(inertLine(message)),
    info: (message) => log.info(inertLine(message)),
    warning: (message, title) => log.warning(inertLine(message), title === undefined ? undefined : inertLine(title)),
    error: (message, title) => log.error(inertLine(message), title === undefined ? undefined : inertLine(title)),
    group: (name, body) => log.group(inertLine(name), body),
  };
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_name, body) => body(),
};
