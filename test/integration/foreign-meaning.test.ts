import { HeadObjectCommand, ListObjectVersionsCommand, PutBucketLifecycleConfigurationCommand, PutObjectCommand, type LifecycleRule } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runGates } from '../../src/run.js';
import { recordingHost } from '../support/host.js';
import { isLifecycleGet, isLifecyclePut, startS3Proxy, type ProxyFaults } from '../support/s3-proxy.js';
import { rawClient, testInputs, testS3, uniqueBucket } from '../support/s3.js';
import { createBucketWith, readRules } from '../support/server-state.js';
import { readReport, REPORTS, tempDir } from '../support/workspace.js';

const PUT_LIFECYCLE = 'PutBucketLifecycleConfigurationCommand';
const TAGGING = 'team=media&tier=scratch';
/** Another team's rule: 5 days for objects under media/ that carry both tags. */
const MEDIA_TAGGED: LifecycleRule = {
  ID: 'media-tagged',
  Status: 'Enabled',
  Filter: {
    And: {
      Prefix: 'media/',
      Tags: [
        { Key: 'team', Value: 'media' },
        { Key: 'tier', Value: 'scratch' },
      ],
    },
  },
  Expiration: { Days: 5 },
};

async function apply(bucket: string, endpoint = testS3().endpoint) {
  const workspace = await tempDir('meaning');
  const host = recordingHost(testInputs({ 's3-bucket': bucket, 's3-endpoint': endpoint, gates: 'lifecycle' }), workspace);
  const result = await runGates(host);
  const lifecycle = result?.gates.find((gate) => gate.id === 'lifecycle');
  return {
    host,
    result,
    lifecycle,
    report: await readReport(workspace, REPORTS.lifecycle),
    messages: (level: string) => (lifecycle?.findings ?? []).filter((finding) => finding.level === level).map((finding) => finding.message),
  };
}

/** The x-amz-expiration of a new object carrying the rule's two tags. */
async function expiryOfTaggedObject(bucket: string, key: string): Promise<string | undefined> {
  const client = rawClient();
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x', Tagging: TAGGING }));
  return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).Expiration;
}

async function withProxy<T>(faults: ProxyFaults, body: (endpoint: string) => Promise<T>): Promise<T> {
  const proxy = await startS3Proxy(testS3().endpoint, faults);
  try {
    return await body(proxy.endpoint);
  } finally {
    await proxy.close();
  }
}

describe('a rule that is not ours never changes meaning (Ceph RGW answers And{Prefix, 2 tags} with the prefix beside And)', () => {
  it('control: written back as RGW answers it, the rule loses its prefix and expires tagged objects everywhere', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('widened');
    await createBucketWith(client, bucket, { rules: [MEDIA_TAGGED] });
    const answered = await readRules(client, bucket);
    expect(answered[0]?.Filter).toEqual({ Prefix: 'media/', And: { Tags: MEDIA_TAGGED.Filter?.And?.Tags } });
    expect(await expiryOfTaggedObject(bucket, 'elsewhere/before.bin')).toBeUndefined();

    await client.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: answered } }));

    expect(await expiryOfTaggedObject(bucket, 'elsewhere/after.bin')).toContain('rule-id="media-tagged"');
  });

  it("after two applies, a new tagged object outside the rule's prefix gets no expiry from it; the second apply writes nothing", async () => {
    const client = rawClient();
    const bucket = uniqueBucket('meaning');
    await createBucketWith(client, bucket, { rules: [MEDIA_TAGGED] });

    const first = await apply(bucket);
    expect(first.lifecycle?.status).toBe('PASS');
    expect(first.result?.s3Requests[PUT_LIFECYCLE]).toBe(1);
    expect(first.messages('info')).toContain('· media-tagged: keep (re-spelt)');
    expect(first.report).toContain('keep (re-spelt)');

    const second = await apply(bucket);
    expect(second.lifecycle?.status).toBe('PASS');
    expect(second.result?.s3Requests[PUT_LIFECYCLE] ?? 0).toBe(0);
    expect(second.messages('info')).toContain('· media-tagged: keep (re-spelt)');

    expect(await expiryOfTaggedObject(bucket, 'elsewhere/new.bin')).toBeUndefined();
    // The rule still does its job where it applies.
    expect(await expiryOfTaggedObject(bucket, 'media/new.bin')).toContain('rule-id="media-tagged"');
    expect((await readRules(client, bucket)).find((rule) => rule.ID === 'media-tagged')?.Filter?.Prefix).toBe('media/');
  });

  it('FAILs before any write, naming the rule, when its meaning as written cannot be proved', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('unprovable');
    await createBucketWith(client, bucket, { rules: [MEDIA_TAGGED] });
    const before = await readRules(client, bucket);
    // A server answering with a rule-level Prefix beside the Filter's, naming another prefix.
    const faults: ProxyFaults = {
      rewriteBody: (request) =>
        isLifecycleGet(request) ? (body) => body.replace('<ID>media-tagged</ID>', '<ID>media-tagged</ID><Prefix>other/</Prefix>') : undefined,
    };
    let puts = 0;
    const run = await withProxy({ ...faults, before: (request) => void (isLifecyclePut(request) && (puts += 1)) }, (endpoint) => apply(bucket, endpoint));

    expect(run.lifecycle?.status).toBe('FAIL');
    expect(run.messages('fail')).toEqual([
      expect.stringContaining(
        "Cannot prove that rule media-tagged (as read, it names the prefixes 'other/' and 'media/' at once) would keep its meaning if written back, so the configuration is not written. Nothing was written.",
      ),
    ]);
    expect(puts).toBe(0);
    expect(await readRules(client, bucket)).toEqual(before);
    const lock = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'chat-attachments/_release-gates/' }));
    expect([...(lock.Versions ?? []), ...(lock.DeleteMarkers ?? [])]).toEqual([]);
  });

  it('WARNs, naming the rule and how, when it reads back after the write with another meaning', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('readback');
    await createBucketWith(client, bucket, { rules: [MEDIA_TAGGED] });
    let written = false;
    // A server that drops the prefix when it stores the rule (as RGW does with its own answer written back).
    const run = await withProxy(
      {
        before: (request) => void (isLifecyclePut(request) && (written = true)),
        rewriteBody: (request) => (isLifecycleGet(request) && written ? (body) => body.replace('<Prefix>media/</Prefix>', '') : undefined),
      },
      (endpoint) => apply(bucket, endpoint),
    );

    expect(run.lifecycle?.status).toBe('WARN');
    expect(run.messages('warn')).toEqual([
      "Rule media-tagged (not ours) does not read back as written: prefix 'media/' reads back as ''. The server changed it, or another writer did meanwhile.",
    ]);
    expect(run.result?.s3Requests[PUT_LIFECYCLE]).toBe(1);
  });
});
