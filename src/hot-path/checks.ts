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
const KEYS = new Set(['name', 'query', 'comparison', 'threshold', 'unit', 'description']);
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,79}$/;
const MAX_CHECKS = 50;
const MAX_QUERY_LENGTH = 4000;

/**
 * Parses and validates the checks; any problem is one InputError line naming the check and the
 * field, so a typo (`treshold`, `comparison: =<`) stops the run before anything is queried.
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
  if (!Array.isArray(list) || list.length === 0) fail('no list of checks', 'at least one check');
  const items = list as unknown[];
  if (items.length > MAX_CHECKS) fail(`${items.length} checks`, `at most ${MAX_CHECKS} checks`);

  const checks: HotPathCheck[] = [];
  items.forEach((item, index) => {
    const label = `check ${index + 1}${isRecord(item) && typeof item.name === 'string' ? ` (${item.name})` : ''}`;
    if (!isRecord(item)) return fail(`${label} is not a mapping`, 'each check to be a mapping of name, query, comparison, threshold');
    const unknown = Object.keys(item).filter((key) => !KEYS.has(key));
    if (unknown.length > 0) fail(`${label} has unknown field(s) ${unknown.join(', ')}`, `only the fields ${[...KEYS].join(', ')}`);

    const { name, query, comparison, threshold, unit, description } = item;
    if (typeof name !== 'string' || !NAME_PATTERN.test(name.trim())) {
      fail(`${label}: name ${show(name)}`, 'a name of 1-80 letters, digits, spaces or . _ : / -, starting with a letter or digit');
    }
    const checkName = (name as string).trim();
    if (checks.some((check) => check.name === checkName)) fail(`${label}: name repeated`, 'every check name once');
    if (typeof query !== 'string' || query.trim() === '' || query.length > MAX_QUERY_LENGTH) {
      fail(`${label}: query ${typeof query === 'string' ? 'empty or too long' : show(query)}`, `a PromQL expression of at most ${MAX_QUERY_LENGTH} characters`);
    }
    const found = COMPARISONS.find((candidate) => candidate === (typeof comparison === 'string' ? comparison.trim() : comparison));
    if (found === undefined) fail(`${label}: comparison ${show(comparison)}`, `comparison to be one of ${COMPARISONS.join(', ')} (quoted in YAML)`);
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      fail(`${label}: threshold ${show(threshold)}`, 'threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio)');
    }
    for (const [field, value] of [['unit', unit], ['description', description]] as const) {
      if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 200)) {
        fail(`${label}: ${field} ${show(value)}`, `${field} to be text of at most 200 characters`);
      }
    }
    checks.push({
      name: checkName,
      query: (query as string).trim(),
      comparison: found as Comparison,
      threshold: threshold as number,
      ...(typeof unit === 'string' && unit.trim() !== '' ? { unit: unit.trim() } : {}),
      ...(typeof description === 'string' && description.trim() !== '' ? { description: description.trim() } : {}),
    });
  });
  return checks;
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
