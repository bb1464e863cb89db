/**
 * CPU time of the calling thread alone, for telling where a batch's CPU goes: the worker threads (the
 * analysis), the main thread (store, outputs) and the rest of the process (V8's compiler and GC helper
 * threads, libuv's pool), which `process.cpuUsage()` lumps together.
 *
 * Node 20 has no per-thread CPU clock (`process.threadCpuUsage` came in Node 23), so this reads Linux's
 * `/proc/thread-self/stat`: fields 14 and 15 are the thread's user and system time in clock ticks, and the
 * kernel reports them in USER_HZ, which is 100 on every architecture Node runs on (proc(5), "stat"). On other
 * systems the answer is null.
 */
import { readFileSync } from 'node:fs';

const USER_HZ = 100;

/** User + system CPU time of this thread in milliseconds (10 ms resolution), or null where /proc is not there. */
export function threadCpuMs(): number | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/thread-self/stat', 'utf8');
  } catch {
    return null;
  }
  return cpuMsFromStat(stat);
}

/** User + system time in ms from the text of a /proc/<pid>/task/<tid>/stat file; null when it is not one. */
export function cpuMsFromStat(stat: string): number | null {
  // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat.slice(close + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return fields.length > 12 && Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / USER_HZ : null;
}
