import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Timeouts only guard against a hang, never check speed: no test may fail because the machine is slow or busy
    // (issue 14). A test that hangs still fails, after this long; the suite as a whole takes a few minutes.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
