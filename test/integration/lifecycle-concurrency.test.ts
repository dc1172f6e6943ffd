import {
  ListObjectVersionsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Gateway } from '../../src/clients/s3.js';
import { loadConfig } from '../../src/config/load.js';
import { underLifecycleLock } from '../../src/gates/lifecycle/lock.js';
import { lockBodyText, lockKey } from '../../src/lifecycle/lock-policy.js';
import { runGates } from '../../src/run.js';
import { mapWithLimit } from '../../src/util/pool.js';
import { silentLogger } from '../../src/util/logger.js';
import { recordingHost } from '../support/host.js';
import { recordingLogger } from '../support/logger.js';
import { isLifecycleGet, isLifecyclePut, startS3Proxy, type S3Proxy } from '../support/s3-proxy.js';
import { clientFor, rawClient, readerOf, testInputs, testS3, uniqueBucket } from '../support/s3.js';
import { createBucketWith, readRules } from '../support/server-state.js';
import { tempDir } from '../support/workspace.js';

const PAIRS = 20;
const PAIRS_AT_ONCE = 4;
const PUT_DELAY_MS = 1500;
const LOCK_KEY = lockKey('chat-attachments');
const FOREIGN: LifecycleRule = { ID: 'other-team-uploads', Status: 'Enabled', Filter: { Prefix: 'uploads/' }, Expiration: { Days: 3 } };
const managedId = (env: string) => `surreal-release-gates:chat-attachments/${env}`;

/** Every lifecycle PUT through this proxy lands 1.5 s late: a write slow in transit. */
let slowPuts: S3Proxy;

beforeAll(async () => {
  slowPuts = await startS3Proxy(testS3().endpoint, { delayMs: (request) => (isLifecyclePut(request) ? PUT_DELAY_MS : 0) });
});

afterAll(async () => {
  await slowPuts?.close();
});

async function apply(bucket: string, env: string, endpoint = testS3().endpoint) {
  const host = recordingHost(testInputs({ 's3-bucket': bucket, 's3-endpoint': endpoint, 'app-env': env, gates: 'lifecycle' }), await tempDir(`lock-${env}`));
  const result = await runGates(host);
  return { host, result, lifecycle: result?.gates.find((gate) => gate.id === 'lifecycle') };
}

/** Every version and delete marker under the lock's folder: a lock must leave none. */
async function lockLeftovers(bucket: string): Promise<string[]> {
  const listed = await rawClient().send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'chat-attachments/_release-gates/' }));
  return [...(listed.Versions ?? []).map((version) => `version ${version.Key}`), ...(listed.DeleteMarkers ?? []).map((marker) => `marker ${marker.Key}`)];
}

const ids = (rules: readonly LifecycleRule[]) => rules.map((rule) => rule.ID ?? '').sort();

describe('concurrent applies on one bucket converge', () => {
  it('control: two plain read-merge-write runs, one PUT slow in transit, lose a rule (what the lock prevents)', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('naive');
    await createBucketWith(client, bucket, { rules: [FOREIGN] });
    const slowClient = clientFor({ ...testS3(), endpoint: slowPuts.endpoint });
    const merge = (rules: readonly LifecycleRule[], env: string): LifecycleRule[] => [
      ...rules.filter((rule) => rule.ID !== managedId(env)),
      { ID: managedId(env), Status: 'Enabled', Filter: { Prefix: `chat-attachments/${env}/` }, Expiration: { Days: 30 } },
    ];
    // staging reads, then writes through the slow proxy; production reads and writes meanwhile.
    const stagingRead = await readRules(client, bucket);
    const stagingWrite = slowClient.send(
      new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: merge(stagingRead, 'staging') } }),
    );
    const productionRead = await readRules(client, bucket);
    await client.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: merge(productionRead, 'production') } }));
    await stagingWrite;
    expect(ids(await readRules(client, bucket))).toEqual([FOREIGN.ID, managedId('staging')].sort());
  });

  it(`${PAIRS} pairs of simultaneous staging and production applies (one PUT slow in transit) all end with both managed rules and the foreign rule`, async () => {
    const client = rawClient();
    const outcomes = await mapWithLimit(
      Array.from({ length: PAIRS }, (_, index) => index),
      PAIRS_AT_ONCE,
      async (pair) => {
        const bucket = uniqueBucket(`pair${pair}`);
        await createBucketWith(client, bucket, { rules: [FOREIGN] });
        // Alternate which side is slow, so both orders of arrival are covered.
        const [staging, production] = await Promise.all([
          apply(bucket, 'staging', pair % 2 === 0 ? slowPuts.endpoint : undefined),
          apply(bucket, 'production', pair % 2 === 1 ? slowPuts.endpoint : undefined),
        ]);
        const rules = await readRules(client, bucket);
        return {
          pair,
          statuses: [staging.lifecycle?.status, production.lifecycle?.status],
          results: [staging.result?.result, production.result?.result],
          ids: ids(rules),
          foreign: rules.find((rule) => rule.ID === FOREIGN.ID)?.Filter?.Prefix,
          leftovers: await lockLeftovers(bucket),
          waited: [staging, production].some((run) => run.host.logs.some((line) => line.includes('is held by run'))),
        };
      },
    );
    for (const outcome of outcomes) {
      expect(outcome, `pair ${outcome.pair}`).toMatchObject({
        statuses: ['PASS', 'PASS'],
        results: ['PASS', 'PASS'],
        ids: [FOREIGN.ID, managedId('production'), managedId('staging')].sort(),
        foreign: 'uploads/',
        leftovers: [],
      });
    }
    // The runs really overlapped: in some pairs one side found the lock held and waited.
    expect(outcomes.some((outcome) => outcome.waited)).toBe(true);
  }, 240_000);

  it('a foreign rule another writer adds between our write and the read-back is kept, and no failure', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('added');
    await createBucketWith(client, bucket, { rules: [FOREIGN] });
    const added: LifecycleRule = { ID: 'added-meanwhile', Status: 'Enabled', Filter: { Prefix: 'scratch/' }, Expiration: { Days: 1 } };
    let writes = 0;
    let done = false;
    const proxy = await startS3Proxy(testS3().endpoint, {
      before: async (request) => {
        if (isLifecyclePut(request)) writes += 1;
        if (isLifecycleGet(request) && writes === 1 && !done) {
          done = true;
          const current = await readRules(client, bucket);
          await client.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [...current, added] } }));
        }
      },
    });
    try {
      const run = await apply(bucket, 'staging', proxy.endpoint);
      expect(run.lifecycle?.status).toBe('PASS');
      expect(writes).toBe(1);
      expect(run.lifecycle?.findings.map((finding) => finding.message)).toContain('Rule added-meanwhile (not ours) appeared meanwhile (another writer); kept.');
      expect(ids(await readRules(client, bucket))).toEqual([FOREIGN.ID, 'added-meanwhile', managedId('staging')].sort());
    } finally {
      await proxy.close();
    }
  });

  it('when a writer that takes no lock replaces the configuration after our write, apply merges into theirs and writes again', async () => {
    const client = rawClient();
    const bucket = uniqueBucket('replaced');
    await createBucketWith(client, bucket, { rules: [FOREIGN] });
    const theirs: LifecycleRule = { ID: 'terraform-owned', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 14 } };
    let writes = 0;
    let done = false;
    const proxy = await startS3Proxy(testS3().endpoint, {
      before: async (request) => {
        if (isLifecyclePut(request)) writes += 1;
        if (isLifecycleGet(request) && writes === 1 && !done) {
          done = true;
          await client.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [FOREIGN, theirs] } }));
        }
      },
    });
    try {
      const run = await apply(bucket, 'staging', proxy.endpoint);
      expect(run.lifecycle?.status).toBe('PASS');
      expect(writes).toBe(2);
      expect(run.lifecycle?.summary).toContain('2 writes (another writer replaced the configuration meanwhile)');
      expect(
        run.host.logs.some((line) =>
          line.startsWith('warning Lifecycle read-back lacks surreal-release-gates:chat-attachments/staging: another writer replaced the configuration'),
        ),
      ).toBe(true);
      expect(ids(await readRules(client, bucket))).toEqual([FOREIGN.ID, managedId('staging'), 'terraform-owned'].sort());
      expect(await lockLeftovers(bucket)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe('the lifecycle lock on the local RGW', () => {
  function gateway(bucket: string) {
    return createS3Gateway(loadConfig(readerOf(testInputs({ 's3-bucket': bucket })), '/workspace').s3, silentLogger);
  }
  const SHORT = { budgetMs: 10_000, ttlMs: 1000, waitMs: 20_000 };

  it.each(['Unversioned', 'Enabled'] as const)(
    'breaks a stale lock (older than the TTL by the server clock) and leaves nothing behind (%s bucket)',
    async (versioning) => {
      const client = rawClient();
      const bucket = uniqueBucket('stale');
      await createBucketWith(client, bucket, { versioned: versioning === 'Enabled' });
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: LOCK_KEY,
          Body: lockBodyText({ runId: '20300101T000000Z-deadbeef', env: 'production', time: '2030-01-01T00:00:00.000Z' }),
        }),
      );
      // Last-Modified has 1 s resolution: wait until the lock is surely older than the 1 s TTL.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const s3 = gateway(bucket);
      try {
        const log = recordingLogger();
        const run = await underLifecycleLock(
          { s3, key: LOCK_KEY, env: 'staging', versioning, timings: SHORT, log, now: () => new Date() },
          async (lock) => lock.held,
        );
        expect(run).toMatchObject({ ran: true, value: true });
        expect(run.findings.map((finding) => finding.message)).toContainEqual(
          expect.stringMatching(/^Broke an abandoned lifecycle lock of run 20300101T000000Z-deadbeef \(env production/),
        );
        expect(await lockLeftovers(bucket)).toEqual([]);
      } finally {
        s3.destroy();
      }
    },
  );

  it.each(['Enabled', 'Suspended'] as const)('an apply on a %s versioning bucket leaves no lock version and no delete marker', async (status) => {
    const client = rawClient();
    const bucket = uniqueBucket(`lock-${status}`);
    await createBucketWith(client, bucket, { rules: [FOREIGN], versioned: true });
    if (status === 'Suspended') await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Suspended' } }));
    const run = await apply(bucket, 'staging');
    expect(run.result?.result).toBe('PASS');
    expect(run.lifecycle?.findings.map((finding) => finding.message)).toContain(`Released the lifecycle lock ${LOCK_KEY}.`);
    expect(await lockLeftovers(bucket)).toEqual([]);
    expect(ids(await readRules(client, bucket))).toContain(managedId('staging'));
  });
});
