import { defineConfig } from 'vitest/config';

/**
 * Two projects. unit: pure code and files on disk, no servers, runs in seconds
 * (`npm run test:unit`). integration: everything that needs a server (the one throwaway Ceph
 * RGW the global setup starts, or Prometheus, Redis and loopback HTTP servers a test starts),
 * the end-to-end runs of dist/, the workflows and the docs. `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one local RGW (a bucket each); two workers fit a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/workflows/**/*.test.ts', 'test/docs/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
