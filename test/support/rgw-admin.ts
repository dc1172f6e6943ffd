import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { testS3 } from './s3.js';

const run = promisify(execFile);

export interface RgwUser {
  readonly uid: string;
  readonly accessKey: string;
  readonly secretKey: string;
  /** The principal bucket policies name: `arn:aws:iam:::user/<uid>`. */
  readonly arn: string;
}

/** radosgw-admin against the test RGW (needs its ceph.conf: a local instance, not S3_ENDPOINT). */
async function radosgwAdmin(args: readonly string[]): Promise<unknown> {
  const cephConf = testS3().cephConf;
  if (!cephConf) throw new Error('radosgw-admin needs the local RGW (CEPH_CONF); unset S3_ENDPOINT to start one');
  const { stdout } = await run('radosgw-admin', ['-c', cephConf, ...args], { env: { ...process.env, CEPH_CONF: cephConf }, timeout: 20_000 });
  return JSON.parse(stdout) as unknown;
}

/** A second S3 user with fresh keys. */
export async function createRgwUser(label: string): Promise<RgwUser> {
  const uid = `${label}-${randomBytes(3).toString('hex')}`;
  const accessKey = `RO${randomBytes(9).toString('hex').toUpperCase()}`;
  const secretKey = randomBytes(20).toString('hex');
  await radosgwAdmin(['user', 'create', `--uid=${uid}`, `--display-name=${label}`, `--access-key=${accessKey}`, `--secret-key=${secretKey}`]);
  return { uid, accessKey, secretKey, arn: `arn:aws:iam:::user/${uid}` };
}

/** The uid owning an access key (the test server's main user, for policies naming it). */
export async function rgwUserIdOf(accessKey: string): Promise<string> {
  const info = (await radosgwAdmin(['user', 'info', `--access-key=${accessKey}`])) as { user_id?: string };
  if (!info.user_id) throw new Error(`no RGW user for access key ${accessKey}`);
  return info.user_id;
}

export const hasRadosgwAdmin = () => testS3().cephConf !== '';
