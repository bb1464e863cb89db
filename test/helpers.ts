import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../src/context.js';
import type { PipelineContext } from '../src/pipeline.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const realReports = path.resolve(root, '..', 'shared', 'real-reports');
export const hasRealReports = fs.existsSync(path.join(realReports, 'Bokslut_2025.pdf'));

/**
 * How long a test, or a process it runs, may take before it counts as hung: a guard against a hang only, never a
 * check of speed. On the 2-core machine under other engineers' load plus two busy loops the slowest test took
 * 154 s; this leaves room for that several times over. vitest.config.ts uses the same figure.
 */
export const HANG_GUARD_MS = 600_000;

/** Debian's Chromium, for the tests that open report.html in a browser (.ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

/**
 * What a suite that may be skipped needs: null when it is there, else why the suite skips. CI (.ci/run, where
 * `CI` is set) has Chromium and ../shared/: there a missing one fails the run instead of skipping quietly.
 */
export function missing(what: 'chromium' | 'real-reports'): string | null {
  const reason =
    what === 'chromium'
      ? hasChromium ? null : `chromium not installed (${CHROMIUM}; apt-get install chromium)`
      : hasRealReports ? null : `../shared/real-reports absent (${realReports})`;
  if (reason && process.env.CI) throw new Error(`CI must run every suite, but ${reason}`);
  // vitest's default reporter shows a skipped file only as a count: say why on stderr, which it prints.
  if (reason) console.warn(`skipped: ${reason}`);
  return reason;
}

/** A suite's name that says why it skips, so that the reason shows in vitest's output. */
export const suiteName = (name: string, skipReason: string | null): string => (skipReason ? `${name} (skipped: ${skipReason})` : name);

let ctx: Promise<PipelineContext> | null = null;
export const sharedContext = () => (ctx ??= createContext({ rulesDir: path.join(root, 'rules') }));
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
