import { createGitHubGateway, type GitHubClientOptions } from '../../src/clients/github.js';
import type { S3Gateway } from '../../src/clients/s3.js';
import { loadConfig } from '../../src/config/load.js';
import { branchProtectionGate } from '../../src/gates/branch-protection/gate.js';
import { Cancellation } from '../../src/util/cancellation.js';
import { recordingLogger } from './logger.js';
import { ACTIONS, type FakeCheckRun, type FakeGitHub, type FakeRepository, type FakeRuleset } from './fake-github.js';
import { readerOf } from './s3.js';
import type { GateOutcome } from '../../src/verdict.js';

export const TOKEN = 'ghs_fakeWorkflowToken0123456789abcdefABCDEF';
export const HEAD = 'c0ffee1234567890c0ffee1234567890c0ffee12';
export const CHECK = 'CI / surreal-release-gates';

/** A repository with one branch whose head carries the gate's check run and a lint run. */
export function repository(overrides: Partial<FakeRepository> = {}, runs: FakeCheckRun[] = [{ name: CHECK }, { name: 'lint' }]): FakeRepository {
  return {
    owner: 'octo-org',
    repo: 'chat-service',
    defaultBranch: 'main',
    branches: { main: HEAD },
    classic: {},
    rulesets: [],
    checkRuns: { [HEAD]: runs.map((run) => ({ app: ACTIONS, ...run })) },
    ...overrides,
  };
}

export function rulesetRequiring(checks: { context: string; integration_id?: number }[], overrides: Partial<FakeRuleset> = {}): FakeRuleset {
  return {
    id: 42,
    name: 'Protect main',
    enforcement: 'active',
    conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    rules: [
      { type: 'deletion' },
      { type: 'required_status_checks', parameters: { strict_required_status_checks_policy: true, required_status_checks: checks } },
    ],
    ...overrides,
  };
}

/** S3 must not be touched by this gate: any use throws. */
export const noS3 = new Proxy({} as S3Gateway, {
  get: (_target, property) => {
    throw new Error(`the branch-protection gate used S3 (${String(property)})`);
  },
});

/** Runs the gate alone against the fake, with inputs as a workflow would give them. */
export async function runBranchProtectionGate(
  fake: FakeGitHub,
  inputs: Record<string, string> = {},
  clientOptions: GitHubClientOptions = {},
): Promise<{ outcome: GateOutcome; logs: string[]; requests: Readonly<Record<string, number>> }> {
  const config = loadConfig(
    readerOf({ 'app-env': 'ci', 's3-bucket': 'chat-attachments-ci', gates: 'branch-protection', 'github-token': TOKEN, ...inputs }),
    process.cwd(),
    { GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'octo-org/chat-service' },
  );
  const log = recordingLogger();
  const github = createGitHubGateway(config.github, log, { retryBaseMs: 20, ...clientOptions });
  const outcome = await branchProtectionGate.run({ config, s3: noS3, github, log, now: () => new Date(), previous: [], cancellation: new Cancellation() });
  return { outcome, logs: log.lines, requests: github.requestCounts() };
}
