import { describe, expect, it } from 'vitest';
import { smokeRunId, smokeRunPrefix } from '../../../src/smoke/run-id.js';

describe('smoke run id and prefix', () => {
  it('is the UTC second plus random hex', () => {
    expect(smokeRunId(new Date('2026-11-28T04:47:42.123Z'), Uint8Array.from([0x3f, 0x9a, 0x1c, 0x2b]))).toBe('20261128T044742Z-3f9a1c2b');
  });

  it('differs between two runs in the same second', () => {
    const now = new Date();
    expect(smokeRunId(now, Uint8Array.from([1, 2, 3, 4]))).not.toBe(smokeRunId(now, Uint8Array.from([1, 2, 3, 5])));
  });

  it('refuses too little randomness', () => {
    expect(() => smokeRunId(new Date(), Uint8Array.from([1, 2]))).toThrow('at least 4 random bytes');
  });

  it('builds <prefix>/<env>/_smoke/<run-id>/', () => {
    expect(smokeRunPrefix('chat-attachments/ci/', '20261128T044742Z-3f9a1c2b')).toBe('chat-attachments/ci/_smoke/20261128T044742Z-3f9a1c2b/');
  });

  it.each([
    ['an env prefix without trailing /', 'chat-attachments/ci', '20261128T044742Z-3f9a1c2b'],
    ['a leading /', '/chat-attachments/ci/', '20261128T044742Z-3f9a1c2b'],
    ['an empty run id', 'chat-attachments/ci/', ''],
    ['a run id with a separator', 'chat-attachments/ci/', '20261128T044742Z-3f9a1c2b/..'],
    ['a run id without randomness', 'chat-attachments/ci/', '20261128T044742Z'],
  ])('refuses %s', (_name, envPrefix, runId) => {
    expect(() => smokeRunPrefix(envPrefix, runId)).toThrow();
  });
});
