import { describe, expect, it } from 'vitest';
import { decodeXmlText, parseListBucketResult } from '../../../src/clients/s3-list-xml.js';

const entry = (key: string, size: number, modified: string) =>
  `<Contents><Key>${key}</Key><LastModified>${modified}</LastModified><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><Size>${size}</Size><Owner><ID>owner</ID><DisplayName>Key &amp; Size</DisplayName></Owner><StorageClass>STANDARD</StorageClass></Contents>`;

/** As AWS orders the fields: the listing's own fields first, then the entries. */
const awsPage = (entries: string, tail: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>chat-attachments%2Fci%2F</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType>${tail}${entries}</ListBucketResult>`;

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe("parseListBucketResult (the growth scan's page reader)", () => {
  it('reads key, size and modification time of each entry, and the continuation', () => {
    const page = awsPage(
      entry('chat-attachments%2Fci%2Fa.bin', 65659, '2026-01-02T03:04:05.000Z') + entry('chat-attachments%2Fci%2Fb%20c.json', 0, '2025-12-31T23:59:59.999Z'),
      '<IsTruncated>true</IsTruncated><ContinuationToken>earlier</ContinuationToken><NextContinuationToken>1/abc+=&amp;x</NextContinuationToken>',
    );
    expect(parseListBucketResult(bytes(page))).toEqual({
      objects: [
        { key: 'chat-attachments%2Fci%2Fa.bin', size: 65659, lastModified: new Date('2026-01-02T03:04:05.000Z') },
        { key: 'chat-attachments%2Fci%2Fb%20c.json', size: 0, lastModified: new Date('2025-12-31T23:59:59.999Z') },
      ],
      isTruncated: true,
      nextContinuationToken: '1/abc+=&x',
      encodingType: 'url',
    });
  });

  it('finds the listing fields after the entries too (field order differs between servers)', () => {
    const page = `<ListBucketResult><Name>b</Name>${entry('k1', 1, '2026-01-01T00:00:00Z')}<IsTruncated>false</IsTruncated><KeyCount>1</KeyCount></ListBucketResult>`;
    expect(parseListBucketResult(bytes(page))).toMatchObject({
      objects: [{ key: 'k1', size: 1 }],
      isTruncated: false,
      nextContinuationToken: undefined,
      encodingType: undefined,
    });
  });

  it('reads an empty listing', () => {
    expect(parseListBucketResult(bytes(awsPage('', '<IsTruncated>false</IsTruncated>')))).toEqual({
      objects: [],
      isTruncated: false,
      nextContinuationToken: undefined,
      encodingType: 'url',
    });
  });

  it('decodes entities in keys (a listing without EncodingType=url) and keeps UTF-8 intact', () => {
    const page = awsPage(entry('a&amp;b&lt;c&gt;&quot;d&apos;&#233;&#x1F600;/中.bin', 7, '2026-01-01T00:00:00Z'), '<IsTruncated>false</IsTruncated>');
    expect(parseListBucketResult(bytes(page))?.objects[0]?.key).toBe('a&b<c>"d\'é😀/中.bin');
  });

  it.each([
    ['an error document', '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>'],
    ['a cut-off page', awsPage(entry('k', 1, '2026-01-01T00:00:00Z'), '<IsTruncated>false</IsTruncated>').slice(0, -40)],
    [
      'an entry without a size',
      awsPage('<Contents><Key>k</Key><LastModified>2026-01-01T00:00:00Z</LastModified></Contents>', '<IsTruncated>false</IsTruncated>'),
    ],
    ['an unreadable date', awsPage(entry('k', 1, 'yesterday'), '<IsTruncated>false</IsTruncated>')],
    ['a negative size', awsPage(entry('k', -1, '2026-01-01T00:00:00Z'), '<IsTruncated>false</IsTruncated>')],
    ['no IsTruncated', awsPage(entry('k', 1, '2026-01-01T00:00:00Z'), '')],
  ])('leaves %s to the SDK (undefined)', (_name, page) => {
    expect(parseListBucketResult(bytes(page))).toBeUndefined();
  });
});

describe('decodeXmlText', () => {
  it('leaves unknown entities and out-of-range references as they are', () => {
    expect(decodeXmlText('a&nbsp;b&#x110000;c&amp;')).toBe('a&nbsp;b&#x110000;c&');
    expect(decodeXmlText('plain')).toBe('plain');
  });
});
