import type { App } from '../app.js';
import type { ReindexReport } from '../types.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';

/** "3 added (a, b, c)" with at most `max` ids named. */
function countWithIds(label: string, ids: readonly string[], max: number): string {
  if (ids.length === 0) return `0 ${label}`;
  const shown = ids.slice(0, max).join(', ');
  return `${ids.length} ${label} (${shown}${ids.length > max ? `, … ${ids.length - max} more` : ''})`;
}

/**
 * A reindex report as text: one summary line, the changed documents by id, each skipped file with
 * its reason. Shared by the terminal and Discord (`maxIds` keeps a large report short).
 */
export function renderReindexReport(report: ReindexReport, options: { maxIds?: number } = {}): string {
  const max = options.maxIds ?? 20;
  const lines = [
    `Reindexed in ${report.durationMs} ms: ${report.documents} documents, ${report.passages} passages, ${report.events} timeline events.`,
    `${countWithIds('added', report.added, max)}; ${countWithIds('changed', report.changed, max)}; ${countWithIds('removed', report.removed, max)}; ${report.unchanged} unchanged; ${report.skipped.length} skipped.`,
  ];
  for (const s of report.skipped.slice(0, max)) lines.push(`  skipped ${s.file}: ${s.reason}`);
  if (report.skipped.length > max) lines.push(`  … ${report.skipped.length - max} more skipped files (see the log)`);
  if (report.notSaved !== undefined) {
    lines.push(`Index not saved: ${report.notSaved}. It serves in this process only: a running bot does not see it, and the next start rebuilds it.`);
  }
  return lines.join('\n');
}

/** `npm run reindex -- [--json]`: rebuilds the index from CORPUS_DIR and saves it for the bot. */
export async function reindexCommand(app: App, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new UsageError(`reindex takes no arguments, got "${positionals.join(' ')}"`);
  const report = await app.engine.reindex();
  app.logger.info({ by: 'terminal', ...report }, 'reindexed');
  io.out(values.json ? `${JSON.stringify(report)}\n` : `${renderReindexReport(report, { maxIds: Infinity })}\n`);
  if (report.notSaved !== undefined) {
    io.err(`index not saved: ${report.notSaved}\n`);
    return 1;
  }
  return 0;
}
