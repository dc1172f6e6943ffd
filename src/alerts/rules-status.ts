/** A rule as /api/v1/rules reports it (the fields the gates read). */
export interface LoadedRule {
  readonly name: string;
  readonly type: 'alerting' | 'recording' | string;
  readonly query: string;
  readonly health: 'ok' | 'err' | 'unknown' | string;
  readonly lastError?: string;
  readonly duration?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly state?: string;
}

export interface LoadedRuleGroup {
  readonly name: string;
  readonly file: string;
  readonly rules: readonly LoadedRule[];
}

export type GroupState =
  | { readonly state: 'healthy'; readonly evaluated: number }
  | { readonly state: 'pending'; readonly reason: string }
  | { readonly state: 'unhealthy'; readonly reason: string };

/**
 * Judges /api/v1/rules for one group: healthy when it holds every expected alert and each was
 * evaluated without error; pending while it is missing or not yet evaluated (Prometheus and the
 * operator load rules asynchronously); unhealthy when a rule failed to evaluate.
 */
export function judgeLoadedGroup(groups: readonly LoadedRuleGroup[], groupName: string, expectedAlerts: readonly string[]): GroupState {
  const group = groups.find((candidate) => candidate.name === groupName);
  if (group === undefined) {
    const seen = groups.map((candidate) => candidate.name);
    return { state: 'pending', reason: `rule group ${groupName} is not loaded (loaded groups: ${seen.length === 0 ? 'none' : seen.slice(0, 20).join(', ')})` };
  }
  const alerts = group.rules.filter((rule) => rule.type === 'alerting');
  const missing = expectedAlerts.filter((name) => !alerts.some((rule) => rule.name === name));
  if (missing.length > 0) return { state: 'pending', reason: `rule group ${groupName} (${group.file}) lacks ${missing.join(', ')}` };
  const failing = alerts.filter((rule) => rule.health === 'err');
  if (failing.length > 0) {
    return { state: 'unhealthy', reason: failing.map((rule) => `${rule.name}: ${rule.lastError ?? 'evaluation error'}`).join('; ') };
  }
  const unevaluated = alerts.filter((rule) => rule.health !== 'ok');
  if (unevaluated.length > 0)
    return { state: 'pending', reason: `not evaluated yet: ${unevaluated.map((rule) => `${rule.name} (${rule.health})`).join(', ')}` };
  return { state: 'healthy', evaluated: alerts.length };
}
