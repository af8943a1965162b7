import { describe, expect, it } from 'vitest';
import { extractJsonObject } from '../../src/llm/json.js';

describe('extractJsonObject', () => {
  it('parses a reply that is exactly a JSON object', () => {
    expect(extractJsonObject('{"a": 1}')).toEqual({ a: 1 });
  });

  it('finds the object inside a ```json fence with prose around it', () => {
    expect(extractJsonObject('Here you go:\n```json\n{"queries": {"nl": "a {b}"}}\n```\nHope it helps.')).toEqual({ queries: { nl: 'a {b}' } });
  });

  it('skips a brace in prose that does not start valid JSON', () => {
    expect(extractJsonObject('Use {this} format: {"ok": true}')).toEqual({ ok: true });
  });

  it('returns undefined for text without an object, for arrays and for unbalanced braces', () => {
    expect(extractJsonObject('no json here')).toBeUndefined();
    expect(extractJsonObject('[1, 2]')).toBeUndefined();
    expect(extractJsonObject('{"a": 1')).toBeUndefined();
  });
});
