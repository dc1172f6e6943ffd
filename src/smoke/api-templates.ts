/** `:name` placeholders in path and key templates, e.g. `/v1/chat/attachments/:attachment_id/download`. */
const PLACEHOLDER = /:([a-z_]+)/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Replaces every `:name` with `encode(values[name])`; throws on a name without a value. */
export function expandTemplate(template: string, values: Readonly<Record<string, string>>, encode: (value: string) => string = (value) => value): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template ${template} uses :${name}, which has no value`);
    return encode(value);
  });
}

/** Reads a field of a JSON answer by name or dot path (`data.attachment_id`); strings and integers only. */
export function readIdField(json: unknown, fieldPath: string): string | undefined {
  let current: unknown = json;
  for (const part of fieldPath.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  if (typeof current === 'string') return current;
  if (typeof current === 'number' && Number.isSafeInteger(current)) return String(current);
  return undefined;
}

/** An id safe to put into a URL path and an object key: no separators, no traversal. */
export function isSafeId(id: string): boolean {
  return /^[A-Za-z0-9._-]{1,200}$/.test(id) && id !== '.' && id !== '..';
}
