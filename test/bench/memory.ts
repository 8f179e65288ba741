/** Process memory figures for the benchmark (Linux /proc; undefined elsewhere). */
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
