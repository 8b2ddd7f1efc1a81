import os from 'node:os';

/** The machine a run measured on, for the header: absolute figures only compare on the same one. */
export function machineFacts(now = new Date()): string {
  const cpus = os.cpus();
  const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return [
    `${os.availableParallelism()} CPUs (nproc), ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${gb(os.totalmem())} GB RAM (${gb(os.freemem())} GB free)`,
    `Node.js ${process.version}, ${os.type()} ${os.release()}`,
    `${now.toISOString()}, load average ${load} at start`,
  ].join('; ');
}
