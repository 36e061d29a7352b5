import { defineConfig } from 'vitest/config';

// LEDGER_TEST_CLOCK_OFFSET_DAYS=365 (or -31…) runs the node and renderer projects with Date moved
// that many days: a test that passes only on the day it runs fails. Unset, nothing changes.
const movedClock = process.env.LEDGER_TEST_CLOCK_OFFSET_DAYS ? ['test/shared/movedClock.setup.ts'] : [];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/shared/**/*.test.ts', 'test/main/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          setupFiles: movedClock,
        },
      },
      {
        test: {
          // Real web host and hub processes (the built dist/), probed as an attacker would.
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          // After the other projects: its floods would starve the browser tests, and its memory
          // figures want a quiet machine.
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts', ...movedClock],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
