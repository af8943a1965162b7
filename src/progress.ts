/** A progress line for long first builds, drawn in place on a terminal and silent elsewhere. */

/** Reports `done` of `total` units of a phase ("reading", "indexing"). */
export type Progress = (phase: string, done: number, total: number) => void;

/** Redraws at most this often. */
const EVERY_MS = 250;

/**
 * A Progress that redraws one line on `stream` when it is a terminal (`isTTY`); null otherwise, so
 * logs and pipes get no carriage returns. The line is finished when a phase reaches its total.
 */
export function terminalProgress(stream: NodeJS.WriteStream, now: () => number = () => performance.now()): Progress | null {
  if (!stream.isTTY) return null;
  let last = -Infinity;
  return (phase, done, total) => {
    const finished = done >= total;
    if (!finished && now() - last < EVERY_MS) return;
    last = now();
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    stream.write(`\rgriot: ${phase} ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${pct}%)\x1b[K${finished ? '\n' : ''}`);
  };
}
