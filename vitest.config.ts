import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Timeouts only guard against a hang, never check speed: no test may fail because the machine is slow or busy
    // (issue 14). A test that hangs still fails, after this long. The same figure as HANG_GUARD_MS in test/helpers.ts.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
