import { parseBucketName, parseChoice } from './parse.js';
import type { GrowthSource, S3Location } from './types.js';
import { InputError } from '../verdict.js';

// Parsers of the growth gate's source inputs; pure, each throwing an InputError that names the
// input and the expected form.

const LOCATION_FORM =
  's3://<bucket>/<prefix>/ (the inventory destination bucket and the folder above its dated folders), e.g. s3://chat-inventory/inventory/chat-attachments-prod/daily/';

/**
 * `s3://bucket/prefix/`: the bucket by S3's naming rules; the prefix any key prefix without
 * control characters, normalised to end in '/' (empty: the bucket's root).
 */
export function parseS3Location(input: string, raw: string): S3Location {
  const value = raw.trim();
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(value);
  if (!match?.[1]) throw new InputError(input, raw, LOCATION_FORM);
  const bucket = parseBucketName(input, match[1]);
  const path = match[2] ?? '';
  if (path.length > 900 || /[\u0000-\u001f\u007f]/.test(path) || path.startsWith('/') || path.includes('//')) {
    throw new InputError(input, raw, LOCATION_FORM);
  }
  return { bucket, prefix: path === '' || path.endsWith('/') ? path : `${path}/` };
}

/** growth-source and inventory-location together: inventory needs a location, list takes none. */
export function parseGrowthSource(sourceRaw: string, locationRaw: string | undefined): { source: GrowthSource; inventoryLocation: S3Location | undefined } {
  const source = parseChoice('growth-source', sourceRaw, ['list', 'inventory'] as const);
  if (source === 'list') {
    if (locationRaw !== undefined) {
      throw new InputError('growth-source', sourceRaw, 'inventory when inventory-location is set (or leave inventory-location empty to list the prefix)');
    }
    return { source, inventoryLocation: undefined };
  }
  if (locationRaw === undefined) throw new InputError('inventory-location', '', `${LOCATION_FORM}, required with growth-source: inventory`);
  return { source, inventoryLocation: parseS3Location('inventory-location', locationRaw) };
}
