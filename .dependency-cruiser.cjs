/**
 * The floors of src/, from the ground up (docs/architecture.md explains them):
 *   verdict.ts                      the result vocabulary; imports nothing
 *   domain  (lifecycle, growth, smoke, branch-protection, alerts, hot-path, util)
 *                                   pure judgement; imports verdict and other domain folders
 *   config                          the only reader of inputs; above the domain
 *   clients                         the only importers of SDKs and HTTP; above config
 *   gates                           one GateOutcome each; above clients
 *   report, drift                   render results; publish                writes them out
 *   run, main, cli, index           orchestrate
 * A module may import its own floor and the floors below it, never one above.
 */
const DOMAIN = '^src/(lifecycle|growth|smoke|branch-protection|alerts|hot-path|util)/';
const ABOVE_DOMAIN = '^src/(config|clients|gates|report|drift|publish|cli)/|^src/(run|main|cli|index|host|signals)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle makes two modules one; break it by moving the shared part down a floor.', from: { path: '^src/' }, to: { circular: true } },
    { name: 'verdict-is-the-ground-floor', severity: 'error', from: { path: '^src/verdict\\.ts$' }, to: { path: '^src/' } },
    { name: 'domain-stays-pure', severity: 'error', comment: 'Pure judges get their facts passed in; they never read inputs, call servers or build reports.', from: { path: DOMAIN }, to: { path: ABOVE_DOMAIN } },
    { name: 'config-reads-inputs-only', severity: 'error', from: { path: '^src/config/' }, to: { path: '^src/(clients|gates|report|drift|publish|cli)/|^src/(run|main|cli|index|host|signals)\\.ts$' } },
    { name: 'clients-do-not-judge', severity: 'error', from: { path: '^src/clients/' }, to: { path: '^src/(gates|report|publish|cli)/|^src/(run|main|cli|index|host|signals)\\.ts$' } },
    { name: 'gates-do-not-render-or-publish', severity: 'error', from: { path: '^src/gates/' }, to: { path: '^src/(report|drift|publish|cli)/|^src/(run|main|cli|index|host|signals)\\.ts$' } },
    { name: 'report-renders-only', severity: 'error', from: { path: '^src/(report|drift)/' }, to: { path: '^src/(clients|publish|cli)/|^src/(run|main|cli|index|signals)\\.ts$' } },
    {
      name: 'only-clients-import-sdks-and-http',
      severity: 'error',
      comment: 'The AWS SDK, Octokit, Redis and process execution live behind src/clients/ interfaces.',
      from: { path: '^src/', pathNot: '^src/clients/' },
      to: { dependencyTypes: ['npm'], path: '(@aws-sdk|@octokit|@redis|@actions/exec|@actions/github|undici)' },
    },
    { name: 'only-main-talks-to-the-runner', severity: 'error', from: { path: '^src/', pathNot: '^src/main\\.ts$' }, to: { dependencyTypes: ['npm'], path: '@actions/core' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a floor is about what a module knows, not only what it runs.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
