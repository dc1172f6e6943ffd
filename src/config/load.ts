import { parseHealthChecks } from './health-checks.js';
import { INPUTS, type InputDefinition, type InputName } from './inputs.js';
import { loadGitHubSettings, type Environment } from './load-github.js';
import { loadHotPath, loadPrometheus } from './load-hot-path.js';
import { loadPublishSettings } from './load-publish.js';
import { parseContextName, parseLabelList, parseNamespace, parseRunbookUrl } from './parse-alerts.js';
import { parseGrowthSource } from './parse-growth.js';
import {
  parseAppEnv,
  parseBoolean,
  parseBucketName,
  parseChoice,
  parseEndpoint,
  parseInteger,
  parseKeyPrefix,
  parsePrefixList,
  parseRegion,
  parseRuleIdList,
} from './parse.js';
import { parseReportsDir } from './reports-dir.js';
import { loadSmokeSettings } from './smoke.js';
import { PRESETS, presetGates } from './presets.js';
import type { Config } from './types.js';
import { InputError, SELECTABLE_GATES, type SelectableGateId } from '../verdict.js';

/** Returns the raw text of an input, or undefined/empty when it is not set. */
export type InputReader = (input: InputDefinition) => string | undefined;

export interface LoadOptions {
  /** Directories reports-dir must lie in (the action: workspace and RUNNER_TEMP); undefined: anywhere. */
  readonly reportRoots?: readonly string[];
}

/**
 * Reads every input once and validates it; empty means unset, so defaults live here only.
 * Throws InputError on the first bad input, before anything touches a server.
 */
export function loadConfig(read: InputReader, workspace: string, env: Environment = process.env, options: LoadOptions = {}): Config {
  const raw = (name: InputName): string | undefined => {
    const definition = INPUTS.find((input) => input.name === name);
    if (!definition) throw new Error(`unknown input ${name}`);
    const value = read(definition);
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const required = (name: InputName, expected: string): string => {
    const value = raw(name);
    if (value === undefined) throw new InputError(name, '', expected);
    return value;
  };
  const withDefault = (name: InputName): string => {
    const definition = INPUTS.find((input) => input.name === name);
    const fallback = definition && 'default' in definition ? definition.default : undefined;
    const value = raw(name) ?? fallback;
    if (value === undefined) throw new Error(`input ${name} has no default`);
    return value;
  };

  const accessKey = raw('s3-access-key')?.trim();
  const secretKey = raw('s3-secret-key')?.trim();
  const chatApiToken = raw('chat-api-token')?.trim();
  const secrets = [secretKey, chatApiToken].filter((value): value is string => value !== undefined);
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    // Never echo either value: the message names the inputs only.
    throw new InputError(
      accessKey === undefined ? 's3-access-key' : 's3-secret-key',
      '',
      'both s3-access-key and s3-secret-key, or neither (to use the default credential chain)',
    );
  }

  const appEnv = parseAppEnv('app-env', required('app-env', 'an environment name such as staging'));
  const prefix = parseKeyPrefix('chat-attachment-s3-prefix', withDefault('chat-attachment-s3-prefix'));
  const envPrefix = `${prefix}/${appEnv}/`;
  const requiredRaw = raw('chat-attachment-required-prefixes');
  const requiredPrefixes = requiredRaw === undefined ? [envPrefix] : parsePrefixList('chat-attachment-required-prefixes', requiredRaw, prefix);
  const expireDays = parseInteger('expire-days', withDefault('expire-days'), 1, 36500);
  const abortIncompleteMultipartDays = parseInteger('abort-incomplete-multipart-days', withDefault('abort-incomplete-multipart-days'), 0, 365);
  const expectRaw = raw('expect-expire-days');
  const expectExpireDays = expectRaw === undefined ? undefined : parseInteger('expect-expire-days', expectRaw, 1, 36500);
  const adoptRaw = raw('lifecycle-adopt-rule-ids');
  const adoptRuleIds = adoptRaw === undefined ? [] : parseRuleIdList('lifecycle-adopt-rule-ids', adoptRaw);

  const bucket = parseBucketName('s3-bucket', required('s3-bucket', 'an S3 bucket name such as chat-attachments-staging'));
  const endpointRaw = raw('s3-endpoint');
  const endpoint = endpointRaw === undefined ? undefined : parseEndpoint('s3-endpoint', endpointRaw);
  const region = parseRegion('s3-region', withDefault('s3-region'));
  const pathStyleRaw = raw('s3-force-path-style');
  const forcePathStyle = pathStyleRaw === undefined ? endpoint !== undefined : parseBoolean('s3-force-path-style', pathStyleRaw);
  const timeoutSeconds = parseInteger('s3-timeout-seconds', withDefault('s3-timeout-seconds'), 1, 600);

  const mode = parseChoice('mode', withDefault('mode'), ['apply', 'plan'] as const);
  const preset = PRESETS[withDefault('gates').trim()];
  const gates = preset ? presetGates(preset) : parseGates(withDefault('gates'));
  if (preset && mode !== 'apply') {
    throw new InputError(
      'mode',
      mode,
      `apply with gates: ${preset.id} (the rollout applies changes; preview with gates: bucket,lifecycle,verify and mode: plan)`,
    );
  }
  const failFast = parseBoolean('fail-fast', withDefault('fail-fast')) || preset?.failFast === true;
  const reportsDir = parseReportsDir('reports-dir', withDefault('reports-dir'), workspace, options.reportRoots);
  const github = loadGitHubSettings({ raw, withDefault }, env, gates);
  if (github.token !== undefined) secrets.push(github.token);
  if (github.adminToken !== undefined) secrets.push(github.adminToken);
  const publish = loadPublishSettings({ withDefault }, env, { gates, mode, github });
  const smoke = loadSmokeSettings({ raw, withDefault, prefix, appEnv, envPrefix, token: chatApiToken, s3TimeoutMs: timeoutSeconds * 1000 });

  const inputs = { raw, withDefault };
  const prometheus = loadPrometheus(inputs, gates.includes('hot-path'));
  const hotPath = loadHotPath(inputs, workspace, gates.includes('hot-path'));
  const healthRaw = raw('health-checks');
  const healthTimeoutMs = parseInteger('health-check-timeout-seconds', withDefault('health-check-timeout-seconds'), 1, 300) * 1000;
  const health = healthRaw === undefined ? { targets: [], secrets: [] } : parseHealthChecks(healthRaw, healthTimeoutMs);
  secrets.push(...health.secrets, ...(prometheus?.basicAuth?.password ? [prometheus.basicAuth.password] : []));
  const archiveEvidence = parseBoolean('archive-evidence', withDefault('archive-evidence')) || preset?.archiveEvidence === true;

  const graceDays = parseInteger('retention-grace-days', withDefault('retention-grace-days'), 0, 365);
  const pushgatewayRaw = raw('pushgateway-url');
  const growthSource = parseGrowthSource(withDefault('growth-source'), raw('inventory-location'));
  const contextRaw = raw('k8s-context');
  const alerts = {
    // The runbook's rollout applies the alerts ("alerts apply"); otherwise alerts-mode decides.
    mode: preset ? ('apply' as const) : parseChoice('alerts-mode', withDefault('alerts-mode'), ['dry-run', 'apply'] as const),
    k8sContext: contextRaw === undefined ? undefined : parseContextName('k8s-context', contextRaw),
    k8sNamespace: parseNamespace('k8s-namespace', withDefault('k8s-namespace')),
    ruleLabels: parseLabelList('alerts-rule-labels', withDefault('alerts-rule-labels')),
    runbookUrl: parseRunbookUrl('alerts-runbook-url', withDefault('alerts-runbook-url')),
    growthPercent: parseInteger('alerts-growth-percent', withDefault('alerts-growth-percent'), 1, 10000),
    staleHours: parseInteger('alerts-stale-hours', withDefault('alerts-stale-hours'), 1, 8760),
    verifyTimeoutMs: parseInteger('alerts-verify-timeout-seconds', withDefault('alerts-verify-timeout-seconds'), 1, 3600) * 1000,
  };

  return {
    appEnv,
    prefix,
    envPrefix,
    requiredPrefixes,
    expireDays,
    abortIncompleteMultipartDays,
    expectExpireDays,
    adoptRuleIds,
    s3: {
      bucket,
      endpoint,
      region,
      credentials: accessKey !== undefined && secretKey !== undefined ? { accessKeyId: accessKey, secretAccessKey: secretKey } : undefined,
      forcePathStyle,
      timeoutMs: timeoutSeconds * 1000,
    },
    mode,
    github,
    publish,
    gates,
    failFast,
    reportsDir,
    growth: {
      graceDays,
      pushgatewayUrl: pushgatewayRaw === undefined ? undefined : parseEndpoint('pushgateway-url', pushgatewayRaw),
      ...growthSource,
    },
    alerts,
    // One prometheus-url, with one set of credentials (config.prometheus), for both gates.
    prometheusUrl: prometheus?.url,
    secrets,
    smoke,
    prometheus,
    hotPath,
    healthChecks: health.targets,
    archiveEvidence,
    preset: preset?.id,
    retry: preset?.retry,
  };
}

function parseGates(rawGates: string): SelectableGateId[] {
  const expected = `a comma-separated list of gate ids, each once, from: ${SELECTABLE_GATES.join(', ')}; or one preset: ${Object.keys(PRESETS).join(', ')}`;
  const ids = rawGates.split(',').map((id) => id.trim());
  const gates: SelectableGateId[] = [];
  for (const id of ids) {
    if (id === 'go-no-go' || id === 'go/no-go') continue; // always runs last anyway
    const gate = SELECTABLE_GATES.find((known) => known === id);
    if (PRESETS[id] !== undefined) throw new InputError('gates', rawGates, `${expected} (the preset '${id}' stands alone)`);
    if (gate === undefined || gates.includes(gate)) {
      throw new InputError('gates', rawGates, `${expected}${gate === undefined ? ` (unknown gate '${id}')` : ` ('${id}' repeated)`}`);
    }
    gates.push(gate);
  }
  if (gates.length === 0) throw new InputError('gates', rawGates, expected);
  return gates;
}
