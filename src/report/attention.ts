import { type Finding, type GateResult, type GateStatus, decidingFinding } from '../verdict.js';

/** What a reader needs about one gate that did not pass: why, and what to do. Plain text, unescaped. */
export interface Attention {
  readonly gate: GateResult['id'];
  readonly title: string;
  readonly status: GateStatus;
  /** The finding that decided the status, else the gate's summary; one line. */
  readonly finding: string;
  readonly whatToDo: string;
}

/** Longest finding or advice carried into the summary's opening lines and annotations. */
export const ONE_LINE_MAX = 400;

/** Said when the deciding finding carries no remediation of its own. */
const FALLBACK_ADVICE: Readonly<Record<GateStatus, string>> = {
  PASS: '',
  WARN: 'It passes; read the finding in the report below before the next release.',
  FAIL: 'Read the findings in the report below; each says what it checked and found.',
  ERROR: 'The gate could not finish: fix what the finding names (endpoint, credentials, timeout), then re-run.',
  UNVERIFIABLE: 'Give the credentials the access the finding names, then re-run.',
  'NOT RUN': 'Fix the gate that stopped the run (above); fail-fast left this one out.',
};

/** Text on one line (any line break or run of spaces becomes one space), at most `max` characters. */
export function oneLine(text: string, max = ONE_LINE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One entry per gate whose status is not PASS (WARN included: it passes, but says what to look
 * at), in run order; go/no-go only for a reason of its own (an unhealthy service, no gate run),
 * since the gates it lists have their own entries.
 */
export function attentionOf(results: readonly GateResult[]): Attention[] {
  const gates = results.filter((result) => result.id !== 'go-no-go');
  const entries: Attention[] = gates.filter((result) => result.status !== 'PASS').map((result) => gateAttention(result));
  const goNoGo = results.find((result) => result.id === 'go-no-go');
  if (goNoGo !== undefined && goNoGo.status !== 'PASS') {
    const own = goNoGoOwnFindings(goNoGo, gates);
    const first = own[0];
    if (first !== undefined) {
      entries.push(entry(goNoGo, `${first.message}${own.length > 1 ? ` (and ${own.length - 1} more)` : ''}`, first.remediation));
    } else if (entries.length === 0) {
      entries.push(entry(goNoGo, goNoGo.summary, undefined));
    }
  }
  return entries;
}

function gateAttention(result: GateResult): Attention {
  // NOT RUN has only an info finding; its summary says why in fewer words.
  const deciding = result.status === 'NOT RUN' ? undefined : decidingFinding(result.findings);
  const advice = deciding?.remediation ?? result.findings.find((finding) => finding.level === deciding?.level && finding.remediation)?.remediation;
  return entry(result, deciding?.message ?? result.summary, advice);
}

function entry(result: GateResult, finding: string, remediation: string | undefined): Attention {
  return {
    gate: result.id,
    title: result.title,
    status: result.status,
    finding: oneLine(finding),
    whatToDo: oneLine(remediation !== undefined && remediation.trim() !== '' ? remediation : FALLBACK_ADVICE[result.status]),
  };
}

/**
 * go/no-go's findings that are not about another gate. go-no-go.ts words a gate's finding
 * `<id> is <STATUS>: <evidence>`; every other finding (a service of health-checks) is its own.
 */
function goNoGoOwnFindings(goNoGo: GateResult, gates: readonly GateResult[]): Finding[] {
  const aboutGates = gates.map((gate) => `${gate.id} is ${gate.status}: `);
  return goNoGo.findings.filter((finding) => finding.level !== 'info' && !aboutGates.some((prefix) => finding.message.startsWith(prefix)));
}
