import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveName, archiveReports, archiveTimestamp } from '../../src/report/archive.js';

const TIME = new Date('2026-11-28T05:15:00.789Z');

describe("archive names (the runbook's cp commands)", () => {
  it('formats the timestamp as date -u +%Y%m%dT%H%M%SZ', () => {
    expect(archiveTimestamp(TIME)).toBe('20261128T051500Z');
    expect(archiveTimestamp(new Date('2027-01-02T03:04:05.000Z'))).toBe('20270102T030405Z');
  });

  it.each([
    ['hot-path-rollout-latest.md', 'staging', 'hot-path-rollout-staging-20261128T051500Z.md'],
    ['chat-attachment-alerts-apply-latest.md', 'staging', 'chat-attachment-alerts-apply-staging-20261128T051500Z.md'],
    ['chat-attachment-lifecycle-policy-latest.md', 'production', 'chat-attachment-lifecycle-policy-production-20261128T051500Z.md'],
    ['chat-attachment-lifecycle-verify-latest.md', 'production', 'chat-attachment-lifecycle-verify-production-20261128T051500Z.md'],
    ['branch-protection-surreal-release-gates-latest.md', 'staging', 'branch-protection-surreal-release-gates-staging-20261128T051500Z.md'],
    ['release-gates-surreal-latest.json', 'staging', 'release-gates-surreal-staging-20261128T051500Z.json'],
    ['notes.md', 'staging', 'notes-staging-20261128T051500Z.md'],
  ])('%s for %s -> %s', (report, env, name) => {
    expect(archiveName(report, env, TIME)).toBe(name);
  });

  it('numbers further copies of a taken name', () => {
    expect(archiveName('hot-path-rollout-latest.md', 'staging', TIME, 2)).toBe('hot-path-rollout-staging-20261128T051500Z-2.md');
  });
});

describe('archiveReports', () => {
  async function reportsDir(): Promise<{ dir: string; reports: string[] }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'srg-archive-'));
    const reports = ['hot-path-rollout-latest.md', 'release-gates-surreal-latest.md'].map((name) => path.join(dir, name));
    await Promise.all(reports.map((file) => writeFile(file, `content of ${path.basename(file)}`)));
    return { dir, reports };
  }

  it('copies each given report beside itself, byte for byte, and returns the copies in order', async () => {
    const { dir, reports } = await reportsDir();
    const copies = await archiveReports(reports, 'staging', TIME);
    expect(copies).toEqual([
      path.join(dir, 'hot-path-rollout-staging-20261128T051500Z.md'),
      path.join(dir, 'release-gates-surreal-staging-20261128T051500Z.md'),
    ]);
    expect(await readFile(copies[0] ?? '', 'utf8')).toBe('content of hot-path-rollout-latest.md');
  });

  it('never overwrites: an existing archive keeps its content and the new copy gets the next suffix', async () => {
    const { dir, reports } = await reportsDir();
    const existing = path.join(dir, 'hot-path-rollout-staging-20261128T051500Z.md');
    await writeFile(existing, 'evidence of an earlier run');
    await writeFile(path.join(dir, 'hot-path-rollout-staging-20261128T051500Z-2.md'), 'and another');
    const copies = await archiveReports(reports, 'staging', TIME);
    expect(copies[0]).toBe(path.join(dir, 'hot-path-rollout-staging-20261128T051500Z-3.md'));
    expect(await readFile(existing, 'utf8')).toBe('evidence of an earlier run');
    expect(await readFile(path.join(dir, 'hot-path-rollout-staging-20261128T051500Z-2.md'), 'utf8')).toBe('and another');
    expect(await readFile(copies[0] ?? '', 'utf8')).toBe('content of hot-path-rollout-latest.md');
  });

  it('archiving twice in the same second keeps both', async () => {
    const { dir, reports } = await reportsDir();
    const first = await archiveReports(reports, 'staging', TIME);
    const second = await archiveReports(reports, 'staging', TIME);
    expect(second.map((file) => path.basename(file))).toEqual([
      'hot-path-rollout-staging-20261128T051500Z-2.md',
      'release-gates-surreal-staging-20261128T051500Z-2.md',
    ]);
    expect((await readdir(dir)).sort()).toEqual([...reports, ...first, ...second].map((file) => path.basename(file)).sort());
  });

  it('copies only the reports it is given, not other files of the directory', async () => {
    const { dir, reports } = await reportsDir();
    await writeFile(path.join(dir, 'chat-attachment-s3-smoke-latest.md'), 'from another run');
    await archiveReports(reports.slice(0, 1), 'staging', TIME);
    expect((await readdir(dir)).sort()).toEqual([
      'chat-attachment-s3-smoke-latest.md',
      'hot-path-rollout-latest.md',
      'hot-path-rollout-staging-20261128T051500Z.md',
      'release-gates-surreal-latest.md',
    ]);
  });
});
