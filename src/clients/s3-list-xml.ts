/**
 * A lean reader of ListObjectsV2 answers (`<ListBucketResult>`) for the growth scan: it takes
 * only the key, size and modification time of each object, and the continuation. The SDK's own
 * deserializer builds a document tree and a full output (owner, ETag, storage class, ...) for
 * every entry: about 13 KB of garbage per listed object, measured, which made V8 grow its young
 * generation with the length of the scan. This reader makes one small object per entry.
 *
 * It reads the XML S3 servers send (AWS, Ceph RGW, MinIO): elements without attributes inside
 * `<Contents>`, text with the five predefined entities and numeric character references. An
 * answer it does not recognise returns undefined, and the SDK's deserializer reads it instead.
 */

export interface LeanListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

export interface LeanListing {
  readonly objects: LeanListedObject[];
  readonly isTruncated: boolean;
  readonly nextContinuationToken: string | undefined;
  /** 'url' when keys are URL-encoded (EncodingType=url was asked for and honoured). */
  readonly encodingType: string | undefined;
}

/**
 * Parses a ListBucketResult; undefined when `xml` is not one (the caller falls back to the SDK).
 * It works on the bytes: only each field's text becomes a string, never the whole page (a page of
 * 1,000 keys is about 300 KB; as one string it would outlive young-generation collections).
 */
export function parseListBucketResult(xml: Buffer): LeanListing | undefined {
  const root = xml.indexOf('<ListBucketResult', 0, 'latin1');
  if (root === -1 || xml.indexOf('</ListBucketResult>', root, 'latin1') === -1) return undefined;
  const objects: LeanListedObject[] = [];
  let position = root;
  let headerEnd = xml.length;
  for (;;) {
    const start = xml.indexOf('<Contents>', position, 'latin1');
    if (start === -1) break;
    if (objects.length === 0) headerEnd = start;
    const end = xml.indexOf('</Contents>', start, 'latin1');
    if (end === -1) return undefined;
    const key = elementText(xml, 'Key', start, end);
    const size = elementText(xml, 'Size', start, end);
    const modified = elementText(xml, 'LastModified', start, end);
    if (key === undefined || size === undefined || modified === undefined) return undefined;
    const lastModified = new Date(modified);
    const bytes = Number(size);
    if (Number.isNaN(lastModified.getTime()) || !Number.isSafeInteger(bytes) || bytes < 0) return undefined;
    objects.push({ key: decodeXmlText(key), size: bytes, lastModified });
    position = end + '</Contents>'.length;
  }
  // The listing's own fields come before or after the entries; search outside them only.
  const outside = (name: string) => elementText(xml, name, root, headerEnd) ?? elementText(xml, name, position, xml.length);
  const truncated = outside('IsTruncated');
  if (truncated !== 'true' && truncated !== 'false') return undefined;
  const token = outside('NextContinuationToken');
  return {
    objects,
    isTruncated: truncated === 'true',
    nextContinuationToken: token === undefined ? undefined : decodeXmlText(token),
    encodingType: outside('EncodingType'),
  };
}

/** The text of the first `<name>...</name>` within [from, to); undefined when absent. */
function elementText(xml: Buffer, name: string, from: number, to: number): string | undefined {
  const open = `<${name}>`;
  const start = xml.indexOf(open, from, 'latin1');
  if (start === -1 || start >= to) return undefined;
  const textStart = start + open.length;
  const end = xml.indexOf(`</${name}>`, textStart, 'latin1');
  if (end === -1 || end > to) return undefined;
  return xml.toString('utf8', textStart, end);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves XML's predefined entities and character references; text without '&' is returned as is. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name] ?? whole;
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
