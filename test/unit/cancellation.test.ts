import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelOnSignals, type SignalTarget } from '../../src/signals.js';
import { Cancellation, Stopped, stopReason } from '../../src/util/cancellation.js';

class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A process stand-in: signals are emitted by the test, exit() throws instead of ending the test run. */
function fakeProcess(): SignalTarget & { emit(name: string): boolean; listenerCount(name: string): number } {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    exit: (code: number): never => {
      throw new Exited(code);
    },
  });
}

describe('Cancellation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const clock = () => Date.now();

  it('aborts its signal at once, and wrap-up work 4 s later (1 s before the 5 s deadline)', () => {
    const cancellation = new Cancellation(clock);
    const cleanup = cancellation.cleanupSignal(60_000, 'the smoke cleanup');
    expect(cancellation.exitCode).toBeUndefined();

    cancellation.cancel('SIGINT');

    expect(cancellation.signal.aborted).toBe(true);
    expect(stopReason(cancellation.signal)).toBe('the run was cancelled (SIGINT)');
    expect(cancellation.exitCode).toBe(130);
    expect(cleanup.aborted).toBe(false);
    vi.advanceTimersByTime(3999);
    expect(cleanup.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(cleanup.aborted).toBe(true);
    expect(cancellation.giveUpSignal.aborted).toBe(false);
    vi.advanceTimersByTime(500);
    expect(cancellation.giveUpSignal.aborted).toBe(true);
  });

  it('ends wrap-up work at its own budget when nothing is cancelled, naming it', () => {
    const cancellation = new Cancellation(clock);
    const cleanup = cancellation.cleanupSignal(9000, 'the smoke cleanup');
    vi.advanceTimersByTime(9000);
    expect(cleanup.aborted).toBe(true);
    expect(cleanup.reason).toBeInstanceOf(Stopped);
    expect(stopReason(cleanup)).toBe('the smoke cleanup used its time budget of 9 s');
    expect(cancellation.signal.aborted).toBe(false);
  });

  it('leaves at most 2 s after a later SIGTERM, and keeps the first signal exit code', () => {
    const cancellation = new Cancellation(clock);
    cancellation.cancel('SIGINT');
    vi.advanceTimersByTime(500);
    cancellation.cancel('SIGTERM');
    // 2 s from now, 1 s of it for the reports: wrap-up ends 1 s after the SIGTERM.
    vi.advanceTimersByTime(999);
    expect(cancellation.wrapUpSignal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(cancellation.wrapUpSignal.aborted).toBe(true);
    expect(cancellation.exitCode).toBe(130);
  });

  it('exits 143 after SIGTERM', () => {
    const cancellation = new Cancellation(clock);
    cancellation.cancel('SIGTERM');
    expect(cancellation.exitCode).toBe(143);
  });
});

describe('cancelOnSignals', () => {
  it('cancels on the first SIGINT, exits 130 at once on the second, and removes its handlers', () => {
    const target = fakeProcess();
    const warnings: string[] = [];
    const cancellation = new Cancellation();
    const stop = cancelOnSignals(cancellation, (message) => warnings.push(message), target);

    target.emit('SIGINT');
    expect(cancellation.cancelledBy).toBe('SIGINT');
    expect(warnings[0]).toMatch(/^SIGINT received: cancelling\..*within 5 s\. A second SIGINT exits at once\.$/);
    expect(() => target.emit('SIGINT')).toThrow(new Exited(130));
    expect(warnings[1]).toBe('Second SIGINT: exiting at once, without cleanup or reports.');

    stop();
    expect(target.listenerCount('SIGINT') + target.listenerCount('SIGTERM')).toBe(0);
  });

  it('shortens the time left on a SIGTERM after the SIGINT instead of exiting', () => {
    const target = fakeProcess();
    const warnings: string[] = [];
    const cancellation = new Cancellation();
    cancelOnSignals(cancellation, (message) => warnings.push(message), target);

    target.emit('SIGTERM');
    expect(cancellation.exitCode).toBe(143);
    target.emit('SIGTERM');
    expect(warnings[1]).toBe('SIGTERM received while cancelling: at most 2 s more.');
    expect(cancellation.exitCode).toBe(143);
  });
});
