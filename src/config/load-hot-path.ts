import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { looksLikeInlineYaml, parseHotPathChecks } from '../hot-path/checks.js';
import { defaultMinSamples, expectedSamples } from '../hot-path/window.js';
import { formatDuration, parseDuration } from './duration.js';
import type { InputName } from './inputs.js';
import { parseChoice, parseInteger } from './parse.js';
import type { HotPathSettings, PrometheusSettings } from './types.js';
import { redactUrl, splitUrlCredentials } from '../util/url-credentials.js';
import { InputError } from '../verdict.js';

/** The two readers loadConfig gives its helpers: raw text (undefined when unset) and text with the table's default. */
export interface InputAccess {
  raw(name: InputName): string | undefined;
  withDefault(name: InputName): string;
}

const MAX_WINDOW_MS = 3_600_000;
/** Prometheus refuses query_range results above 11,000 points per series. */
const MAX_POINTS = 11_000;

/** prometheus-url: an http(s) base URL; user:password@ becomes basic auth (the password is masked). */
export function parsePrometheusUrl(input: string, raw: string): { url: URL; basicAuth: PrometheusSettings['basicAuth'] } {
  const value = raw.trim();
  const shown = redactUrl(value);
  const expected = 'an http(s) base URL of Prometheus without query or fragment, such as http://prometheus.monitoring:9090 (user:password@ for basic auth)';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, shown, expected);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) throw new InputError(input, shown, expected);
  const { url: bare, credentials } = splitUrlCredentials(url);
  return { url: bare, basicAuth: credentials };
}

/** Settings of the Prometheus client; undefined when prometheus-url is unset and no gate needs it. */
export function loadPrometheus(inputs: InputAccess, needed: boolean): PrometheusSettings | undefined {
  const raw = inputs.raw('prometheus-url');
  if (raw === undefined) {
    if (needed) throw new InputError('prometheus-url', '', 'the Prometheus base URL, e.g. http://prometheus.monitoring:9090 (the hot-path gate queries it)');
    return undefined;
  }
  const { url, basicAuth: fromUrl } = parsePrometheusUrl('prometheus-url', raw);
  const fromInputs = prometheusCredentials(inputs);
  if (fromUrl !== undefined && fromInputs !== undefined) {
    throw new InputError('prometheus-username', '', 'credentials in prometheus-username and prometheus-password, or in prometheus-url, not both');
  }
  const timeoutSeconds = parseInteger('prometheus-timeout-seconds', inputs.withDefault('prometheus-timeout-seconds'), 1, 600);
  return { url, basicAuth: fromInputs ?? fromUrl, timeoutMs: timeoutSeconds * 1000 };
}

/** prometheus-username and prometheus-password: both or neither; the password is never echoed. */
function prometheusCredentials(inputs: InputAccess): PrometheusSettings['basicAuth'] {
  const username = inputs.raw('prometheus-username')?.trim();
  const password = inputs.raw('prometheus-password')?.trim();
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    throw new InputError(
      username === undefined ? 'prometheus-username' : 'prometheus-password',
      '',
      'both prometheus-username and prometheus-password, or neither',
    );
  }
  if (/[:\r\n]/.test(username))
    throw new InputError('prometheus-username', username.replace(/[\r\n]/g, ' '), 'a basic-auth user name without a colon or line break');
  return { username, password };
}

/** The hot-path checks, window and policies; undefined when hot-path-checks is unset and the gate is not selected. */
export function loadHotPath(inputs: InputAccess, workspace: string, needed: boolean): HotPathSettings | undefined {
  const raw = inputs.raw('hot-path-checks');
  const windowMs = parseDuration('hot-path-window', inputs.withDefault('hot-path-window'), 1000, MAX_WINDOW_MS);
  const stepMs = parseDuration('hot-path-step', inputs.withDefault('hot-path-step'), 1000, windowMs);
  if (expectedSamples(windowMs, stepMs) > MAX_POINTS) {
    throw new InputError(
      'hot-path-step',
      inputs.withDefault('hot-path-step'),
      `a step giving at most ${MAX_POINTS} samples over hot-path-window (${formatDuration(windowMs)})`,
    );
  }
  const possible = expectedSamples(windowMs, stepMs);
  const minRaw = inputs.raw('hot-path-min-samples');
  const minSamples = minRaw === undefined ? defaultMinSamples(windowMs, stepMs) : parseInteger('hot-path-min-samples', minRaw, 1, possible);
  const onNoData = parseChoice('on-no-data', inputs.withDefault('on-no-data'), ['fail', 'pass'] as const);
  if (raw === undefined) {
    if (needed) {
      throw new InputError('hot-path-checks', '', 'a YAML file path or inline YAML listing the checks of the hot-path gate (see docs/gates/hot-path.md)');
    }
    return undefined;
  }
  let text = raw;
  let source = 'inline YAML';
  if (!looksLikeInlineYaml(raw)) {
    source = raw.trim();
    const file = path.resolve(workspace, source);
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
      throw new InputError('hot-path-checks', source, `a readable YAML file relative to the workspace, or inline YAML (${file}: ${code})`);
    }
  }
  return { checks: parseHotPathChecks(text, source), checksSource: source, windowMs, stepMs, minSamples, onNoData };
}
