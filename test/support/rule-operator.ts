import { parse } from 'yaml';
import { ruleFileYaml } from '../../src/alerts/manifest.js';
import { appliedManifests, type KubectlStandIn } from './kubectl-stand-in.js';
import type { PrometheusStack } from './prometheus.js';

/**
 * Plays the Prometheus Operator for the kubectl stand-in: each PrometheusRule applied through it
 * becomes a rule file (its spec) in the real Prometheus, which is reloaded. So the alerts gate
 * sees its group in /api/v1/rules only after its own apply, as in a cluster.
 */
export interface RuleOperator {
  /** Rule files loaded so far, by PrometheusRule name. */
  readonly loaded: string[];
  stop(): Promise<void>;
}

export function startRuleOperator(standIn: KubectlStandIn, stack: PrometheusStack, pollMs = 100): RuleOperator {
  const seen = new Set<string>();
  const loaded: string[] = [];
  let problem: unknown;
  let busy: Promise<void> = Promise.resolve();
  const reconcile = async () => {
    for (const { file, text } of await appliedManifests(standIn)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const manifest = parse(text) as { kind?: string; metadata?: { name?: string }; spec?: unknown };
      if (manifest.kind !== 'PrometheusRule' || manifest.metadata?.name === undefined) continue;
      await stack.loadRuleFile(`${manifest.metadata.name}.yml`, ruleFileYaml(manifest.spec));
      loaded.push(manifest.metadata.name);
    }
  };
  const timer = setInterval(() => {
    busy = busy.then(reconcile).catch((error: unknown) => {
      problem = error;
    });
  }, pollMs);
  return {
    loaded,
    async stop() {
      clearInterval(timer);
      await busy;
      if (problem !== undefined) throw problem;
    },
  };
}
