import { GROWTH_PUSH_JOB } from '../../growth/metrics.js';
import type { GateContext } from '../types.js';
import type { Finding } from '../../verdict.js';

/** Pushes when pushgateway-url is set; returns the problem as a finding instead of throwing. */
export async function pushGrowth(context: GateContext, method: 'PUT' | 'POST', body: string): Promise<Finding | undefined> {
  const url = context.config.growth.pushgatewayUrl;
  if (url === undefined) return undefined;
  if (context.pushgateway === undefined) return { level: 'error', message: 'pushgateway-url is set but no Pushgateway client was provided to the gate.' };
  try {
    await context.pushgateway.push({ job: GROWTH_PUSH_JOB, grouping: { env: context.config.appEnv, prefix: context.config.envPrefix }, body, method });
    return undefined;
  } catch (error) {
    return {
      level: 'error',
      message: `Could not push the growth gauges: ${error instanceof Error ? error.message : String(error)}`,
      remediation: 'Check pushgateway-url and that the Pushgateway is reachable from the runner; until a push succeeds, ChatAttachmentGrowthGateStale fires.',
    };
  }
}

/** The finding that says where the gauges went: the push's problem, or where they were pushed. */
export async function pushGrowthFigures(context: GateContext, exposition: string): Promise<Finding> {
  const problem = await pushGrowth(context, 'PUT', exposition);
  if (problem) return problem;
  const url = context.config.growth.pushgatewayUrl;
  if (url === undefined) return { level: 'info', message: 'pushgateway-url is unset: the figures were not pushed (the alerts have nothing to read).' };
  return {
    level: 'info',
    message: `Pushed the growth gauges to ${url.origin} (job ${GROWTH_PUSH_JOB}, env ${context.config.appEnv}, prefix ${context.config.envPrefix}).`,
  };
}
