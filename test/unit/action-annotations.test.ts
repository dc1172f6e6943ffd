import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionHost } from '../../src/main.js';

describe('actionHost annotations', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** What the action prints on stdout while `body` runs. */
  function stdoutOf(body: () => void): string {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    body();
    return written.join('');
  }

  it('prints one ::error command with the gate as title', () => {
    const out = stdoutOf(() =>
      actionHost({}).annotateFailure?.({
        title: 'verify: FAIL',
        message: 'chat-attachments/ci/ expires after 30 days, expected 7. What to do: set expire-days.',
      }),
    );
    expect(out).toBe('::error title=verify%3A FAIL::chat-attachments/ci/ expires after 30 days, expected 7. What to do: set expire-days.\n');
  });

  it('cannot be made to print a second workflow command by server text', () => {
    const message = 'rule evil\n::error::forged\r\n::add-mask::x %0A';
    const out = stdoutOf(() => actionHost({}).annotateFailure?.({ title: 'lifecycle: ERROR', message }));
    const lines = out.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('::error title=lifecycle%3A ERROR::rule evil%0A::error::forged%0D%0A::add-mask::x %250A');
  });
});
