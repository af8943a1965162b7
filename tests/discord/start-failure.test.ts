import { describe, expect, it } from 'vitest';
import { classifyStartFailure, GatewayClosedError, retryDelay } from '../../src/discord/start-failure.js';

const withCode = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('classifyStartFailure', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT'])('retries a network failure (%s)', (code) => {
    expect(classifyStartFailure(withCode(code))).toMatchObject({ retry: true, reason: expect.stringContaining(code) });
  });

  it('retries a network failure reported as the cause of "fetch failed"', () => {
    expect(classifyStartFailure(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })).retry).toBe(true);
  });

  it('retries Discord 5xx and 429, not other HTTP errors', () => {
    expect(classifyStartFailure(Object.assign(new Error('Service Unavailable'), { status: 503 })).retry).toBe(true);
    expect(classifyStartFailure(Object.assign(new Error('Too Many Requests'), { status: 429 })).retry).toBe(true);
    expect(classifyStartFailure(Object.assign(new Error('Forbidden'), { status: 403 })).retry).toBe(false);
  });

  it('retries a gateway close that allows reconnecting', () => {
    expect(classifyStartFailure(new GatewayClosedError(4000)).retry).toBe(true);
  });

  it.each([
    [Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }), /DISCORD_TOKEN/],
    [Object.assign(new Error('401: Unauthorized'), { status: 401 }), /DISCORD_TOKEN/],
    [new GatewayClosedError(4004), /DISCORD_TOKEN/],
    [new GatewayClosedError(4014), /Message Content Intent.*ANSWER_MENTIONS=false/],
    [new GatewayClosedError(4011), /SHARD_COUNT=auto/],
  ])('does not retry what only a setting can fix, and names it (%#)', (err, fix) => {
    const failure = classifyStartFailure(err);
    expect(failure.retry).toBe(false);
    if (!failure.retry) expect(failure.error.message).toMatch(fix);
  });
});

describe('retryDelay', () => {
  it('doubles from the first wait up to the longest, within ±20 %', () => {
    const policy = { initialMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelay(n, policy, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(20, policy, () => 0.5)).toBe(60_000);
    expect(retryDelay(1, policy, () => 0)).toBe(800);
    expect(retryDelay(1, policy, () => 1)).toBe(1200);
  });
});
