import { createChatApiClient } from './clients/chat-api.js';
import * as path from 'node:path';
import { createHealthProber } from './clients/health.js';
import { createPrometheusClient } from './clients/prometheus.js';
import { createObservabilityClients } from './clients/observability.js';
import { createS3Gateway } from './clients/s3.js';
import { INPUTS } from './config/inputs.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/types.js';
import { evidenceLine, withArchiveFailure } from './gates/go-no-go.js';
import { ANNOTATION_TITLE, runSequence } from './gates/sequence.js';
import type { Host } from './host.js';
import { failureAnnotations } from './report/annotations.js';
import { archiveReports } from './report/archive.js';
import { buildReports } from './report/build.js';
import { escapeMarkdown } from './report/escape.js';
import { writeReportFiles } from './report/publish.js';
import type { RunInfo } from './report/run-info.js';
import type { PublishResult } from './publish/github.js';
import { Cancellation } from './util/cancellation.js';
import { redactor, type Logger } from './util/logger.js';
import { passwordsInUrls } from './util/url-credentials.js';
import { VERSION } from './version.js';
import { decisionOf, type GateResult, InputError, PASSING_STATUSES } from './verdict.js';

export interface RunResult {
  readonly result: 'PASS' | 'FAIL';
  readonly failedGates: readonly string[];
  readonly gates: readonly GateResult[];
  readonly reportFiles: readonly string[];
  /** HTTP requests sent to S3 in this run, by SDK command name (retries counted). */
  readonly s3Requests: Readonly<Record<string, number>>;
  /** Archive copies of reportFiles (archive-evidence), else empty. */
  readonly archivedReports: readonly string[];
  /** What drift-issue and plan-comment published, when asked. */
  readonly published?: PublishResult;
  /** The signal that cancelled the run, if one did. */
  readonly cancelledBy: 'SIGINT' | 'SIGTERM' | undefined;
}

/**
 * config -> S3 client -> gates -> reports -> outputs -> one setFailed. Never throws: every
 * failure, a non-Error throw included, ends as a failed run with a one-line reason.
 */
export async function runGates(host: Host): Promise<RunResult | undefined> {
  let summary = '';
  let redact = (text: string) => text;
  let failed = false;
  const fail = (message: string, title: string) => {
    if (!failed) host.setFailed(redact(message), title);
    failed = true;
  };
  try {
    // Mask secrets before anything else could print them, even a bad-input message.
    const secrets = INPUTS.filter((input) => 'secret' in input && input.secret)
      .map((input) => host.readInput(input)?.trim() ?? '')
      .filter((value) => value.length > 0);
    secrets.push(...INPUTS.filter((input) => 'urlPasswords' in input && input.urlPasswords).flatMap((input) => passwordsInUrls(host.readInput(input) ?? '')));
    secrets.forEach((secret) => host.maskSecret(secret));
    redact = redactor(secrets);
    warnAboutUrlPasswords(host);

    let config: Config;
    try {
      config = loadConfig(host.readInput, host.workspace, host.env ?? process.env, host.reportRoots ? { reportRoots: host.reportRoots } : {});
    } catch (error) {
      if (error instanceof InputError) {
        // The message quotes the input as given: escaped, it cannot add markup to the summary.
        summary = `# Release gates (surreal): NO-GO\n\nResult: FAIL\n\n${escapeMarkdown(redact(error.message))}\n`;
        host.setOutput('result', 'FAIL');
        fail(error.message, `${ANNOTATION_TITLE}: input ${error.input}`);
        return undefined;
      }
      throw error;
    }
    // Anything else the parsed configuration holds as secret (e.g. a URL password as parsed).
    const parsedSecrets = config.secrets.filter((secret) => !secrets.includes(secret));
    parsedSecrets.forEach((secret) => host.maskSecret(secret));
    redact = redactor([...secrets, ...parsedSecrets]);
    const log = redactingLogger(host.log, redact);
    const startedAt = host.now().toISOString();
    const cancellation = host.cancellation ?? new Cancellation();
    const s3 = createS3Gateway(config.s3, log, cancellation.signal);
    // Clients of other systems only when a gate needs them; creating a client sends nothing.
    // Octokit is loaded only then, so S3-only runs do not pay for parsing it.
    const github = config.gates.includes('branch-protection') ? (await import('./clients/github.js')).createGitHubGateway(config.github, log) : undefined;
    const chatApi = config.smoke.api ? createChatApiClient(config.smoke.api, log, cancellation.signal) : undefined;
    let gates: GateResult[];
    try {
      gates = await runSequence({
        config,
        s3,
        log,
        now: host.now,
        cancellation,
        health: createHealthProber(log),
        ...(config.prometheus ? { prometheus: createPrometheusClient(config.prometheus, log) } : {}),
        ...createObservabilityClients(config, log),
        ...(github ? { github } : {}),
        ...(chatApi ? { chatApi } : {}),
      });
    } finally {
      s3.destroy();
    }
    const runInfo: RunInfo = {
      appEnv: config.appEnv,
      bucket: config.s3.bucket,
      envPrefix: config.envPrefix,
      endpoint: s3.endpointLabel,
      startedAt,
      finishedAt: host.now().toISOString(),
      version: VERSION,
    };
    let built = buildReports(gates, runInfo, config.reportsDir);
    const redactFiles = (files: Readonly<Record<string, string>>) =>
      Object.fromEntries(Object.entries(files).map(([name, content]) => [name, redact(content)]));
    const reportFiles = await writeReportFiles(config.reportsDir, redactFiles(built.files));
    let archivedReports: string[] = [];
    let archiveProblem: string | undefined;
    if (config.archiveEvidence) {
      try {
        archivedReports = await archiveReports(reportFiles, config.appEnv, host.now());
        log.info(`Archived ${archivedReports.length} report(s) for ${config.appEnv}: ${archivedReports.map((file) => path.basename(file)).join(', ')}`);
      } catch (error) {
        archiveProblem = `Archiving the evidence failed (archive-evidence): ${error instanceof Error ? error.message : String(error)}`;
        // The decision changes, so every report that states it is written again.
        gates = withArchiveFailure(gates, archiveProblem);
        built = buildReports(gates, runInfo, config.reportsDir);
        await writeReportFiles(config.reportsDir, redactFiles(built.files));
      }
    }
    summary = redact(built.summary);

    const result = decisionOf(gates) === 'GO' ? 'PASS' : 'FAIL';
    const blocking = gates.filter((gate) => gate.id !== 'go-no-go' && !PASSING_STATUSES.includes(gate.status));
    const failedGates = blocking.map((gate) => gate.id);
    const goNoGo = gates.find((gate) => gate.id === 'go-no-go');
    host.setOutput('failed-gates', failedGates.join(','));
    host.setOutput('reports-dir', config.reportsDir);
    for (const gate of gates) for (const [name, value] of Object.entries(gate.outputs ?? {})) host.setOutput(name, value);
    host.setOutput('archived-reports', archivedReports.join(','));
    // One annotation per gate that failed, before the step's own failure line.
    for (const annotation of failureAnnotations(built.attention)) {
      host.annotateFailure?.({ title: annotation.title, message: redact(annotation.message) });
    }
    // Publishing (drift issue, plan comment) comes after the gates and is no gate: it reads the
    // results, never changes them, and its problems are warnings. Octokit is loaded only for it.
    let published: PublishResult | undefined;
    if (config.publish.driftIssue !== 'off' || config.publish.planComment) {
      const { publishToGitHub } = await import('./publish/github.js');
      published = await publishToGitHub({ config, gates, run: runInfo, log, redact, now: host.now });
      summary += redact(published.summary);
    }
    // Last of the outputs, so a reader of `result` sees every other output already set.
    host.setOutput('result', result);
    if (archiveProblem !== undefined) fail(archiveProblem, `${ANNOTATION_TITLE}: archive-evidence`);
    if (result !== 'PASS') {
      // One line that says what to fix first: the first blocking gate and its evidence.
      const first = blocking[0];
      const reason = first ? `${first.id} ${first.status}: ${evidenceLine(first)}` : (goNoGo?.summary ?? 'no decision');
      const cancelled = cancellation.cancelledBy ? `Cancelled (${cancellation.cancelledBy}). ` : '';
      fail(
        `Release gates NO-GO (${failedGates.join(', ') || 'go-no-go'}). ${cancelled}${reason} Reports: ${config.reportsDir}`,
        `${ANNOTATION_TITLE}: ${first?.id ?? 'go-no-go'}`,
      );
    }
    return {
      result,
      failedGates,
      gates,
      reportFiles,
      archivedReports,
      s3Requests: s3.requestCounts(),
      ...(published ? { published } : {}),
      cancelledBy: cancellation.cancelledBy,
    };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    fail(`surreal-release-gates failed unexpectedly: ${message}`, ANNOTATION_TITLE);
    host.setOutput('result', 'FAIL');
    if (summary === '') summary = `# Release gates (surreal): NO-GO\n\nResult: ERROR\n\n${escapeMarkdown(redact(message))}\n`;
    return undefined;
  } finally {
    if (summary !== '') {
      try {
        await host.writeSummary(summary);
      } catch (error) {
        host.log.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/**
 * Every line redacted; every warning and error an annotation with a title: the gate's when a
 * gate logs it (the sequence adds it), else this action's name (e.g. a client's retry notice).
 */
function redactingLogger(log: Logger, redact: (text: string) => string): Logger {
  return {
    debug: (message) => log.debug(redact(message)),
    info: (message) => log.info(redact(message)),
    warning: (message, title) => log.warning(redact(message), redact(title ?? ANNOTATION_TITLE)),
    error: (message, title) => log.error(redact(message), redact(title ?? ANNOTATION_TITLE)),
    group: (name, body) => log.group(redact(name), body),
  };
}

/**
 * The runner prints every with: value in the step's log before the action starts; only values
 * from secrets.* are masked by then. A password in a URL input may so already be in the log.
 */
function warnAboutUrlPasswords(host: Host): void {
  for (const input of INPUTS.filter((candidate) => 'urlPasswords' in candidate && candidate.urlPasswords)) {
    if (passwordsInUrls(host.readInput(input) ?? '').length === 0) continue;
    const instead = input.name === 'prometheus-url' ? 'prometheus-username and prometheus-password, each from a secret' : 'a secret holding the whole value';
    host.log.warning(
      `${input.name} carries a password in a URL. Unless the value came from a secret, the runner printed it in this step's log before the action could mask it. Pass it through ${instead}.`,
      `${ANNOTATION_TITLE}: ${input.name}`,
    );
  }
}
