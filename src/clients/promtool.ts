import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CommandNotFound, type CommandRunner } from './exec.js';

export interface PromtoolCheck {
  readonly version: string;
  readonly exitCode: number;
  readonly output: string;
}

export interface Promtool {
  /** `promtool check rules` on a rule file's text; undefined when promtool is not on the PATH. */
  checkRules(ruleFile: string): Promise<PromtoolCheck | undefined>;
}

export function createPromtool(runner: CommandRunner): Promtool {
  return {
    async checkRules(ruleFile) {
      let version: string;
      try {
        const answer = await runner('promtool', ['--version']);
        // "promtool, version 2.42.0+ds (branch: ..., revision: ...)": keep the name and version.
        version =
          (answer.stdout || answer.stderr)
            .split('\n')[0]
            ?.replace(/\s*\(.*$/, '')
            .trim() || 'promtool';
      } catch (error) {
        if (error instanceof CommandNotFound) return undefined;
        throw error;
      }
      const dir = await mkdtemp(path.join(tmpdir(), 'srg-rules-'));
      try {
        const file = path.join(dir, 'chat-attachment-lifecycle.rules.yml');
        await writeFile(file, ruleFile, 'utf8');
        const result = await runner('promtool', ['check', 'rules', file]);
        return { version, exitCode: result.exitCode, output: `${result.stdout}${result.stderr}`.split(dir).join('.').trim() };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
