/**
 * Control characters (C0, DEL, C1, line and paragraph separators) as \uXXXX escapes: untrusted
 * text (keys, server fields) kept on one line, so a newline in it cannot start a workflow command
 * (`::...`) when a message reaches the log.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
