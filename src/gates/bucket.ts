import type { GateContext, GateDefinition } from './types.js';
import { type GateOutcome, outcome } from '../verdict.js';

/** Ensures the attachment bucket exists; creates it in apply mode, never deletes or empties anything. */
async function runBucket({ config, s3 }: GateContext): Promise<GateOutcome> {
  const bucket = config.s3.bucket;
  const facts = [{ label: 'Addressing', value: config.s3.forcePathStyle ? 'path-style' : 'virtual-hosted' }];
  if (await s3.bucketExists()) {
    return outcome(`Bucket ${bucket} exists.`, [{ level: 'info', message: `HeadBucket ${bucket}: 200.` }], facts);
  }
  if (config.mode === 'plan') {
    return outcome(
      `Bucket ${bucket} is missing; apply would create it.`,
      [
        {
          level: 'warn',
          message: `Bucket ${bucket} does not exist; mode plan changed nothing.`,
          evidence: `HeadBucket ${bucket}: 404`,
          remediation: 'Run with mode: apply to create it.',
        },
      ],
      facts,
    );
  }
  const created = await s3.createBucket();
  const message = created === 'created' ? `Created bucket ${bucket}.` : `Bucket ${bucket} appeared meanwhile (BucketAlreadyOwnedByYou).`;
  return outcome(message, [{ level: 'info', message, evidence: `HeadBucket ${bucket}: 404, then CreateBucket` }], facts);
}

export const bucketGate: GateDefinition = {
  id: 'bucket',
  title: 'Chat attachment bucket',
  report: 'chat-attachment-bucket-latest.md',
  mode: (config) => config.mode,
  run: runBucket,
};
