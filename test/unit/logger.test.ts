import { describe, expect, it } from 'vitest';
import { inertLine, inertLines, inertLogger } from '../../src/util/logger.js';
import { recordingLogger } from '../support/logger.js';

/** What the runner would take for a command: `::x::` after its leading-space trim, or `##[` anywhere. */
function startsCommand(line: string): boolean {
  return /^[\s\u0085]*::/.test(line) || line.includes('##[');
}

describe('inertLine', () => {
  it.each([
    ['a rule ID decoded to a newline', "rule 'evil\n::error::X' decides", "rule 'evil%0A::error::X' decides"],
    ['an error message with CRLF', 'boom\r\n::error::Y', 'boom%0D%0A::error::Y'],
    ['a lone CR', 'a\r::warning::b', 'a%0D::warning::b'],
    ['a message that starts with a command', '::error::X', '%3A:error::X'],
    ['leading spaces the runner trims', '   ::add-mask::x', '   %3A:add-mask::x'],
    ['a leading NEL (.NET whitespace, not JavaScript whitespace)', '\u0085::error::X', '\u0085%3A:error::X'],
    ['the older ##[ form anywhere in a line', 'key x ##[error]Z', 'key x ##%5Berror]Z'],
    ['plain text', 'S3 PutObject: 12 ms (100%)', 'S3 PutObject: 12 ms (100%)'],
    ['a colon pair later in the line', 'time 10::20', 'time 10::20'],
  ])('%s', (_label, input, expected) => {
    const line = inertLine(input);
    expect(line).toBe(expected);
    expect(line).not.toMatch(/[\r\n]/);
    expect(startsCommand(line)).toBe(false);
    // Idempotent: the action's logger and run()'s may both apply it.
    expect(inertLine(line)).toBe(line);
  });

  it('the inputs themselves would start a command (the cases are not vacuous)', () => {
    for (const text of ["x'evil\n::error::X'", 'boom\r\n::error::Y', '::error::X', '\u0085::error::X', 'k ##[error]Z']) {
      expect(text.split(/\r\n|\r|\n/).some(startsCommand)).toBe(true);
    }
  });
});

describe('inertLines', () => {
  it('keeps every line break and neutralises only the lines that could start a command', () => {
    const text = '# Title\n\n::error::X\r\n  ::warning::W\rplain ##[group]g\n| a | b |\n';
    const out = inertLines(text);
    expect(out).toBe('# Title\n\n%3A:error::X\r\n  %3A:warning::W\rplain ##%5Bgroup]g\n| a | b |\n');
    expect(out.split(/\r\n|\r|\n/).some(startsCommand)).toBe(false);
    expect(inertLines('no change\n')).toBe('no change\n');
  });
});

describe('inertLogger', () => {
  it('passes every level and group names through inertLine', async () => {
    const recorder = recordingLogger();
    const titles: (string | undefined)[] = [];
    const sink = {
      ...recorder,
      warning: (message: string, title?: string) => {
        titles.push(title);
        recorder.warning(message);
      },
      error: (message: string, title?: string) => {
        titles.push(title);
        recorder.error(message);
      },
    };
    const log = inertLogger(sink);
    log.debug('d\n::error::1');
    log.info('i\n::error::2');
    log.warning('w\n::error::3');
    log.error('e\n::error::4', 'verify:\n::error::T');
    expect(await log.group('g\n::error::5', async () => 'body ran')).toBe('body ran');
    expect(recorder.lines).toEqual(['debug d%0A::error::1', 'info i%0A::error::2', 'warning w%0A::error::3', 'error e%0A::error::4', 'group g%0A::error::5']);
    expect(titles).toEqual([undefined, 'verify:%0A::error::T']);
  });
});
