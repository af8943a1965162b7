/** The LLM checks: endpoint reachable, model listed, a one-token completion answered. */
import type { Config } from '../config.js';
import type { Check } from './types.js';

/** Checks the configured endpoint, or one "not configured" line without OPENAI_API_KEY / OPENAI_BASE_URL. */
export async function llmChecks(config: Config): Promise<Check[]> {
  const llm = config.llm;
  if (!llm) {
    return [
      {
        id: 'llm',
        status: 'not-configured',
        summary: 'not configured: answers are extractive (the best cited sentences)',
        fix: 'set OPENAI_API_KEY (and OPENAI_BASE_URL for another OpenAI-compatible server) to compose answers with a model',
      },
    ];
  }
  const { probeLlm } = await import('../llm/probe.js');
  const where = llm.baseURL ?? 'https://api.openai.com/v1';
  const probe = await probeLlm(llm);
  if (probe.modelsError) {
    const e = probe.modelsError;
    return [
      { id: 'llm.endpoint', status: 'fail', summary: `${where}: ${e.reason}`, fix: e.hint ?? 'check OPENAI_BASE_URL and OPENAI_API_KEY' },
      { id: 'llm.model', status: 'skipped', summary: 'not checked: the endpoint did not answer' },
      { id: 'llm.completion', status: 'skipped', summary: 'not checked: the endpoint did not answer' },
    ];
  }
  const checks: Check[] = [{ id: 'llm.endpoint', status: 'ok', summary: `${where} answers` }];
  if (probe.models === null || probe.models === undefined) {
    checks.push({ id: 'llm.model', status: 'warn', summary: `the endpoint lists no models; "${llm.model}" is tried below`, fix: 'nothing to do if the completion works' });
  } else if (probe.models.includes(llm.model)) {
    checks.push({ id: 'llm.model', status: 'ok', summary: `"${llm.model}" is listed` });
  } else {
    const some = probe.models.slice(0, 8).join(', ');
    checks.push({
      id: 'llm.model',
      status: 'fail',
      summary: `"${llm.model}" is not among the ${probe.models.length} models listed${some ? ` (${some}${probe.models.length > 8 ? ', …' : ''})` : ''}`,
      fix: 'set OPENAI_MODEL to one of the listed models',
      data: { models: probe.models },
    });
  }
  if (probe.completionError) {
    const e = probe.completionError;
    checks.push({ id: 'llm.completion', status: 'fail', summary: e.reason, fix: e.hint ?? 'check OPENAI_MODEL and the server log' });
  } else if (probe.completion) {
    const { latencyMs, reasoning } = probe.completion;
    checks.push({
      id: 'llm.completion',
      status: 'ok',
      summary: `a one-token completion answered in ${latencyMs} ms; ${reasoning ? 'the model sends reasoning (Griot drops it from answers; expect slower replies)' : 'no reasoning sent'}`,
      data: { latencyMs, reasoning },
    });
  }
  return checks;
}
