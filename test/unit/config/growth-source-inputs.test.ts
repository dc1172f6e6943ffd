import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { parseS3Location } from '../../../src/config/parse-growth.js';
import { readerOf } from '../../support/inputs.js';
import { InputError } from '../../../src/verdict.js';

const base = { 'app-env': 'prod', 's3-bucket': 'chat-attachments-prod', gates: 'growth' };
const load = (extra: Record<string, string> = {}) => loadConfig(readerOf({ ...base, ...extra }), '/workspace');

describe('growth-source and inventory-location', () => {
  it('default to listing the prefix', () => {
    expect(load().growth).toMatchObject({ source: 'list', inventoryLocation: undefined });
  });

  it('read an inventory location, normalising the trailing slash', () => {
    expect(load({ 'growth-source': 'inventory', 'inventory-location': 's3://chat-inventory/inventory/chat-attachments-prod/daily' }).growth).toMatchObject({
      source: 'inventory',
      inventoryLocation: { bucket: 'chat-inventory', prefix: 'inventory/chat-attachments-prod/daily/' },
    });
    expect(parseS3Location('inventory-location', ' s3://chat-inventory ')).toEqual({ bucket: 'chat-inventory', prefix: '' });
    expect(parseS3Location('inventory-location', 's3://chat-inventory/')).toEqual({ bucket: 'chat-inventory', prefix: '' });
    expect(parseS3Location('inventory-location', 's3://chat-inventory/dest prefix/é/')).toEqual({ bucket: 'chat-inventory', prefix: 'dest prefix/é/' });
  });

  it.each([
    [{ 'growth-source': 'inventory' }, 'Invalid input \'inventory-location\': got "". Expected s3://<bucket>/<prefix>/'],
    [
      { 'growth-source': 'inventories', 'inventory-location': 's3://b-1/x/' },
      'Invalid input \'growth-source\': got "inventories". Expected one of: list, inventory.',
    ],
    [{ 'inventory-location': 's3://chat-inventory/x/' }, 'Invalid input \'growth-source\': got "list". Expected inventory when inventory-location is set'],
    [{ 'growth-source': 'inventory', 'inventory-location': 'https://chat-inventory.s3.amazonaws.com/x/' }, "Invalid input 'inventory-location'"],
    [{ 'growth-source': 'inventory', 'inventory-location': 's3://Chat_Inventory/x/' }, "Invalid input 'inventory-location'"],
    [{ 'growth-source': 'inventory', 'inventory-location': 's3://chat-inventory//x/' }, "Invalid input 'inventory-location'"],
    [{ 'growth-source': 'inventory', 'inventory-location': 's3://chat-inventory/x\ny/' }, "Invalid input 'inventory-location'"],
  ])('refuse %j before anything runs', (extra, message) => {
    expect(() => load(extra)).toThrow(InputError);
    expect(() => load(extra)).toThrow(message);
  });
});
