import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { commands } from '../../src/discord/commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { renderReport } from '../../src/doctor/render.js';
import { runDoctor } from '../../src/doctor/run.js';
import type { Check, DoctorReport } from '../../src/doctor/types.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { dirsApp, removeDirs, tempDirs } from '../helpers/corpus-dirs.js';
import { closedPort } from '../helpers/ports.js';

const check = (report: DoctorReport, id: string): Check => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
};

describe('runDoctor', () => {
  let dirs: { corpusDir: string; dataDir: string };
  beforeAll(async () => {
    dirs = await tempDirs();
  });
  afterAll(() => removeDirs(dirs));
  const base = () => ({ CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir });

  describe('corpus, saved index and DATA_DIR', () => {
    it('lists skipped files with their reasons, and says the saved index is missing until one is built, then that it matches', async () => {
      const local = await tempDirs();
      await writeFile(join(local.corpusDir, 'empty.txt'), '');
      try {
        const before = await runDoctor({ CORPUS_DIR: local.corpusDir, DATA_DIR: local.dataDir });
        expect(check(before, 'corpus')).toMatchObject({ status: 'ok', data: { documents: 3, skipped: 1 } });
        expect(check(before, 'corpus').details).toEqual([expect.stringMatching(/^skipped empty\.txt: .+/)]);
        expect(check(before, 'index')).toMatchObject({ status: 'warn', summary: expect.stringContaining('no saved index yet') });
        expect(before.ok).toBe(true);

        const app = await dirsApp(local);
        await app.engine.close();
        const after = await runDoctor({ CORPUS_DIR: local.corpusDir, DATA_DIR: local.dataDir });
        expect(check(after, 'index')).toMatchObject({ status: 'ok', summary: expect.stringContaining('matches the corpus') });
        expect(check(after, 'corpus').details).toEqual([expect.stringMatching(/^skipped empty\.txt: /)]);

        await writeFile(join(local.corpusDir, 'delta.txt'), ' date 2022-05 Nieuw artikel over Menaka en de terugtrekking van de troepen.');
        const changed = await runDoctor({ CORPUS_DIR: local.corpusDir, DATA_DIR: local.dataDir });
        expect(check(changed, 'index')).toMatchObject({ status: 'warn', summary: expect.stringContaining('the corpus changed') });
        expect(check(changed, 'corpus').data).toMatchObject({ documents: 4 });
      } finally {
        await removeDirs(local);
      }
    });

    it('fails on a missing CORPUS_DIR and a DATA_DIR that is a file, saying what to set', async () => {
      const file = join(dirs.dataDir, 'not-a-folder');
      await writeFile(file, 'x');
      const report = await runDoctor({ CORPUS_DIR: join(dirs.corpusDir, 'missing'), DATA_DIR: file });
      expect(check(report, 'corpus')).toMatchObject({ status: 'fail', fix: expect.stringContaining('CORPUS_DIR') });
      expect(check(report, 'data-dir')).toMatchObject({ status: 'fail', fix: expect.stringContaining('DATA_DIR') });
      expect(report.ok).toBe(false);
    });
  });

  describe('the LLM, against the fake OpenAI-compatible server', () => {
    let llm: FakeOpenAi;
    beforeAll(async () => {
      llm = await startFakeOpenAi();
    });
    afterAll(async () => llm.close());
    const env = (model = 'fake-model') => ({ ...base(), OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'sk-doctor-secret', OPENAI_MODEL: model });

    it('reports the endpoint, the model listed and a one-token completion with its latency', async () => {
      llm.script(reply.text('ok'));
      const report = await runDoctor(env());
      expect(check(report, 'llm.endpoint').status).toBe('ok');
      expect(check(report, 'llm.model')).toMatchObject({ status: 'ok', summary: '"fake-model" is listed' });
      const completion = check(report, 'llm.completion');
      expect(completion).toMatchObject({ status: 'ok', data: { reasoning: false } });
      expect(completion.data!.latencyMs).toEqual(expect.any(Number));
      const sent = llm.chatRequests().at(-1)!.body!;
      expect(sent).toMatchObject({ model: 'fake-model', max_tokens: 1 });
      expect(report.ok).toBe(true);
      expect(JSON.stringify(report)).not.toContain('sk-doctor-secret');
    });

    it('says when the model sends reasoning', async () => {
      llm.script(reply.text('<think>The user wants'));
      const report = await runDoctor(env());
      expect(check(report, 'llm.completion')).toMatchObject({ status: 'ok', data: { reasoning: true }, summary: expect.stringContaining('sends reasoning') });
    });

    it('fails a model the endpoint does not list, naming the ones it does', async () => {
      llm.script(reply.error(404, { error: { message: 'model not found', type: 'invalid_request_error', code: 'model_not_found' } }));
      const report = await runDoctor(env('gpt-imaginary'));
      expect(check(report, 'llm.model')).toMatchObject({ status: 'fail', summary: expect.stringContaining('fake-model'), fix: expect.stringContaining('OPENAI_MODEL') });
      expect(check(report, 'llm.completion')).toMatchObject({ status: 'fail', fix: expect.stringContaining('OPENAI_MODEL') });
      expect(report.ok).toBe(false);
    });

    it('fails a completion the server refuses (key rejected), with the fix', async () => {
      llm.script(reply.error(401));
      const report = await runDoctor(env());
      expect(check(report, 'llm.completion')).toMatchObject({ status: 'fail', summary: expect.stringContaining('API key'), fix: 'check OPENAI_API_KEY' });
    });
  });

  describe('Discord, against the fake Discord', () => {
    let fake: FakeDiscord;
    afterEach(async () => fake?.close());
    const env = (extra: Record<string, string> = {}) => ({ ...base(), DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId, ...extra });
    const deploy = () => deployCommands({ config: loadConfig(env()), logger: createLogger({ level: 'silent' }) });

    it('reports the token, application, commands matching the code and the permissions in each allowed channel', async () => {
      fake = await FakeDiscord.start();
      await deploy();
      const report = await runDoctor(env({ ALLOWED_CHANNEL_IDS: `${fake.channels.general},${fake.channels.other}`, ANSWER_MENTIONS: 'true' }));
      expect(check(report, 'discord.token')).toMatchObject({ status: 'ok', summary: expect.stringContaining(fake.applicationId) });
      expect(check(report, 'discord.application')).toMatchObject({ status: 'ok', data: { applicationId: fake.applicationId } });
      expect(check(report, 'discord.intent').status).toBe('ok');
      expect(check(report, 'discord.commands')).toMatchObject({ status: 'ok', summary: expect.stringContaining(`${commands.length} commands registered`) });
      expect(check(report, `discord.channel.${fake.channels.general}`)).toMatchObject({ status: 'ok', summary: expect.stringContaining('Create Public Threads') });
      expect(check(report, `discord.channel.${fake.channels.other}`).status).toBe('ok');
      expect(report.ok).toBe(true);
      expect(JSON.stringify(report)).not.toContain(fake.token);
    });

    it('fails commands not deployed, or deployed from older code, with "npm run deploy-commands"', async () => {
      fake = await FakeDiscord.start();
      expect(check(await runDoctor(env()), 'discord.commands')).toMatchObject({ status: 'fail', summary: expect.stringContaining('not registered: /ask'), fix: 'run npm run deploy-commands' });
      await deploy();
      const ask = fake.commands.get(fake.guildId)!.find((c) => c.name === 'ask')!;
      ask.options = ask.options.filter((o: { name: string }) => o.name !== 'private');
      const report = await runDoctor(env());
      expect(check(report, 'discord.commands')).toMatchObject({ status: 'fail', summary: expect.stringContaining('older than the code: /ask') });
      expect(report.ok).toBe(false);
    });

    it('fails a channel where an overwrite takes away Embed Links, and one the bot cannot see', async () => {
      fake = await FakeDiscord.start();
      await deploy();
      fake.overwrites.set(fake.channels.other, [{ id: fake.guildId, type: 0, allow: '0', deny: String(PermissionFlagsBits.EmbedLinks) }]);
      const unknown = '123456789012345678';
      const report = await runDoctor(env({ ALLOWED_CHANNEL_IDS: `${fake.channels.general},${fake.channels.other},${unknown}` }));
      expect(check(report, `discord.channel.${fake.channels.general}`).status).toBe('ok');
      expect(check(report, `discord.channel.${fake.channels.other}`)).toMatchObject({
        status: 'fail',
        summary: '#other: the bot lacks Embed Links',
        fix: expect.stringContaining('allow Embed Links'),
      });
      expect(check(report, `discord.channel.${unknown}`)).toMatchObject({ status: 'fail', fix: expect.stringContaining('ALLOWED_CHANNEL_IDS') });
    });

    it('fails the Message Content intent when ANSWER_MENTIONS is on and the portal switch is off; not needed otherwise', async () => {
      fake = await FakeDiscord.start();
      fake.messageContentIntent = false;
      expect(check(await runDoctor(env({ ANSWER_MENTIONS: 'true' })), 'discord.intent')).toMatchObject({ status: 'fail', fix: expect.stringContaining('Message Content Intent') });
      expect(check(await runDoctor(env({ ANSWER_MENTIONS: 'false' })), 'discord.intent').status).toBe('not-configured');
    });

    it('fails a rejected token and skips the rest; an unreachable Discord names DISCORD_API_URL', async () => {
      fake = await FakeDiscord.start();
      const rejected = await runDoctor(env({ DISCORD_TOKEN: 'fake.wrong' }));
      expect(check(rejected, 'discord.token')).toMatchObject({ status: 'fail', fix: expect.stringContaining('Reset Token') });
      expect(check(rejected, 'discord.commands').status).toBe('skipped');
      const down = await runDoctor({ ...env(), DISCORD_API_URL: `http://127.0.0.1:${await closedPort()}/api` });
      expect(check(down, 'discord.token')).toMatchObject({ status: 'fail', summary: expect.stringContaining('ECONNREFUSED'), fix: expect.stringContaining('DISCORD_API_URL') });
      expect(down.ok).toBe(false);
    });
  });

  it('renders one line per check, the fix after the arrow, details indented', () => {
    const text = renderReport({
      ok: false,
      checks: [
        { id: 'corpus', status: 'ok', summary: '3 documents', details: ['skipped a.txt: empty'] },
        { id: 'llm.endpoint', status: 'fail', summary: 'unreachable', fix: 'check OPENAI_BASE_URL' },
        { id: 'discord', status: 'not-configured', summary: 'not configured' },
      ],
    });
    expect(text.split('\n')).toEqual(['✓ corpus: 3 documents', '    skipped a.txt: empty', '✗ llm.endpoint: unreachable → check OPENAI_BASE_URL', '· discord: not configured', '', '1 check failed: see ✗ above.']);
  });
});
