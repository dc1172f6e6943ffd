import { evidenceLine } from '../gates/go-no-go.js';
import { oneLine, type Attention } from './attention.js';
import { escapeMarkdown } from './escape.js';
import type { RunInfo } from './run-info.js';
import { markedDecision, markedStatus } from './status-mark.js';
import { markdownTable } from './table.js';
import type { GateResult } from '../verdict.js';

/** Longest evidence cell in the gates table: the line above and the report below say the rest. */
const TABLE_CELL_MAX = 200;

/**
 * The top of the job summary, what a reader sees first: the decision, one line per gate that
 * did not pass (why and what to do), the gates table, then the run's facts. Every block is its
 * own paragraph, list or table, so no two lines are joined into one when GitHub renders it.
 * Small by construction (lines are capped), so it is always kept whole.
 */
export function renderSummaryOpening(results: readonly GateResult[], run: RunInfo, decision: 'GO' | 'NO-GO', attention: readonly Attention[]): string {
  const gates = results.filter((result) => result.id !== 'go-no-go');
  const blocks = [`# Release gates (surreal): ${markedDecision(decision)}`, verdictLine(gates, decision, attention)];
  if (attention.length > 0) blocks.push(attention.map(attentionLine).join('\n'));
  if (gates.length > 0) {
    blocks.push(
      markdownTable(
        ['Gate', 'Status', 'Mode', 'Duration', 'Evidence'],
        gates.map((result) => [
          `\`${result.id}\``,
          markedStatus(result.status),
          escapeMarkdown(result.mode ?? ''),
          duration(result.durationMs),
          escapeMarkdown(oneLine(evidenceLine(result), TABLE_CELL_MAX)),
        ]),
      ),
    );
  }
  blocks.push(
    `Environment ${escapeMarkdown(run.appEnv)} · bucket ${escapeMarkdown(run.bucket)} · prefix ${escapeMarkdown(run.envPrefix)} · endpoint ${escapeMarkdown(run.endpoint)}`,
    `Started ${run.startedAt} · finished ${run.finishedAt} · surreal-release-gates ${escapeMarkdown(run.version)}`,
  );
  return `${blocks.join('\n\n')}\n`;
}

function verdictLine(gates: readonly GateResult[], decision: 'GO' | 'NO-GO', attention: readonly Attention[]): string {
  const count = `${gates.length} gate${gates.length === 1 ? '' : 's'}`;
  if (decision === 'GO') {
    const warned = attention.length;
    return warned === 0 ? `**All ${count} passed.**` : `**All ${count} passed**; ${warned} with a warning to read:`;
  }
  const blocking = attention.filter((item) => item.gate !== 'go-no-go' && item.status !== 'WARN').length;
  if (gates.length === 0) return '**No gate ran.**';
  return blocking > 0 ? `**${blocking} of ${count} did not pass:**` : `**All ${count} passed, but go/no-go did not:**`;
}

/** `- ❌ FAIL **verify**: finding` with `What to do: ...` on a line of its own (a hard line break). */
function attentionLine(item: Attention): string {
  return `- ${markedStatus(item.status)} **${item.gate}**: ${escapeMarkdown(item.finding)}\\\n  _What to do:_ ${escapeMarkdown(item.whatToDo)}`;
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
