import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { SEEDS_DIR } from './seeds.js';

/** Captured log lines of a test app. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/** A real app over the seeds (or another corpus) with a fresh DATA_DIR and captured logs. */
export async function testApp(env: Record<string, string> = {}, options: { promptsDir?: string } = {}): Promise<App & { logs: LogCapture }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'griot-data-'));
  const config = loadConfig({ CORPUS_DIR: SEEDS_DIR, DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...env });
  const logs = new LogCapture();
  const logger = createLogger({ level: config.logLevel, secrets: [config.llm?.apiKey, config.discord.token] }, logs);
  const app = await createApp({ config, logger, ...options });
  return { ...app, logs };
}
