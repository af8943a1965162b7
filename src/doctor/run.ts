/** `npm run doctor`: every check in order, from the environment. */
import { ConfigError, loadConfig, type Config } from '../config.js';
import { databaseChecks } from './database.js';
import { discordChecks } from './discord.js';
import { llmChecks } from './llm.js';
import { feedsCheck } from './feeds.js';
import { corpusAndIndexChecks, dataDirCheck, storeCheck, tempFilesCheck } from './local.js';
import type { Check, DoctorReport } from './types.js';

/**
 * Runs the checks: settings first (invalid settings stop the rest), then the corpus and saved index,
 * DATA_DIR, the LLM and Discord (those two at the same time). Never throws for a broken setup: that
 * is what the report is for.
 */
export async function runDoctor(env: Readonly<Record<string, string | undefined>>): Promise<DoctorReport> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const checks: Check[] = [
      { id: 'settings', status: 'fail', summary: `${err.problems.length} invalid setting${err.problems.length === 1 ? '' : 's'}`, fix: 'fix these in .env or the environment (see .env.example)', details: err.problems },
      { id: 'rest', status: 'skipped', summary: 'not checked: the settings are invalid' },
    ];
    return { ok: false, checks };
  }
  const parts = [config.llm ? 'LLM' : '', config.discord.token ? 'Discord' : ''].filter(Boolean);
  const settings: Check = { id: 'settings', status: 'ok', summary: `valid${parts.length > 0 ? ` (configured: ${parts.join(', ')})` : ' (no LLM, no Discord: terminal answers, extractive)'}` };
  // First, and alone: the other checks open the store, and opening a damaged one moves it aside.
  const store = storeCheck(config);
  const feeds: Check =
    store.status === 'fail' ? { id: 'feeds', status: 'skipped', summary: 'not checked: the store is damaged (see above)' } : await feedsCheck(config);
  const [local, dataDir, temps, database, llm, discord] = await Promise.all([
    corpusAndIndexChecks(config),
    dataDirCheck(config),
    tempFilesCheck(config),
    databaseChecks(config),
    llmChecks(config),
    discordChecks(config),
  ]);
  const checks = [settings, ...local, dataDir, store, temps, feeds, ...database, ...llm, ...discord];
  return { ok: !checks.some((c) => c.status === 'fail'), checks };
}
