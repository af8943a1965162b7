import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';
import { renderReport } from '../doctor/render.js';
import { runDoctor } from '../doctor/run.js';

/**
 * `npm run doctor -- [--json]`: checks the setup, one line per check (✓ works, ✗ broken with the fix,
 * · not configured). Exit 1 when a configured part fails, else 0. Reads the environment itself, so
 * that invalid settings are reported like any other check.
 */
export async function doctorCommand(env: Readonly<Record<string, string | undefined>>, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new UsageError(`doctor takes no arguments, got "${positionals.join(' ')}"`);
  const report = await runDoctor(env);
  io.out(values.json ? `${JSON.stringify(report)}\n` : `${renderReport(report)}\n`);
  return report.ok ? 0 : 1;
}
