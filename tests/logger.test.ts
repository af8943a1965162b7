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
