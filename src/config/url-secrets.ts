/** `scheme://user:password@`: the userinfo of a URL anywhere in a text. */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]*)@/gi;

/**
 * Passwords written into URLs in an input's text (as typed and percent-decoded), so they can be
 * masked before anything, even a bad-input message, could print them.
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

/** The text with every URL password replaced by ***. */
export function hideUrlPasswords(text: string): string {
  return text.replace(USERINFO, (_match, prefix: string, password: string) => `${prefix}${password === '' ? '' : '***'}@`);
}
