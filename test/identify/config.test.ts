import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/context.js';
import { formatRuleError, RuleLoadError } from '../../src/ruleset/load.js';

const write = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-config-')), 'verkstad.config.yaml');
  fs.writeFileSync(file, text);
  return file;
};

describe('documents: in the configuration', () => {
  it('globs and values are read with the rest of the configuration', () => {
    const config = loadConfig(write("documents:\n  - match: 'lund/**'\n    organisation: Lunds kommun\n  - match: ['ar-2026/*.pdf']\n    kind: årsredovisning\n    period: '2026'\n"));
    expect(config.documents).toEqual([
      { match: 'lund/**', organisation: 'Lunds kommun' },
      { match: ['ar-2026/*.pdf'], kind: 'årsredovisning', period: '2026' },
    ]);
  });

  it('every bad entry is an error naming file:line:column and what was expected', () => {
    const file = write("documents:\n  - match: 'lund/**'\n    organisaton: Lunds kommun\n  - match: 'x/**'\n    period: hösten 2026\n");
    let errors: string[] = [];
    try {
      loadConfig(file);
    } catch (e) {
      expect(e).toBeInstanceOf(RuleLoadError);
      errors = (e as RuleLoadError).errors.map(formatRuleError);
    }
    expect(errors).toEqual([
      expect.stringMatching(/verkstad\.config\.yaml:2:\d+ ✖ documents\.0: unexpected key\(s\) "organisaton": remove or rename/),
      // The misspelt key leaves the entry with nothing to set, which is said too.
      expect.stringMatching(/verkstad\.config\.yaml:2:\d+ ✖ documents\.0: expected at least one of organisation, kind, period/),
      expect.stringMatching(/verkstad\.config\.yaml:5:\d+ ✖ documents\.1\.period: expected a period such as 2025, 2024\/25, 2025 T2 or 2024\/25 Q3/),
    ]);
  });
});
