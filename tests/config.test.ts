import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('works with nothing set: seeds, ./data, no LLM, no Discord token', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ corpusDir: './seeds', dataDir: './data', logLevel: 'info', llm: null });
    expect(c.discord.token).toBeUndefined();
    expect(Object.isFrozen(c.discord)).toBe(true);
  });

  it('enables the LLM when a key or a base URL is set, with defaults for the rest', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).llm).toMatchObject({ apiKey: 'sk-x', timeoutMs: 30000, maxRetries: 2 });
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).llm).toMatchObject({ baseURL: 'http://127.0.0.1:11434/v1' });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: '', LOG_LEVEL: '' })).toMatchObject({ llm: null, logLevel: 'info' });
  });

  it('names every invalid variable and what is expected', () => {
    const message = configError({ LOG_LEVEL: 'loud', LLM_TIMEOUT_MS: 'soon', OPENAI_BASE_URL: 'localhost', ALLOWED_CHANNEL_IDS: '123, abc' });
    expect(message).toMatch(/LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/);
    expect(message).toMatch(/LLM_TIMEOUT_MS: expected a whole number/);
    expect(message).toMatch(/OPENAI_BASE_URL: expected an http\(s\) URL/);
    expect(message).toMatch(/ALLOWED_CHANNEL_IDS: expected comma-separated Discord ids/);
  });

  it('refuses private fetch addresses unless FETCH_ALLOW_PRIVATE is on, and names the variable when it is wrong', () => {
    expect(loadConfig({}).fetch).toEqual({ allowPrivate: false, timeoutMs: 20000, maxBytes: 10 * 1024 * 1024 });
    expect(loadConfig({ FETCH_ALLOW_PRIVATE: 'on' }).fetch.allowPrivate).toBe(true);
    expect(configError({ FETCH_ALLOW_PRIVATE: 'maybe' })).toMatch(/FETCH_ALLOW_PRIVATE: expected one of 1\/0, true\/false, yes\/no, on\/off \(got "maybe"\)/);
    expect(configError({ FETCH_TIMEOUT_MS: '5' })).toMatch(/FETCH_TIMEOUT_MS: expected a whole number from 1000 to 300000/);
  });

  it('never echoes a secret in its error', () => {
    const secrets = { DISCORD_TOKEN: 'discord-token-SECRET', OPENAI_API_KEY: 'sk-SECRET-key' };
    const message = configError({ ...secrets, LLM_MAX_RETRIES: '-1', DISCORD_APPLICATION_ID: 'abc' });
    expect(message).toMatch(/LLM_MAX_RETRIES/);
    expect(message).toMatch(/DISCORD_APPLICATION_ID/);
    for (const secret of Object.values(secrets)) expect(message).not.toContain(secret);
  });

  it('accepts whole numbers in plain digits only: 0x10, 1e3, 1.5, +5 and the like are refused', () => {
    for (const bad of ['0x10', '1e3', '1.5', '+5', '-0', '1_000', '10abc', '0b11', '0o17', 'Infinity', '１２']) {
      expect(configError({ LOG_RETENTION_DAYS: bad })).toContain(`LOG_RETENTION_DAYS: expected a whole number from 1 to 3650, in plain digits (got "${bad}")`);
    }
    expect(configError({ LLM_TIMEOUT_MS: '1e3' })).toContain('LLM_TIMEOUT_MS: expected a whole number from 100 to 600000, in plain digits (got "1e3")');
    expect(loadConfig({ LOG_RETENTION_DAYS: ' 16 ' }).logRetentionDays).toBe(16);
  });

  it('prints one line for a huge value, the value shortened', () => {
    const message = configError({ LLM_TIMEOUT_MS: '9'.repeat(60) });
    expect(message.split('\n').filter((l) => l.includes('LLM_TIMEOUT_MS'))).toEqual([
      `  - LLM_TIMEOUT_MS: expected a whole number from 100 to 600000, in plain digits (got "${'9'.repeat(37)}…")`,
    ]);
  });

  it('says what SHARD_COUNT expects in its own words', () => {
    for (const bad of ['0', 'lots', '1001', '2.5']) {
      expect(configError({ SHARD_COUNT: bad })).toContain(`SHARD_COUNT: expected "auto" or a whole number of shards from 1 to 1000 (got "${bad}")`);
    }
    expect(loadConfig({ SHARD_COUNT: '4' }).discord.shardCount).toBe(4);
    expect(loadConfig({}).discord.shardCount).toBe('auto');
  });

  it('shows the value given for LLM_CONTEXT_TOKENS (TOKEN in a name does not make it a secret)', () => {
    expect(configError({ LLM_CONTEXT_TOKENS: '12' })).toMatch(/LLM_CONTEXT_TOKENS: expected the model's context window in tokens.* \(got "12"\)/);
  });

  it('is documented: .env.example lists every variable the schema reads', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const names = [...source.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('DATABASE_URL', () => {
  it('puts the store on PostgreSQL when set, and names the variable without echoing it when it is not a PostgreSQL URL', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://griot:s3cret@db:5432/griot' }).databaseUrl).toBe('postgres://griot:s3cret@db:5432/griot');
    for (const bad of ['mysql://griot:s3cret@db/griot', 'griot.sqlite']) {
      let message = '';
      try {
        loadConfig({ DATABASE_URL: bad });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/DATABASE_URL: expected a PostgreSQL URL such as postgres:\/\/.* \(leave it unset for the embedded SQLite store\)/);
      expect(message).not.toContain('s3cret');
    }
  });
});

describe('sharding settings (SHARD_LIST, TOTAL_SHARDS)', () => {
  it('reads the shard ids this host runs and the total across hosts', () => {
    const config = loadConfig({ SHARD_LIST: '2, 3', TOTAL_SHARDS: '4' });
    expect(config.discord.shardList).toEqual([2, 3]);
    expect(config.discord.totalShards).toBe(4);
    expect(loadConfig({}).discord).toMatchObject({ shardList: undefined, totalShards: undefined });
  });

  it('refuses a shard list without the total, ids out of range, repeats and non-numbers, naming SHARD_LIST', () => {
    expect(() => loadConfig({ SHARD_LIST: '0,1' })).toThrow(/SHARD_LIST: needs TOTAL_SHARDS too/);
    expect(() => loadConfig({ SHARD_LIST: '1,2', TOTAL_SHARDS: '2' })).toThrow(/SHARD_LIST: shard ids go from 0 to TOTAL_SHARDS - 1 \(1\); 2 is out of range/);
    expect(() => loadConfig({ SHARD_LIST: '1,1', TOTAL_SHARDS: '2' })).toThrow(/SHARD_LIST: shard 1 is listed twice/);
    expect(() => loadConfig({ SHARD_LIST: 'a', TOTAL_SHARDS: '2' })).toThrow(/SHARD_LIST: expected comma-separated shard ids/);
    expect(() => loadConfig({ TOTAL_SHARDS: '0' })).toThrow(/TOTAL_SHARDS: expected the whole number of shards across all hosts/);
  });
});

describe('LLM_CONTEXT_TOKENS', () => {
  it('defaults by model: large for hosted OpenAI models, 2048 for any other (local servers)', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).llm?.contextTokens).toBe(32_768);
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'qwen3:8b' }).llm?.contextTokens).toBe(2048);
  });

  it('takes the value set, and names the variable when it is not a usable number', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', LLM_CONTEXT_TOKENS: '8192' }).llm?.contextTokens).toBe(8192);
    expect(configError({ LLM_CONTEXT_TOKENS: '512' })).toMatch(/LLM_CONTEXT_TOKENS: expected the model's context window in tokens, a whole number from 1024/);
    expect(configError({ LLM_CONTEXT_TOKENS: '4k' })).toMatch(/LLM_CONTEXT_TOKENS: expected .*num_ctx/);
  });
});

/** The message of the ConfigError an environment raises; fails the test when it raises none. */
function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}
