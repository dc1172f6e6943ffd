import type { SelectableGateId } from '../verdict.js';

/** When `gate` does not pass: run `rerun` once more, in order, then `gate` again. Once per run. */
export interface RetryRule {
  readonly gate: SelectableGateId;
  readonly rerun: readonly SelectableGateId[];
}

export interface Preset {
  readonly id: 'rollout';
  /** The runbook's stages, in order, by gate id (go/no-go always runs last). */
  readonly stages: readonly SelectableGateId[];
  readonly failFast: true;
  readonly archiveEvidence: true;
  readonly retry: RetryRule;
}

/**
 * The runbook's live rollout for one environment: alerts apply, lifecycle apply, lifecycle
 * verify, smoke, growth, hot-path, branch protection, then go/no-go. Fail-fast: stop at the first
 * stage that does not pass, except the runbook's one retry ("if lifecycle verify fails, re-apply
 * lifecycle policy and rerun verify before proceeding"). Evidence is archived for the environment.
 */
export const ROLLOUT_PRESET: Preset = {
  id: 'rollout',
  stages: ['alerts', 'lifecycle', 'verify', 'smoke', 'growth', 'hot-path', 'branch-protection'],
  failFast: true,
  archiveEvidence: true,
  retry: { gate: 'verify', rerun: ['lifecycle'] },
};

export const PRESETS: Readonly<Record<string, Preset>> = { rollout: ROLLOUT_PRESET };

/** The preset's stages in the runbook's order. */
export function presetGates(preset: Preset): SelectableGateId[] {
  return [...preset.stages];
}
