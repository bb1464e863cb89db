// Holds an output folder's lock the way a run does (lockOutFolder, as `verkstad analyze --out` takes it), prints
// "held" once it has it, and lets go when its stdin closes: a run the test stops at a point it controls.
//   node lock-holder.mjs <dist> <out dir> <command shown to others>
import path from 'node:path';

const [dist, dir, command] = process.argv.slice(2);
const { lockOutFolder } = await import(path.join(dist, 'archive', 'lock.js'));
const lock = lockOutFolder(dir, command);
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => {
  lock.release();
  process.stdout.write('released\n');
});
