import path from 'node:path';
import type { Command } from 'commander';
import { writeOutputsFromStore } from '../../archive/outputs.js';
import { mergeStores, openStore, STORE_FILE, type Store } from '../../store/sqlite.js';
import { claimOutFolderOrExit } from '../archive-run.js';
import { err, fail } from '../console.js';
import { outputOptions, withOutputFlags, type OutputFlags } from '../output-flags.js';

interface MergeOptions extends OutputFlags {
  out: string;
}

export function registerMerge(program: Command): void {
  const command = program
    .command('merge')
    .description('merge shard stores into one and regenerate the outputs')
    .argument('<stores...>', 'verkstad.sqlite files (or their --out folders) of the shards')
    .requiredOption('-o, --out <dir>', 'output folder for the merged store and outputs');
  withOutputFlags(command).action(merge);
}

async function merge(stores: string[], opts: MergeOptions, command: Command): Promise<void> {
  const lock = await claimOutFolderOrExit(opts.out);
  let target: Store;
  try {
    target = openStore(path.join(opts.out, STORE_FILE));
  } catch (e) {
    fail(e);
  }
  try {
    const report = mergeStores(target, stores);
    // The stores' paths are as the shards were given them, from the working directory.
    const documents = await writeOutputsFromStore(opts.out, target, outputOptions(command, opts, []));
    err(`Merged ${stores.length} store(s): ${report.added} added, ${report.kept} already there; ${documents} document(s) → ${path.normalize(opts.out + '/')}`);
  } catch (e) {
    fail(e);
  } finally {
    target.close();
    lock.release();
  }
}
