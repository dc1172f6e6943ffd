/**
 * Credentials written into URLs (`scheme://user:password@host`): the one place that finds them,
 * hides them and takes them out. Every layer may need this (config parses URLs, clients send
 * them, reports link to them), so it lives on the ground floor.
 */

/** `scheme://user:password@`: the userinfo of a URL anywhere in a text. */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]*)@/gi;

/** Basic-auth credentials, percent-decoded. */
export interface UrlCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * The text (or URL) with every URL password replaced by ***; the user name stays, as it helps
 * to tell which credentials were used. The one way a URL that may carry a password is shown.
 */
export function redactUrl(text: string | URL): string {
  const value = typeof text === 'string' ? text : text.href;
  return value.replace(USERINFO, (_match, prefix: string, password: string) => `${prefix}${password === '' ? '' : '***'}@`);
}

/**
 * Passwords written into URLs in a text (as typed and percent-decoded), so they can be masked
 * before anything, even a bad-input message, could print them.
 */
export function passwordsInUrls(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(USERINFO)) {
    const password = match[2] ?? '';
    if (password === '') continue;
    found.add(password);
    try {
      found.add(decodeURIComponent(password));
    } catch {
      // Not valid percent-encoding: the text as typed is what could be printed.
    }
  }
  return [...found];
}

/** The URL without user and password, and those (decoded) when it had any. */
export function splitUrlCredentials(url: URL): { readonly url: URL; readonly credentials: UrlCredentials | undefined } {
  const bare = new URL(url.href);
  if (bare.username === '' && bare.password === '') return { url: bare, credentials: undefined };
  const credentials = { username: safeDecode(bare.username), password: safeDecode(bare.password) };
  bare.username = '';
  bare.password = '';
  return { url: bare, credentials };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
