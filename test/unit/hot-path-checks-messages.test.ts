import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/verdict.js';
import { parseHotPathChecks } from '../../src/hot-path/checks.js';

/**
 * Every bad-input message of hot-path-checks, word for word: one line naming the input, the check
 * and the field, and the expected form. Pinned before the parser moved to a schema library.
 */
const FORM =
  'the checks are a YAML list (or a mapping with a `checks` list) of checks, each {name, query, comparison (<, <=, >, >=), threshold (a number), optional unit and description}';

const REJECTED: [string, string, string][] = [
  [
    'YAML syntax',
    'checks: [',
    'Invalid input \'hot-path-checks\': got "inline YAML: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 10". Expected valid YAML; ' +
      FORM +
      '.',
  ],
  [
    'bare >',
    '- name: rate\n  query: up\n  comparison: >=\n  threshold: 1\n',
    "Invalid input 'hot-path-checks': got \"inline YAML: YAML syntax error: Block scalar header includes extra characters: >= at line 3, column 16\". Expected valid YAML (quote comparisons: a bare '>' starts a YAML block scalar, write '>='); " +
      FORM +
      '.',
  ],
  ['empty list', 'checks: []', 'Invalid input \'hot-path-checks\': got "inline YAML: no list of checks". Expected at least one check; ' + FORM + '.'],
  ['scalar', 'just text', 'Invalid input \'hot-path-checks\': got "inline YAML: no list of checks". Expected at least one check; ' + FORM + '.'],
  ['null document', '', 'Invalid input \'hot-path-checks\': got "inline YAML: no list of checks". Expected at least one check; ' + FORM + '.'],
  [
    'mapping without checks',
    'name: a\nquery: up',
    'Invalid input \'hot-path-checks\': got "inline YAML: no list of checks". Expected at least one check; ' + FORM + '.',
  ],
  [
    'checks not a list',
    'checks: {name: a}',
    'Invalid input \'hot-path-checks\': got "inline YAML: no list of checks". Expected at least one check; ' + FORM + '.',
  ],
  [
    'checks plus another key',
    'checks: []\nother: 1',
    'Invalid input \'hot-path-checks\': got "inline YAML: no list of checks". Expected at least one check; ' + FORM + '.',
  ],
  [
    'too many',
    JSON.stringify(Array.from({ length: 51 }, (_, i) => ({ name: `c${i}`, query: 'up', comparison: '<', threshold: 1 }))),
    'Invalid input \'hot-path-checks\': got "inline YAML: 51 checks". Expected at most 50 checks; ' + FORM + '.',
  ],
  [
    'item not mapping',
    '- just text',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 is not a mapping". Expected each check to be a mapping of name, query, comparison, threshold; ' +
      FORM +
      '.',
  ],
  [
    'item a list',
    '- [1, 2]',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 is not a mapping". Expected each check to be a mapping of name, query, comparison, threshold; ' +
      FORM +
      '.',
  ],
  [
    'item null',
    '- ',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 is not a mapping". Expected each check to be a mapping of name, query, comparison, threshold; ' +
      FORM +
      '.',
  ],
  [
    'unknown field',
    '- {name: a, query: up, comparison: "<", treshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a) has unknown field(s) treshold". Expected only the fields name, query, comparison, threshold, unit, description; ' +
      FORM +
      '.',
  ],
  [
    'two unknown fields',
    '- {name: a, query: up, comparison: "<", threshold: 1, foo: 1, bar: 2}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a) has unknown field(s) foo, bar". Expected only the fields name, query, comparison, threshold, unit, description; ' +
      FORM +
      '.',
  ],
  [
    'unknown field without name',
    '- {query: up, comparison: "<", threshold: 1, foo: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 has unknown field(s) foo". Expected only the fields name, query, comparison, threshold, unit, description; ' +
      FORM +
      '.',
  ],
  [
    'missing name',
    '- {query: up, comparison: "<", threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1: name missing". Expected a name of 1-80 letters, digits, spaces or . _ : / -, starting with a letter or digit; ' +
      FORM +
      '.',
  ],
  [
    'numeric name',
    '- {name: 42, query: up, comparison: "<", threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1: name 42". Expected a name of 1-80 letters, digits, spaces or . _ : / -, starting with a letter or digit; ' +
      FORM +
      '.',
  ],
  [
    'name with markup',
    '- {name: "<b>x</b>", query: up, comparison: "<", threshold: 1}',
    "Invalid input 'hot-path-checks': got \"inline YAML: check 1 (<b>x</b>): name '<b>x</b>'\". Expected a name of 1-80 letters, digits, spaces or . _ : / -, starting with a letter or digit; " +
      FORM +
      '.',
  ],
  [
    'name too long',
    `- {name: ${'a'.repeat(81)}, query: up, comparison: "<", threshold: 1}`,
    "Invalid input 'hot-path-checks': got \"inline YAML: check 1 (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa): name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'\". Expected a name of 1-80 letters, digits, spaces or . _ : / -, starting with a letter or digit; " +
      FORM +
      '.',
  ],
  [
    'repeated name',
    '- {name: a, query: up, comparison: "<", threshold: 1}\n- {name: a, query: up, comparison: "<", threshold: 2}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 2 (a): name repeated". Expected every check name once; ' + FORM + '.',
  ],
  [
    'repeated name after trim',
    '- {name: a, query: up, comparison: "<", threshold: 1}\n- {name: " a", query: up, comparison: "<", threshold: 2}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 2 ( a): name repeated". Expected every check name once; ' + FORM + '.',
  ],
  [
    'missing query',
    '- {name: a, comparison: "<", threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): query missing". Expected a PromQL expression of at most 4000 characters; ' + FORM + '.',
  ],
  [
    'empty query',
    '- {name: a, query: "", comparison: "<", threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): query empty or too long". Expected a PromQL expression of at most 4000 characters; ' +
      FORM +
      '.',
  ],
  [
    'blank query',
    '- {name: a, query: "   ", comparison: "<", threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): query empty or too long". Expected a PromQL expression of at most 4000 characters; ' +
      FORM +
      '.',
  ],
  [
    'numeric query',
    '- {name: a, query: 5, comparison: "<", threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): query 5". Expected a PromQL expression of at most 4000 characters; ' + FORM + '.',
  ],
  [
    'long query',
    `- {name: a, query: "${'u'.repeat(4001)}", comparison: "<", threshold: 1}`,
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): query empty or too long". Expected a PromQL expression of at most 4000 characters; ' +
      FORM +
      '.',
  ],
  [
    'list query',
    '- {name: a, query: [up], comparison: "<", threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): query [\\"up\\"]". Expected a PromQL expression of at most 4000 characters; ' +
      FORM +
      '.',
  ],
  [
    'bad comparison',
    '- {name: a, query: up, comparison: "=<", threshold: 1}',
    "Invalid input 'hot-path-checks': got \"inline YAML: check 1 (a): comparison '=<'\". Expected comparison to be one of <, <=, >, >= (quoted in YAML); " +
      FORM +
      '.',
  ],
  [
    'missing comparison',
    '- {name: a, query: up, threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): comparison missing". Expected comparison to be one of <, <=, >, >= (quoted in YAML); ' +
      FORM +
      '.',
  ],
  [
    'numeric comparison',
    '- {name: a, query: up, comparison: 1, threshold: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): comparison 1". Expected comparison to be one of <, <=, >, >= (quoted in YAML); ' +
      FORM +
      '.',
  ],
  [
    'missing threshold',
    '- {name: a, query: up, comparison: "<"}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): threshold missing". Expected threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio); ' +
      FORM +
      '.',
  ],
  [
    'threshold 300ms',
    '- {name: a, query: up, comparison: "<", threshold: 300ms}',
    "Invalid input 'hot-path-checks': got \"inline YAML: check 1 (a): threshold '300ms'\". Expected threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio); " +
      FORM +
      '.',
  ],
  [
    'threshold quoted',
    '- {name: a, query: up, comparison: "<", threshold: "300"}',
    "Invalid input 'hot-path-checks': got \"inline YAML: check 1 (a): threshold '300'\". Expected threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio); " +
      FORM +
      '.',
  ],
  [
    'threshold .inf',
    '- {name: a, query: up, comparison: "<", threshold: .inf}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): threshold null". Expected threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio); ' +
      FORM +
      '.',
  ],
  [
    'threshold .nan',
    '- {name: a, query: up, comparison: "<", threshold: .nan}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): threshold null". Expected threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio); ' +
      FORM +
      '.',
  ],
  [
    'threshold bool',
    '- {name: a, query: up, comparison: "<", threshold: true}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): threshold true". Expected threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio); ' +
      FORM +
      '.',
  ],
  [
    'unit number',
    '- {name: a, query: up, comparison: "<", threshold: 1, unit: 5}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): unit 5". Expected unit to be text of at most 200 characters; ' + FORM + '.',
  ],
  [
    'unit long',
    `- {name: a, query: up, comparison: "<", threshold: 1, unit: ${'m'.repeat(201)}}`,
    "Invalid input 'hot-path-checks': got \"inline YAML: check 1 (a): unit 'mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm'\". Expected unit to be text of at most 200 characters; " +
      FORM +
      '.',
  ],
  [
    'description list',
    '- {name: a, query: up, comparison: "<", threshold: 1, description: [x]}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): description [\\"x\\"]". Expected description to be text of at most 200 characters; ' +
      FORM +
      '.',
  ],
  [
    'description object',
    '- {name: a, query: up, comparison: "<", threshold: 1, description: {a: 1}}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 (a): description {\\"a\\":1}". Expected description to be text of at most 200 characters; ' +
      FORM +
      '.',
  ],
  [
    'duplicate key',
    '- name: a\n  name: b\n  query: up\n  comparison: "<"\n  threshold: 1',
    'Invalid input \'hot-path-checks\': got "inline YAML: YAML syntax error: Map keys must be unique at line 2, column 3". Expected valid YAML; ' + FORM + '.',
  ],
  [
    'second check bad',
    '- {name: a, query: up, comparison: "<", threshold: 1}\n- {name: b, query: up, comparison: "<", threshold: x}',
    "Invalid input 'hot-path-checks': got \"inline YAML: check 2 (b): threshold 'x'\". Expected threshold to be a finite number in the unit of the query (e.g. 300 for ms, 0.01 for a ratio); " +
      FORM +
      '.',
  ],
  [
    'many problems, first wins',
    '- {name: "", query: "", comparison: "=", threshold: x, extra: 1}',
    'Invalid input \'hot-path-checks\': got "inline YAML: check 1 () has unknown field(s) extra". Expected only the fields name, query, comparison, threshold, unit, description; ' +
      FORM +
      '.',
  ],
  [
    'long name shown cut',
    `- {name: a, query: up, comparison: "${'<'.repeat(100)}", threshold: 1}`,
    "Invalid input 'hot-path-checks': got \"inline YAML: check 1 (a): comparison '<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<'\". Expected comparison to be one of <, <=, >, >= (quoted in YAML); " +
      FORM +
      '.',
  ],
  [
    'aliases',
    'x: &a {name: a, query: up, comparison: "<", threshold: 1}\nchecks: [*a]',
    'Invalid input \'hot-path-checks\': got "inline YAML: no list of checks". Expected at least one check; ' + FORM + '.',
  ],
];

const ACCEPTED: [string, string, unknown][] = [
  ['name with spaces around', '- {name: "  p95  ", query: up, comparison: "<", threshold: 1}', [{ name: 'p95', query: 'up', comparison: '<', threshold: 1 }]],
  ['comparison with spaces', '- {name: a, query: up, comparison: " <= ", threshold: 1}', [{ name: 'a', query: 'up', comparison: '<=', threshold: 1 }]],
  [
    'unit null and description empty',
    '- {name: a, query: " up ", comparison: " < ", threshold: 1e3, unit: null, description: ""}',
    [{ name: 'a', query: 'up', comparison: '<', threshold: 1000 }],
  ],
  [
    'trimmed',
    '- {name: "  p95 ", query: up, comparison: ">=", threshold: -0.5, unit: " ms ", description: " d "}',
    [{ name: 'p95', query: 'up', comparison: '>=', threshold: -0.5, unit: 'ms', description: 'd' }],
  ],
  [
    'checks mapping',
    'checks:\n  - {name: a, query: up, comparison: "<", threshold: 1}\n  - {name: b, query: up, comparison: "<=", threshold: 2}',
    [
      { name: 'a', query: 'up', comparison: '<', threshold: 1 },
      { name: 'b', query: 'up', comparison: '<=', threshold: 2 },
    ],
  ],
];

describe('hot-path-checks messages', () => {
  it.each(REJECTED)('rejects %s', (_name, text, message) => {
    let thrown: unknown;
    try {
      parseHotPathChecks(text, 'inline YAML');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toBe(message);
  });

  it.each(ACCEPTED)('accepts %s', (_name, text, checks) => {
    expect(parseHotPathChecks(text, 'inline YAML')).toEqual(checks);
  });
});
