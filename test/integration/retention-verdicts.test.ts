import { CreateBucketCommand, GetBucketLifecycleConfigurationCommand, PutBucketLifecycleConfigurationCommand, type LifecycleRule } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { rawClient, testInputs, uniqueBucket } from '../support/s3.js';
import { startS3Proxy } from '../support/s3-proxy.js';
import { readRules } from '../support/server-state.js';
import { runWith, type GateRun } from '../support/smoke-run.js';
import { MANAGED_ID } from './foreign-rules.js';

const s3 = rawClient();
afterAll(() => s3.destroy());

const ENV_PREFIX = 'chat-attachments/ci/';
const SEQUENCE = 'bucket,lifecycle,verify,smoke';

async function bucketWithRules(label: string, rules: LifecycleRule[]): Promise<string> {
  const bucket = uniqueBucket(label);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  if (rules.length > 0) await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: rules } }));
  return bucket;
}

const rule = (id: string, prefix: string, days: number): LifecycleRule => ({
  ID: id,
  Status: 'Enabled',
  Filter: { Prefix: prefix },
  Expiration: { Days: days },
});
const statuses = (run: GateRun) => Object.fromEntries(run.result?.gates.map((gate) => [gate.id, gate.status]) ?? []);
const messages = (run: GateRun, id: string, level: string) =>
  run
    .gate(id)
    .findings.filter((finding) => finding.level === level)
    .map((finding) => finding.message);

// Verify and smoke side by side on buckets in the states real ones are in: the two gates judge
// the same rules the same way, whichever rule ID the server names in x-amz-expiration.
describe('retention verdicts on the real server: verify and smoke agree', () => {
  it.each([
    ['the old rule with the same days, its ID sorting before ours', rule('chat-attachments-ci-expire', ENV_PREFIX, 30)],
    ['the old rule with the same days, its ID sorting after ours', rule('zz-chat-attachments-ci-expire', ENV_PREFIX, 30)],
    [
      'the old rule as a legacy rule-level Prefix',
      { ID: 'chat-attachments-ci-legacy', Status: 'Enabled', Prefix: ENV_PREFIX, Expiration: { Days: 30 } } as LifecycleRule,
    ],
  ])('%s: GO, and the old rule is named as a candidate for adoption', async (_name, old) => {
    const bucket = await bucketWithRules('rv-same', [old]);

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: SEQUENCE, 'expire-days': '30' }));

    expect(statuses(run)).toEqual({ bucket: 'PASS', lifecycle: 'PASS', verify: 'PASS', smoke: 'PASS', 'go-no-go': 'PASS' });
    expect(messages(run, 'verify', 'info').join('\n')).toContain(`Rule ${old.ID} also expires ${ENV_PREFIX} after 30 days`);
    expect(messages(run, 'verify', 'info').join('\n')).toContain(`lifecycle-adopt-rule-ids: ${old.ID}`);
    // Whichever of the two the server named, the date is the one both rules give.
    expect(messages(run, 'smoke', 'info').join('\n')).toMatch(/x-amz-expiration: the server announces for 3 object\(s\) the date the bucket's rules give/);
    expect(run.gate('smoke').facts.find((fact) => fact.label === 'Retention (verify judges it)')?.value).toBe(
      `30 days under ${ENV_PREFIX} (rule ${MANAGED_ID})`,
    );
    expect((await readRules(s3, bucket)).map((found) => found.ID).sort()).toEqual([old.ID, MANAGED_ID].sort());
  });

  it('a longer old rule: GO, the managed rule decides', async () => {
    const bucket = await bucketWithRules('rv-longer', [rule('chat-attachments-ci-expire', ENV_PREFIX, 90)]);
    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: SEQUENCE }));
    expect(statuses(run)).toEqual({ bucket: 'PASS', lifecycle: 'PASS', verify: 'PASS', smoke: 'PASS', 'go-no-go': 'PASS' });
    expect(run.gate('verify').summary).toContain(`${ENV_PREFIX} after 30 days`);
  });

  it('a shorter old rule without expect-expire-days: verify FAILs (deleted 20 days early), smoke PASSes, and bucket,lifecycle,verify is NO-GO', async () => {
    const bucket = await bucketWithRules('rv-shorter', [rule('chat-attachments-ci-expire', ENV_PREFIX, 10)]);

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: SEQUENCE }));

    expect(statuses(run)).toEqual({ bucket: 'PASS', lifecycle: 'PASS', verify: 'FAIL', smoke: 'PASS', 'go-no-go': 'FAIL' });
    expect(messages(run, 'verify', 'fail')).toEqual([
      expect.stringMatching(
        /Effective retention of chat-attachments\/ci\/ is 10 days, expected 30 \(the managed rule surreal-release-gates:chat-attachments\/ci\); rule chat-attachments-ci-expire .* decides: objects are deleted 20 days earlier than the configured retention\./,
      ),
    ]);
    // The server applies the configuration as written: the 10-day date is right for smoke.
    expect(run.gate('smoke').facts.find((fact) => fact.label === 'Retention (verify judges it)')?.value).toBe(
      `10 days under ${ENV_PREFIX} (rule chat-attachments-ci-expire)`,
    );

    const threeGates = await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle,verify' }));
    expect(statuses(threeGates)).toEqual({ bucket: 'PASS', lifecycle: 'PASS', verify: 'FAIL', 'go-no-go': 'FAIL' });
    expect(threeGates.host.outputs.result).toBe('FAIL');
  });

  it('a shorter old rule with expect-expire-days: verify FAILs naming expect-expire-days', async () => {
    const bucket = await bucketWithRules('rv-shorter-expect', [rule('chat-attachments-ci-expire', ENV_PREFIX, 10)]);
    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: SEQUENCE, 'expect-expire-days': '30' }));
    expect(statuses(run)).toMatchObject({ verify: 'FAIL', smoke: 'PASS', 'go-no-go': 'FAIL' });
    expect(messages(run, 'verify', 'fail')).toEqual([expect.stringContaining('is 10 days, expected 30 (expect-expire-days)')]);
  });

  it('a shorter rule on the parent prefix: verify FAILs, smoke PASSes with its date', async () => {
    const bucket = await bucketWithRules('rv-parent', [rule('all-attachments', 'chat-attachments/', 10)]);
    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: SEQUENCE }));
    expect(statuses(run)).toMatchObject({ lifecycle: 'PASS', verify: 'FAIL', smoke: 'PASS', 'go-no-go': 'FAIL' });
    expect(messages(run, 'verify', 'fail')).toEqual([
      expect.stringContaining("rule all-attachments (prefix 'chat-attachments/', 10 days) decides: objects are deleted 20 days earlier"),
    ]);
  });

  it('no managed rule and no expectation: any positive retention passes both gates', async () => {
    const bucket = await bucketWithRules('rv-foreign-only', [rule('team-retention', ENV_PREFIX, 45)]);
    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'verify,smoke' }));
    // verify's WARN (a passing status) is about unfinished uploads: the foreign rule aborts none.
    expect(statuses(run)).toEqual({ verify: 'WARN', smoke: 'PASS', 'go-no-go': 'PASS' });
    expect(messages(run, 'verify', 'warn')).toEqual([
      expect.stringMatching(/^No enabled rule covering chat-attachments\/ci\/ aborts unfinished multipart uploads/),
    ]);
    expect(run.gate('verify').facts.find((fact) => fact.label === 'Expected retention')?.value).toContain('any positive');
    expect(run.gate('verify').summary).toContain(`${ENV_PREFIX} after 45 days`);
  });

  it('smoke FAILs, naming both dates and rules, when the server announces another date than the rules give', async () => {
    const bucket = await bucketWithRules('rv-quirk', []);
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle' }))).result?.result).toBe('PASS');
    // A server that dropped a filter would expire the objects by another rule, sooner.
    const soon = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 3 * 86_400_000);
    const proxy = await startS3Proxy(testInputs()['s3-endpoint'] ?? '', (_request, headers) =>
      headers['x-amz-expiration'] === undefined ? headers : { ...headers, 'x-amz-expiration': `expiry-date="${soon.toUTCString()}", rule-id="team-tagged"` },
    );
    try {
      const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'verify,smoke', 's3-endpoint': proxy.endpoint }));
      expect(statuses(run)).toEqual({ verify: 'PASS', smoke: 'FAIL', 'go-no-go': 'FAIL' });
      expect(messages(run, 'smoke', 'fail')).toEqual([
        expect.stringMatching(
          new RegExp(
            `payload\\.bin: the server expires it ${soon.toUTCString()} by rule 'team-tagged', but the bucket's rules give .* by ${MANAGED_ID} \\(written .*\\)\\. \\(2 more object\\(s\\) alike\\)`,
          ),
        ),
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('smoke FAILs when the server sends no x-amz-expiration although the rules expire the objects', async () => {
    const bucket = await bucketWithRules('rv-noheader', []);
    expect((await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle' }))).result?.result).toBe('PASS');
    const proxy = await startS3Proxy(testInputs()['s3-endpoint'] ?? '', (_request, headers) => {
      const { 'x-amz-expiration': _dropped, ...rest } = headers;
      return rest;
    });
    try {
      const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'smoke', 's3-endpoint': proxy.endpoint }));
      expect(statuses(run)).toEqual({ smoke: 'FAIL', 'go-no-go': 'FAIL' });
      expect(messages(run, 'smoke', 'fail')).toEqual([expect.stringContaining(`no x-amz-expiration header, but the bucket's rules expire it`)]);
    } finally {
      await proxy.close();
    }
  });
});

describe('adopting the old rule on the real server', () => {
  it('plan shows adopt (removed); apply replaces exactly that rule; a finished adoption is info, not a warning', async () => {
    const old = rule('chat-attachments-ci-expire', ENV_PREFIX, 30);
    const other = rule('logs-expire', 'logs/', 7);
    const bucket = await bucketWithRules('rv-adopt', [old, other]);
    const adopt = { 's3-bucket': bucket, 'lifecycle-adopt-rule-ids': old.ID ?? '' };

    const plan = await runWith(testInputs({ ...adopt, gates: 'lifecycle', mode: 'plan' }));
    expect(plan.gate('lifecycle').status).toBe('WARN');
    expect(await plan.report('chat-attachment-lifecycle-policy-latest.md')).toMatch(/\| - \| chat-attachments-ci-expire \| adopt \(removed\) \|/);
    expect((await readRules(s3, bucket)).map((found) => found.ID)).toEqual([old.ID, other.ID]);

    const applied = await runWith(testInputs({ ...adopt, gates: SEQUENCE }));
    expect(statuses(applied)).toEqual({ bucket: 'PASS', lifecycle: 'PASS', verify: 'PASS', smoke: 'PASS', 'go-no-go': 'PASS' });
    expect(applied.gate('lifecycle').summary).toContain(`adopted (removed) ${old.ID}`);
    const after = await readRules(s3, bucket);
    expect(after.map((found) => found.ID).sort()).toEqual([MANAGED_ID, other.ID].sort());
    expect(after.find((found) => found.ID === other.ID)).toEqual(expect.objectContaining({ Filter: { Prefix: 'logs/' }, Expiration: { Days: 7 } }));
    expect(messages(applied, 'verify', 'info').join('\n')).not.toContain('also expires');

    const again = await runWith(testInputs({ ...adopt, gates: 'lifecycle' }));
    expect(again.gate('lifecycle').status).toBe('PASS');
    expect(messages(again, 'lifecycle', 'info')).toContain(
      `lifecycle-adopt-rule-ids: ${old.ID} is not in the bucket (already adopted, or gone); ${MANAGED_ID} is present.`,
    );
  });

  it('an absent ID while the managed rule is missing is a WARN', async () => {
    const bucket = await bucketWithRules('rv-adopt-typo', []);
    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'bucket,lifecycle', 'lifecycle-adopt-rule-ids': 'chat-attachments-ci-expyre' }));
    expect(run.gate('lifecycle').status).toBe('WARN');
    expect(messages(run, 'lifecycle', 'warn')).toEqual([
      `lifecycle-adopt-rule-ids: chat-attachments-ci-expyre is not in the bucket, and ${MANAGED_ID} is not there yet.`,
    ]);
  });

  it.each([
    [
      'a tag filter',
      { ID: 'old-tagged', Status: 'Enabled', Filter: { And: { Prefix: ENV_PREFIX, Tags: [{ Key: 'k', Value: 'v' }] } }, Expiration: { Days: 30 } },
      'it has a tag filter',
    ],
    ['the parent prefix', rule('old-parent', 'chat-attachments/', 30), "its prefix is 'chat-attachments/', not 'chat-attachments/ci/'"],
  ] as const)('refuses a rule with %s before any write, naming the rule and the input', async (_name, old, reason) => {
    const bucket = await bucketWithRules('rv-adopt-refuse', [old as LifecycleRule]);
    const before = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));

    const run = await runWith(testInputs({ 's3-bucket': bucket, gates: 'lifecycle', 'lifecycle-adopt-rule-ids': old.ID ?? '' }));

    expect(run.gate('lifecycle').status).toBe('FAIL');
    expect(messages(run, 'lifecycle', 'fail')).toEqual([expect.stringContaining(`lifecycle-adopt-rule-ids: rule ${old.ID} cannot be adopted: ${reason}.`)]);
    const after = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    expect(after.Rules).toEqual(before.Rules);
  });
});
