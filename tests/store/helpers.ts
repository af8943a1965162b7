import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerLogEntry } from '../../src/store/types.js';

/** A fresh DATA_DIR. */
export const tempDataDir = () => mkdtemp(join(tmpdir(), 'griot-store-'));

let n = 0;

/** An answer-log record with everything a test does not care about filled in. */
export function entry(overrides: Partial<AnswerLogEntry> = {}): AnswerLogEntry {
  n++;
  return {
    answerId: `a${String(n).padStart(11, '0')}`,
    at: new Date('2026-03-10T12:00:00Z'),
    question: 'Welk land is bereid om als thuisbasis te dienen?',
    lang: 'nl',
    mode: 'extractive',
    refused: false,
    citedDocIds: ['002_68a43d7a4bec2f41'],
    latencyMs: 40,
    origin: { source: 'cli' },
    ...overrides,
  };
}
