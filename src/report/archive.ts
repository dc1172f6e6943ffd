import { constants } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import * as path from 'node:path';

/** Copies of one name tried before giving up: `-2`, `-3`, ... after the first. */
const MAX_COPIES = 100;

/** `20261128T051500Z`: the runbook's `date -u +%Y%m%dT%H%M%SZ`. */
export function archiveTimestamp(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * The runbook's archive name of a report: `hot-path-rollout-latest.md` becomes
 * `hot-path-rollout-staging-20261128T051500Z.md`; `copy` 2 and up adds `-2`, ... when that name is taken.
 */
export function archiveName(reportFile: string, env: string, time: Date, copy = 1): string {
  const extension = path.extname(reportFile);
  const stem = path.basename(reportFile, extension).replace(/-latest$/, '');
  return `${stem}-${env}-${archiveTimestamp(time)}${copy > 1 ? `-${copy}` : ''}${extension}`;
}

/**
 * Copies each report (absolute paths, all written by this run) beside itself under its archive
 * name. Never overwrites: the copy is created exclusively, and a taken name gets the next suffix.
 * Returns the copies' paths, in the order of `reports`.
 */
export async function archiveReports(reports: readonly string[], env: string, time: Date): Promise<string[]> {
  const copies: string[] = [];
  for (const report of reports) {
    copies.push(await copyExclusive(report, env, time));
  }
  return copies;
}

async function copyExclusive(report: string, env: string, time: Date): Promise<string> {
  for (let copy = 1; copy <= MAX_COPIES; copy += 1) {
    const target = path.join(path.dirname(report), archiveName(path.basename(report), env, time, copy));
    try {
      await copyFile(report, target, constants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  throw new Error(`Cannot archive ${report}: ${MAX_COPIES} copies named ${archiveName(path.basename(report), env, time)} already exist.`);
}
