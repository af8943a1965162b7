import type { Check, CheckStatus, DoctorReport } from './types.js';

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '⚠', fail: '✗', 'not-configured': '·', skipped: '–' };

/** One line per check (`✓ corpus: …`, `✗ llm.endpoint: … Fix: …`), details indented under it. Pure. */
export function renderReport(report: DoctorReport): string {
  const lines = report.checks.flatMap((c) => [headLine(c), ...(c.details ?? []).map((d) => `    ${d}`)]);
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  lines.push('', failed === 0 ? 'All configured parts work.' : `${failed} check${failed === 1 ? '' : 's'} failed: see ✗ above.`);
  return lines.join('\n');
}

function headLine(c: Check): string {
  const fix = c.fix && c.status !== 'ok' ? ` → ${c.fix}` : '';
  return `${MARK[c.status]} ${c.id}: ${c.summary}${fix}`;
}
