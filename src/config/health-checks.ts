import { parseDuration } from './duration.js';
import { redactUrl } from '../util/url-credentials.js';
import { InputError } from '../verdict.js';

/** One service go/no-go requires healthy. */
export interface HealthCheckTarget {
  readonly name: string;
  readonly kind: 'http' | 'redis';
  /** With credentials: only the health client reads it. */
  readonly url: URL;
  /** The URL with its password replaced by ***: for logs and reports. */
  readonly display: string;
  readonly timeoutMs: number;
}

const INPUT = 'health-checks';
const FORM = "one 'name=url' per line (http:// or https:// answered 2xx, redis:// or rediss:// answered PING), optionally followed by ' timeout=5s'";
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const KINDS: Readonly<Record<string, HealthCheckTarget['kind']>> = { 'http:': 'http', 'https:': 'http', 'redis:': 'redis', 'rediss:': 'redis' };

export interface ParsedHealthChecks {
  readonly targets: HealthCheckTarget[];
  /** Passwords found in the URLs: masked and redacted everywhere. */
  readonly secrets: string[];
}

/** Parses the health-checks input; errors name the line but never echo a password. */
export function parseHealthChecks(raw: string, defaultTimeoutMs: number): ParsedHealthChecks {
  const targets: HealthCheckTarget[] = [];
  const secrets: string[] = [];
  raw.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = (problem: string) => `line ${index + 1} (${redactUrl(line)}): ${problem}`;
    const [entry = '', ...options] = line.split(/\s+/);
    const separator = entry.indexOf('=');
    const name = separator > 0 ? entry.slice(0, separator) : '';
    const urlText = separator > 0 ? entry.slice(separator + 1) : '';
    if (!NAME_PATTERN.test(name)) throw new InputError(INPUT, where('no valid name before ='), `${FORM}; names are letters, digits, '.', '_' or '-'`);
    if (targets.some((target) => target.name === name)) throw new InputError(INPUT, where(`name '${name}' repeated`), `${FORM}; each name once`);
    let url: URL;
    try {
      url = new URL(urlText);
    } catch {
      throw new InputError(INPUT, where('not a URL'), FORM);
    }
    const kind = KINDS[url.protocol];
    if (kind === undefined || url.hostname === '') throw new InputError(INPUT, where(`unsupported URL scheme ${url.protocol}`), FORM);
    let timeoutMs = defaultTimeoutMs;
    for (const option of options) {
      const match = /^timeout=(.+)$/.exec(option);
      if (!match) throw new InputError(INPUT, where(`unknown option '${option}'`), FORM);
      try {
        timeoutMs = parseDuration(INPUT, match[1] ?? '', 100, 300_000);
      } catch {
        throw new InputError(INPUT, where(`timeout '${match[1] ?? ''}'`), `${FORM}; timeout= takes a duration from 100ms to 300s, such as 5s`);
      }
    }
    if (url.password !== '') secrets.push(decodeURIComponent(url.password), url.password);
    targets.push({ name, kind, url, display: redactUrl(url), timeoutMs });
  });
  return { targets, secrets: [...new Set(secrets)] };
}
