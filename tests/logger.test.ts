import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { LogCapture } from './helpers/app.js';

describe('createLogger', () => {
  it('redacts keys and tokens by path and by value', () => {
    const out = new LogCapture();
    const log = createLogger({ level: 'info', secrets: ['sk-live-123456', 'discord.token.value'] }, out);
    log.info({ config: { apiKey: 'sk-live-123456' }, token: 'discord.token.value' }, 'starting');
    log.error({ err: new Error('401 Incorrect API key provided: sk-live-123456') }, 'failed');
    log.info({ url: 'https://x/?token=discord.token.value' }, 'request');
    expect(out.text).not.toContain('sk-live-123456');
    expect(out.text).not.toContain('discord.token.value');
    expect(out.text).toContain('[Redacted]');
    expect(out.lines).toHaveLength(3);
  });

  it('respects the level', () => {
    const out = new LogCapture();
    createLogger({ level: 'warn' }, out).info('hidden');
    expect(out.lines).toEqual([]);
  });
});

describe('createLogger for a person at a terminal (human)', () => {
  it('prints one short line per problem: no JSON, no stack, a cause already shown not repeated', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', human: true }, { write: (l: string) => void lines.push(l) });
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    log.warn({ err: full }, 'could not save the index; it will be rebuilt at the next start');
    log.warn({ err: full }, 'could not save the timeline event cache');
    log.warn('the store could not be opened: no space left on the disk');
    log.warn({ file: 'scan.txt', reason: 'looks binary' }, 'skipped a corpus file');
    log.info('index built');
    expect(lines).toEqual([
      'warning: could not save the index; it will be rebuilt at the next start: no space left on the disk\n',
      'warning: skipped a corpus file: scan.txt: looks binary\n',
    ]);
  });
});
