import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { InputError } from '../verdict.js';

export const COMPARISONS = ['<', '<=', '>', '>='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** One hot-path check: every sample of its PromQL query must satisfy `<value> <comparison> <threshold>`. */
export interface HotPathCheck {
  readonly name: string;
  readonly query: string;
  readonly comparison: Comparison;
  readonly threshold: number;
  /** Display only (e.g. ms, %, req/s): the threshold is in the query's own unit. */
  readonly unit?: string;
  readonly description?: string;
}

const INPUT = 'hot-path-checks';
const FORM =
  'a YAML list (or a mapping with a `checks` list) of checks, each {name, query, comparison (<, <=, >, >=), threshold (a number), optional unit and description}';
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,79}$/;
const MAX_CHECKS = 50;
const MAX_QUERY_LENGTH = 4000;
const MAX_TEXT_LENGTH = 200;

/** Optional display text: absent, null or a short string (blank counts as absent). */
const TEXT = v.nullish(v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH), v.trim()));

/** One check as the YAML must give it; the output is trimmed. */
const CHECK = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.regex(NAME_PATTERN)),
  query: v.pipe(
    v.string(),
    v.check((query) => query.trim() !== '' && query.length <= MAX_QUERY_LENGTH),
    v.trim(),
  ),
  comparison: v.pipe(v.string(), v.trim(), v.picklist(COMPARISONS)),
  threshold: v.pipe(v.number(), v.finite()),
  unit: TEXT,
  description: TEXT,
});

type Field = keyof typeof CHECK.entries;
const FIELDS = Object.keys(CHECK.entries) as Field[];

/** What each field must be, for the one-line message; in the order problems are reported. */
const EXPECTED: Readonly<Record<Field, string>> = {
  name: 'a name of 1-80 letters, digits, spaces or . _ : / -, starting with a letter or digit',
  query: `a PromQL expression of at most ${MAX_QUERY_LENGTH} characters`,
  comparison: `comparison to be one of ${COMPARISONS.join(', ')} (quoted in YAML)`,
  threshold: 'threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio)',
  unit: `unit to be text of at most ${MAX_TEXT_LENGTH} characters`,
  description: `description to be text of at most ${MAX_TEXT_LENGTH} characters`,
};

/** The list: at least one check, at most MAX_CHECKS. */
const CHECK_LIST = v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(MAX_CHECKS));

/**
 * Parses and validates the checks (valibot schemas above); any problem is one InputError line
 * naming the check and the field, so a typo (`treshold`, `comparison: =<`) stops the run before
 * anything is queried.
 */
export function parseHotPathChecks(text: string, source: string): HotPathCheck[] {
  const fail = (where: string, expected: string): never => {
    throw new InputError(INPUT, `${source}: ${where}`, `${expected}; the checks are ${FORM}`);
  };
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const hint = /:\s*>/.test(text) ? " (quote comparisons: a bare '>' starts a YAML block scalar, write '>=')" : '';
    fail(`YAML syntax error: ${(syntax.message.split('\n')[0] ?? '').replace(/:$/, '')}`, `valid YAML${hint}`);
  }
  const root: unknown = document.toJS({ maxAliasCount: 50 });
  const list = isRecord(root) && Object.keys(root).length === 1 && 'checks' in root ? root.checks : root;
  const parsedList = v.safeParse(CHECK_LIST, list);
  if (!parsedList.success) {
    const tooMany = parsedList.issues[0].type === 'max_length';
    return fail(tooMany ? `${(list as unknown[]).length} checks` : 'no list of checks', tooMany ? `at most ${MAX_CHECKS} checks` : 'at least one check');
  }

  const checks: HotPathCheck[] = [];
  parsedList.output.forEach((item, index) => {
    const label = `check ${index + 1}${isRecord(item) && typeof item.name === 'string' ? ` (${item.name})` : ''}`;
    if (!isRecord(item)) return fail(`${label} is not a mapping`, 'each check to be a mapping of name, query, comparison, threshold');
    const parsed = v.safeParse(CHECK, item);
    // The schema reports every problem; the message names the first in this order: unknown
    // fields, then the fields in the order of FIELDS (a repeated name right after the name).
    const problems = new Set(parsed.success ? [] : parsed.issues.map((issue) => issue.path?.[0]?.key));
    // strictObject stops at the first unknown field; the message names them all.
    const unknown = Object.keys(item).filter((key) => !FIELDS.includes(key as Field));
    if ([...problems].some((key) => !FIELDS.includes(key as Field)))
      fail(`${label} has unknown field(s) ${unknown.join(', ')}`, `only the fields ${FIELDS.join(', ')}`);
    for (const field of FIELDS) {
      if (problems.has(field)) fail(`${label}: ${describeField(field, item[field])}`, EXPECTED[field]);
      if (field === 'name' && checks.some((check) => check.name === (item.name as string).trim())) fail(`${label}: name repeated`, 'every check name once');
    }
    if (!parsed.success) return fail(`${label} is not valid`, FORM);
    const { name, query, comparison, threshold, unit, description } = parsed.output;
    checks.push({ name, query, comparison, threshold, ...(unit ? { unit } : {}), ...(description ? { description } : {}) });
  });
  return checks;
}

/** What was wrong with a field's value, as the message shows it. */
function describeField(field: Field, value: unknown): string {
  return field === 'query' && typeof value === 'string' ? 'query empty or too long' : `${field} ${show(value)}`;
}

/** Whether the input names a file rather than holding YAML itself. */
export function looksLikeInlineYaml(raw: string): boolean {
  const value = raw.trim();
  return value.includes('\n') || /^[-[{]/.test(value) || /^checks\s*:/.test(value);
}

/** A value for a one-line message: text in single quotes (no JSON escapes), absence as 'missing'. */
function show(value: unknown): string {
  if (value === undefined || value === null) return 'missing';
  return typeof value === 'string' ? `'${value.slice(0, 80)}'` : JSON.stringify(value).slice(0, 80);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
