import type { AlertRenderOptions } from './manifest.js';

/** Where the runbook keeps the manifest, relative to the repository root. */
export const COMMITTED_MANIFEST_PATH = 'deploy/monitoring/prometheusrule-chat-attachment-lifecycle.yaml';

/**
 * The committed manifest: one rule set for every environment under the default prefix, with the
 * inputs' defaults (a test keeps these equal to the defaults in src/config/inputs.ts).
 */
export const COMMITTED_MANIFEST_OPTIONS: AlertRenderOptions = {
  env: undefined,
  basePrefix: 'chat-attachments',
  labels: { release: 'kube-prometheus-stack' },
  runbookUrl: 'docs/alerts/chat-attachment-lifecycle.md',
  growthPercent: 25,
  staleHours: 26,
};
