import type { Config } from '../config/types.js';
import type { Logger } from '../util/logger.js';
import { actionsExecRunner } from './exec.js';
import { createKubectl, type Kubectl } from './kubectl.js';
import { createPromtool, type Promtool } from './promtool.js';
import { createPushgateway, type Pushgateway } from './pushgateway.js';

export interface ObservabilityClients {
  readonly kubectl: Kubectl;
  readonly promtool: Promtool;
  readonly pushgateway?: Pushgateway;
}

/** The growth and alerts gates' tools, and the Pushgateway when pushgateway-url is set. */
export function createObservabilityClients(config: Config, log: Logger): ObservabilityClients {
  const runner = actionsExecRunner();
  return {
    kubectl: createKubectl(runner, log),
    promtool: createPromtool(runner),
    ...(config.growth.pushgatewayUrl ? { pushgateway: createPushgateway(config.growth.pushgatewayUrl, log) } : {}),
  };
}
