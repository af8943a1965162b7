import type { LlmConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';

/** An LLM config for the fake server: a deadline (5 s) no healthy reply nears under load, no retries unless asked. */
export function testLlmConfig(url: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return { apiKey: 'sk-test-SECRET-123', baseURL: url, model: 'fake-model', timeoutMs: 5000, maxRetries: 0, maxConcurrency: 4, contextTokens: 8192, ...overrides };
}

/** A debug-level logger whose lines the test can read. `secrets` off on purpose: our code must not rely on it. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}
