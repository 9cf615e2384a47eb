// The share of the machine's CPU time that its host took (`steal` in
// /proc/stat) while a scenario ran. On a shared virtual machine the same
// binary's figures swing with it (seen here: under 1 % to 36 % stolen
// from one vote run to the next, and votes/s from 7,900 to 3,800), so each figure
// carries it. `null` where the kernel does not report it.
import fs from 'node:fs';

/** The machine's CPU times now (all CPUs together), to measure from. */
export function cpuMark() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is in user).
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    return { total: user + nice + system + idle + iowait + irq + softirq + steal, steal };
  } catch {
    return null;
  }
}

/** Percent of the CPU time since `mark` that was stolen, or null. */
export function stolenSince(mark) {
  const now = cpuMark();
  if (!mark || !now || now.total === mark.total || Number.isNaN(now.steal)) return null;
  return (100 * (now.steal - mark.steal)) / (now.total - mark.total);
}
