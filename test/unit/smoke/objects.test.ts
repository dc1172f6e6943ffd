import { describe, expect, it } from 'vitest';
import { expectedContentRange, firstAndLastRanges, MIB, partRanges, planSmokeObjects, sha256Hex, uploadPathFor } from '../../../src/smoke/objects.js';

describe('upload path and parts', () => {
  it.each([
    [8 * MIB, 8 * MIB, 'single'],
    [8 * MIB + 1, 8 * MIB, 'multipart'],
    [100, 5 * MIB, 'single'],
  ] as const)('%i bytes with threshold %i: %s', (size, threshold, path) => {
    expect(uploadPathFor(size, threshold)).toBe(path);
  });

  it.each([
    [
      'above an 8 MiB threshold',
      9 * MIB + 321,
      8 * MIB,
      [
        [1, 0, 8 * MIB],
        [2, 8 * MIB, 9 * MIB + 321],
      ],
    ],
    [
      'exact multiple',
      10 * MIB,
      5 * MIB,
      [
        [1, 0, 5 * MIB],
        [2, 5 * MIB, 10 * MIB],
      ],
    ],
    [
      'below the 5 MiB minimum part size, parts stay 5 MiB',
      6 * MIB,
      1 * MIB,
      [
        [1, 0, 5 * MIB],
        [2, 5 * MIB, 6 * MIB],
      ],
    ],
    ['one byte', 1, 5 * MIB, [[1, 0, 1]]],
  ])('%s', (_name, size, threshold, parts) => {
    expect(partRanges(size, threshold).map((part) => [part.partNumber, part.start, part.end])).toEqual(parts);
  });
});

describe('first and last ranges', () => {
  it.each([
    [0, []],
    [1, ['bytes=0-0', 'bytes=0-0']],
    [1024, ['bytes=0-1023', 'bytes=0-1023']],
    [65659, ['bytes=0-1023', 'bytes=64635-65658']],
  ])('%i bytes', (size, headers) => {
    expect(firstAndLastRanges(size).map((range) => range.header)).toEqual(headers);
  });

  it('gives the Content-Range a server must answer', () => {
    const [, last] = firstAndLastRanges(65659);
    expect(last && expectedContentRange(last, 65659)).toBe('bytes 64635-65658/65659');
  });
});

describe('planSmokeObjects', () => {
  let counter = 0;
  const random = (size: number) => new Uint8Array(size).map(() => (counter += 7) % 251);
  const plan = planSmokeObjects({
    runPrefix: 'chat-attachments/ci/_smoke/20260102T030405Z-01020304/',
    runId: '20260102T030405Z-01020304',
    createdAt: new Date('2026-01-02T03:04:05Z'),
    multipartThresholdBytes: 8 * MIB,
    random,
  });

  it('writes a payload, a payload above the threshold (multipart) and the metadata document under the run prefix', () => {
    expect(plan.map((object) => [object.key, object.upload, object.parts.length, object.contentType])).toEqual([
      ['chat-attachments/ci/_smoke/20260102T030405Z-01020304/payload.bin', 'single', 0, 'application/octet-stream'],
      ['chat-attachments/ci/_smoke/20260102T030405Z-01020304/payload-large.bin', 'multipart', 2, 'application/octet-stream'],
      ['chat-attachments/ci/_smoke/20260102T030405Z-01020304/meta.json', 'single', 0, 'application/json'],
    ]);
    expect(plan[1]?.body.length).toBeGreaterThan(8 * MIB);
  });

  it('with the default 5 MiB threshold, sends one 5 MiB part and a short last part holding the last KiB read', () => {
    const [, large] = planSmokeObjects({
      runPrefix: 'p/',
      runId: 'r',
      createdAt: new Date(0),
      multipartThresholdBytes: 5 * MIB,
      random: (size) => new Uint8Array(size),
    });
    expect(large?.body.length).toBe(5 * MIB + 64 * 1024 + 321);
    expect(large?.parts.map((part) => [part.partNumber, part.start, part.end])).toEqual([
      [1, 0, 5 * MIB],
      [2, 5 * MIB, 5 * MIB + 64 * 1024 + 321],
    ]);
    const last = firstAndLastRanges(large?.body.length ?? 0)[1];
    expect(last?.start).toBeGreaterThan(5 * MIB);
  });

  it('shapes meta.json like attachment metadata describing the payload', () => {
    const [payload, , meta] = plan;
    expect(JSON.parse(new TextDecoder().decode(meta?.body))).toEqual({
      attachment_id: 'smoke-20260102T030405Z-01020304',
      file_name: 'payload.bin',
      content_type: 'application/octet-stream',
      size_bytes: payload?.body.length,
      sha256: payload?.sha256,
      storage_key: payload?.key,
      created_at: '2026-01-02T03:04:05.000Z',
      source: 'surreal-release-gates smoke',
    });
  });

  it('carries digests of the bodies and user metadata naming the run', () => {
    for (const object of plan) {
      expect(object.sha256).toBe(sha256Hex(object.body));
      expect(object.md5Base64).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(object.metadata).toEqual({
        'attachment-id': 'smoke-20260102T030405Z-01020304',
        'smoke-run-id': '20260102T030405Z-01020304',
        sha256: object.sha256,
      });
    }
  });
});
