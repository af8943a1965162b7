import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedbackLog } from '../../src/discord/feedback.js';

describe('createFeedbackLog', () => {
  let dir: string | undefined;
  afterEach(async () => dir && rm(dir, { recursive: true, force: true }));

  it('appends one line per vote, creating DATA_DIR, and marks a change with the previous vote', async () => {
    dir = await mkdtemp(join(tmpdir(), 'griot-fb-'));
    const log = createFeedbackLog(join(dir, 'nested'), () => new Date('2024-01-01T00:00:00Z'));
    await log.record({ answerId: 'a1', question: 'Q?', user: 'u1', vote: 'up' });
    await log.record({ answerId: 'a1', question: 'Q?', user: 'u2', vote: 'up' });
    const changed = await log.record({ answerId: 'a1', question: 'Q?', user: 'u1', vote: 'down' });
    expect(changed.previous).toBe('up');
    const lines = (await readFile(log.file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { at: '2024-01-01T00:00:00.000Z', answerId: 'a1', question: 'Q?', user: 'u1', vote: 'up' },
      { at: '2024-01-01T00:00:00.000Z', answerId: 'a1', question: 'Q?', user: 'u2', vote: 'up' },
      { at: '2024-01-01T00:00:00.000Z', answerId: 'a1', question: 'Q?', user: 'u1', vote: 'down', previous: 'up' },
    ]);
  });
});
