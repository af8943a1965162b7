import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { defaultContextTokens, LOCAL_DEFAULT_CONTEXT } from '../../src/llm/context-window.js';
import { OTHER_TOKENIZER_MARGIN, tokenCounterFor } from '../../src/llm/tokens.js';

const text = 'Frankrijk kondigde op 17 februari 2022 aan dat het zijn troepen van operatie Barkhane terugtrekt uit Mali.';

describe('tokenCounterFor', () => {
  it('counts exactly with o200k_base for OpenAI’s current models', () => {
    const counter = tokenCounterFor('gpt-4o-mini');
    expect(counter.exact).toBe(true);
    expect(counter.text(text)).toBe(countTokens(text));
  });

  it('estimates from above for any other model, template tokens included', () => {
    const counter = tokenCounterFor('qwen3:8b');
    expect(counter.exact).toBe(false);
    expect(counter.text(text)).toBeGreaterThanOrEqual(Math.ceil(countTokens(text) * OTHER_TOKENIZER_MARGIN));
    const messages = [
      { role: 'system', content: 'Rules.' },
      { role: 'user', content: text },
    ] as const;
    expect(counter.messages(messages)).toBeGreaterThan(counter.text('Rules.') + counter.text(text) + 2 * 8);
  });
});

describe('defaultContextTokens', () => {
  it('gives hosted OpenAI models a large window and unknown (local) models the smallest local default', () => {
    expect(defaultContextTokens('gpt-4o-mini')).toBeGreaterThanOrEqual(16_000);
    expect(defaultContextTokens('gpt-3.5-turbo')).toBe(16_385);
    expect(defaultContextTokens('llama3.1:8b')).toBe(LOCAL_DEFAULT_CONTEXT);
    expect(defaultContextTokens('Qwen/Qwen3-8B')).toBe(2048);
  });
});
