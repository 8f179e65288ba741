/** Process memory and CPU figures for the benchmark (Linux /proc; undefined elsewhere). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Peak resident memory of a process, in MiB, from /proc (Linux); undefined elsewhere. */
export function peakMemoryMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    return peak ? Number(peak[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node <args>`, which must print its own VmHWM in kB on stdout; returns it in MiB. */
export function childPeakMiB(args: string[], cwd: string): number | undefined {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  const kib = Number(result.stdout.trim());
  return result.status === 0 && kib > 0 ? kib / 1024 : undefined;
}

/** Peak memory of a Node process that does nothing: the floor under every server's figure. */
export function bareNodePeakMiB(cwd: string): number | undefined {
  return childPeakMiB(
    ['-e', "process.stdout.write(/VmHWM:\\s+(\\d+) kB/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1])"],
    cwd,
  );
}

export const mib = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(1)} MiB`);

/** Nanoseconds on the CPU, the first field of a schedstat file, in ms. */
function schedstatCpuMs(path: string): number | undefined {
  try {
    const onCpu = Number(readFileSync(path, 'utf8').split(' ')[0]);
    return Number.isFinite(onCpu) ? onCpu / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time of a process's main thread so far, in ms (the JavaScript thread of a Node server; GC
 * helper threads are not included). Unlike wall time, it does not grow when the machine is busy
 * with other work, so CPU-time ratios hold on a loaded machine.
 */
export function mainThreadCpuMs(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : schedstatCpuMs(`/proc/${pid}/schedstat`);
}

/** CPU time of the calling thread so far, in ms. */
export function ownThreadCpuMs(): number | undefined {
  return schedstatCpuMs('/proc/thread-self/schedstat');
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux builds in use). */
const USER_HZ = 100;

/**
 * CPU time of a whole process so far (all threads: the JavaScript thread, GC and compiler
 * helpers), in ms, at a resolution of 10 ms: meaningful summed over several edits, not for one.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}
