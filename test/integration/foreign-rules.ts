import type { LifecycleRule } from '@aws-sdk/client-s3';

/** The managed rule's ID for the default prefix and the test inputs' app-env 'ci'. */
export const MANAGED_ID = 'surreal-release-gates:chat-attachments/ci';
export const MANAGED_DELETE_MARKERS_ID = `${MANAGED_ID}:delete-markers`;

/** Rules another owner wrote, one of every shape a configuration can hold; apply must keep each as it was. */
export const FOREIGN_RULES: readonly LifecycleRule[] = [
  { ID: 'media-tagged', Status: 'Enabled', Filter: { Tag: { Key: 'team', Value: 'media' } }, Expiration: { Days: 7 } },
  {
    ID: 'scratch-uploads',
    Status: 'Enabled',
    Filter: { And: { Prefix: 'uploads/', Tags: [{ Key: 'tier', Value: 'scratch' }] } },
    Expiration: { Days: 3 },
  },
  { ID: 'paused-cleanup', Status: 'Disabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 } },
  { ID: 'old-log-versions', Status: 'Enabled', Filter: { Prefix: 'logs/' }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
  { ID: 'stale-uploads', Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 3 } },
  { ID: 'archive-until', Status: 'Enabled', Filter: { Prefix: 'archive/' }, Expiration: { Date: new Date('2099-01-01T00:00:00Z') } },
  { ID: 'legacy-prefix', Status: 'Enabled', Prefix: 'legacy/', Expiration: { Days: 90 } },
];

export const FOREIGN_IDS = FOREIGN_RULES.map((rule) => rule.ID ?? '');
