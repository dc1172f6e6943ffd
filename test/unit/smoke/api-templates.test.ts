import { describe, expect, it } from 'vitest';
import { expandTemplate, isSafeId, placeholdersOf, readIdField } from '../../../src/smoke/api-templates.js';

describe('path and key templates', () => {
  it.each([
    ['/v1/chat/attachments/:attachment_id/download', ['attachment_id']],
    [':prefix/:env/:attachment_id.bin', ['prefix', 'env', 'attachment_id']],
    ['/v1/chat/attachments/upload', []],
  ])('%s uses %j', (template, names) => {
    expect(placeholdersOf(template)).toEqual(names);
  });

  it('expands and encodes values', () => {
    expect(expandTemplate('/v1/chat/attachments/:attachment_id/download', { attachment_id: 'a b' }, encodeURIComponent)).toBe(
      '/v1/chat/attachments/a%20b/download',
    );
    expect(expandTemplate(':prefix/:env/:attachment_id.bin', { prefix: 'chat-attachments', env: 'ci', attachment_id: 'x1' })).toBe(
      'chat-attachments/ci/x1.bin',
    );
  });

  it('throws on a placeholder without a value', () => {
    expect(() => expandTemplate('/a/:missing', {})).toThrow(':missing');
  });
});

describe('readIdField', () => {
  it.each([
    [{ attachment_id: 'abc' }, 'attachment_id', 'abc'],
    [{ data: { id: 42 } }, 'data.id', '42'],
    [{ id: 1.5 }, 'id', undefined],
    [{ attachment_id: { nested: true } }, 'attachment_id', undefined],
    [{ data: null }, 'data.id', undefined],
    [['abc'], '0', undefined],
    ['abc', 'attachment_id', undefined],
  ])('%j . %s -> %s', (json, field, id) => {
    expect(readIdField(json, field)).toBe(id);
  });
});

describe('isSafeId', () => {
  it.each([
    ['0b8f9c1e-4b1e-4a53-9d4e-1f0b8f9c1e4b', true],
    ['att_123.v2', true],
    ['', false],
    ['..', false],
    ['a/b', false],
    ['a%2Fb', false],
    ['x'.repeat(201), false],
  ])('%s: %s', (id, safe) => {
    expect(isSafeId(id)).toBe(safe);
  });
});
