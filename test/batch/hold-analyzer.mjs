// The real pipeline (dist/batch/analyzer.js), except that a file whose name contains `.hold.` never finishes:
// it writes `<file>.started` and waits until the batch terminates its worker. For checking the time limit
// with the real worker and the real documents around it, without a document whose slowness depends on the
// machine. runBatch({ analyzerModule: new URL('./hold-analyzer.mjs', import.meta.url).href }).
import fs from 'node:fs';
import { createAnalyzer as createPipelineAnalyzer, errorResult } from '../../dist/batch/analyzer.js';

export { errorResult };

export async function createAnalyzer(opts) {
  const pipeline = await createPipelineAnalyzer(opts);
  return {
    fingerprint: pipeline.fingerprint,
    async analyze(file, bytes) {
      if (!file.includes('.hold.')) return pipeline.analyze(file, bytes);
      fs.writeFileSync(`${file}.started`, '');
      return new Promise(() => {});
    },
  };
}
