import { describe, expect, it } from 'vitest';
import { parseHealthChecks } from '../../src/config/health-checks.js';
import { passwordsInUrls, redactUrl, splitUrlCredentials } from '../../src/util/url-credentials.js';
import { InputError } from '../../src/verdict.js';

describe('parseHealthChecks', () => {
  it('reads name=url lines, skipping blanks and comments, with an optional timeout per line', () => {
    const { targets, secrets } = parseHealthChecks(
      [
        '# the runbook starts these before deciding',
        'surrealdb=http://127.0.0.1:8000/health',
        '',
        'redis=rediss://default:p%40ss@redis.internal:6380/0   timeout=2s',
        'minio=https://minio.internal/minio/health/live timeout=1500ms',
      ].join('\n'),
      10_000,
    );
    expect(targets.map((target) => [target.name, target.kind, target.display, target.timeoutMs])).toEqual([
      ['surrealdb', 'http', 'http://127.0.0.1:8000/health', 10_000],
      ['redis', 'redis', 'rediss://default:***@redis.internal:6380/0', 2000],
      ['minio', 'http', 'https://minio.internal/minio/health/live', 1500],
    ]);
    expect(targets[1]?.url.password).toBe('p%40ss');
    expect(secrets).toEqual(['p@ss', 'p%40ss']);
  });

  it.each([
    ['no =', 'redis redis://127.0.0.1:6379', /line 1 \(redis redis:\/\/127\.0\.0\.1:6379\): no valid name before =/],
    ['an empty name', '=http://x/health', /no valid name/],
    ['not a URL', 'db=localhost:8000', /unsupported URL scheme localhost:|not a URL/],
    ['an unsupported scheme', 'db=postgres://x/db', /unsupported URL scheme postgres:/],
    ['a repeated name', 'a=http://x/\na=http://y/', /line 2 .*name 'a' repeated/],
    ['an unknown option', 'a=http://x/ retries=3', /unknown option 'retries=3'/],
    ['a bad timeout', 'a=http://x/ timeout=forever', /line 1 \(a=http:\/\/x\/ timeout=forever\): timeout 'forever'.*a duration from 100ms to 300s/],
  ])('rejects %s with one line', (_name, raw, message) => {
    expect(() => parseHealthChecks(raw, 5000)).toThrow(InputError);
    expect(() => parseHealthChecks(raw, 5000)).toThrow(message);
  });

  it('never echoes a password in its error, wherever the URL sits on the line', () => {
    for (const raw of ['cache rediss://:hunter2@127.0.0.1:6380', 'cache=rediss://:hunter2@127.0.0.1:6380 timeout=x']) {
      let message = '';
      try {
        parseHealthChecks(raw, 5000);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Invalid input 'health-checks'/);
      expect(message).toContain('rediss://:***@127.0.0.1:6380');
      expect(message).not.toContain('hunter2');
    }
  });
});

describe('URL passwords', () => {
  it('finds them anywhere in a text, as typed and decoded', () => {
    expect(passwordsInUrls('a=redis://:one@h:1\nb=https://user:tw%2Fo@h/health\nc=http://h/no-password')).toEqual(['one', 'tw%2Fo', 'tw/o']);
    expect(redactUrl('x redis://u:secret@h:1 and http://:p@h')).toBe('x redis://u:***@h:1 and http://:***@h');
  });

  it('shows a URL without its password', () => {
    expect(redactUrl(new URL('redis://:s3cret@127.0.0.1:6379'))).toBe('redis://:***@127.0.0.1:6379');
    expect(redactUrl(new URL('http://127.0.0.1:8000/health'))).toBe('http://127.0.0.1:8000/health');
    expect(redactUrl(new URL('https://reader:p%40ss@prom.internal/prom/'))).toBe('https://reader:***@prom.internal/prom/');
  });

  it('takes the credentials out of a URL, decoded, leaving the URL bare', () => {
    const { url, credentials } = splitUrlCredentials(new URL('https://reader:p%40ss%3Aw@prom.internal:9090/prom/'));
    expect(url.href).toBe('https://prom.internal:9090/prom/');
    expect(credentials).toEqual({ username: 'reader', password: 'p@ss:w' });
    expect(splitUrlCredentials(new URL('http://h/x')).credentials).toBeUndefined();
    // Not valid percent-encoding: taken as typed rather than failing.
    expect(splitUrlCredentials(new URL('http://u:%zz@h/')).credentials).toEqual({ username: 'u', password: '%zz' });
  });
});
