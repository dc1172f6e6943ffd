#!/usr/bin/env node
// Renders the PrometheusRule with the same pure renderer the alerts gate uses.
//   node scripts/render-alerts.mjs            rewrite deploy/monitoring/prometheusrule-chat-attachment-lifecycle.yaml
//   node scripts/render-alerts.mjs --check    exit 1 when the committed file is stale
//   node scripts/render-alerts.mjs --env staging [--prefix chat-attachments]   print one environment's rendering
// Runs the TypeScript sources directly (Node 24 strips types); the renderer imports nothing that
// needs compiling.
import { readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// The sources import './x.js' (TypeScript's ESM convention); resolve those to the .ts files.
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { manifestHeader, manifestYaml, renderPrometheusRule } = await import('../src/alerts/manifest.ts');
const { COMMITTED_MANIFEST_OPTIONS, COMMITTED_MANIFEST_PATH } = await import('../src/alerts/committed.ts');

const { values } = parseArgs({ options: { check: { type: 'boolean' }, env: { type: 'string' }, prefix: { type: 'string' } } });
const options = { ...COMMITTED_MANIFEST_OPTIONS, env: values.env, basePrefix: values.prefix ?? COMMITTED_MANIFEST_OPTIONS.basePrefix };
const text = manifestYaml(renderPrometheusRule(options), manifestHeader(options.env, options.basePrefix));

if (values.env !== undefined || values.prefix !== undefined) {
  process.stdout.write(text);
} else {
  const target = path.join(root, COMMITTED_MANIFEST_PATH);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: written below, or stale under --check
  }
  if (values.check) {
    if (current !== text) {
      process.stderr.write(`${COMMITTED_MANIFEST_PATH} is stale: run npm run alerts:render and commit it.\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`${COMMITTED_MANIFEST_PATH} is up to date.\n`);
    }
  } else if (current === text) {
    process.stdout.write(`${COMMITTED_MANIFEST_PATH} is up to date.\n`);
  } else {
    writeFileSync(target, text, 'utf8');
    process.stdout.write(`Wrote ${COMMITTED_MANIFEST_PATH}.\n`);
  }
}
