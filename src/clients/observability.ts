import type { Config } from '../config/types.js';
import type { Logger } from '../util/logger.js';
import { actionsExecRunner } from './exec.js';
import { createKubectl, type Kubectl } from './kubectl.js';
import { DEFAULT_HTTP_POLICY } from './http.js';
import { createPrometheusApi, type PrometheusApi } from './prometheus.js';
import { createPromtool, type Promtool } from './promtool.js';
import { createPushgateway, type Pushgateway } from './pushgateway.js';

export interface ObservabilityClients {
  readonly kubectl: Kubectl;
  readonly promtool: Promtool;
  readonly pushgateway?: Pushgateway;
  readonly prometheusRules?: PrometheusApi;
}

/** The growth and alerts gates' clients; the HTTP ones only when their URL input is set. */
export function createObservabilityClients(config: Config, log: Logger): ObservabilityClients {
  const runner = actionsExecRunner();
  return {
    kubectl: createKubectl(runner, log),
    promtool: createPromtool(runner),
    ...(config.growth.pushgatewayUrl ? { pushgateway: createPushgateway(config.growth.pushgatewayUrl, log) } : {}),
    ...(config.prometheus ? { prometheusRules: createPrometheusApi(config.prometheus.url, log, DEFAULT_HTTP_POLICY, config.prometheus.basicAuth) } : {}),
  };
}
