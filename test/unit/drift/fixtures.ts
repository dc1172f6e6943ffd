import type { RunInfo } from '../../../src/report/run-info.js';
import type { GateResult } from '../../../src/verdict.js';

export const RUN: RunInfo = {
  appEnv: 'staging',
  bucket: 'chat-attachments-staging',
  envPrefix: 'chat-attachments/staging/',
  endpoint: 'https://s3.staging.example',
  startedAt: '2030-06-01T12:00:00.000Z',
  finishedAt: '2030-06-01T12:00:05.000Z',
  version: '0.1.0',
};

export const RUN_URL = 'https://github.com/octo-org/chat-service/actions/runs/42';

export function gate(overrides: Partial<GateResult> = {}): GateResult {
  return {
    id: 'verify',
    title: 'Chat attachment lifecycle verification',
    mode: undefined,
    status: 'PASS',
    summary: 'Every required prefix expires after 30 days.',
    findings: [{ level: 'info', message: 'covered' }],
    facts: [],
    sections: [],
    startedAt: '2030-06-01T12:00:01.000Z',
    durationMs: 12,
    ...overrides,
  };
}

export const goNoGo = (status: 'PASS' | 'FAIL') =>
  gate({ id: 'go-no-go', title: 'Release gates (surreal): go/no-go', status, summary: status === 'PASS' ? 'GO' : 'NO-GO' });

export const failingVerify = gate({
  status: 'FAIL',
  summary: 'chat-attachments/staging/ is not covered by an enabled expiration rule.',
  findings: [
    {
      level: 'fail',
      message: 'chat-attachments/staging/ has no expiration rule',
      evidence: 'rules: 0',
      remediation: 'Run the lifecycle gate with mode: apply.',
    },
  ],
});
