import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, tempDirs } from '../helpers/corpus-dirs.js';
import { displayed, liveMarkup } from '../helpers/markdown.js';
import { startHarness, type Harness } from './harness.js';

/** A corpus document whose title (its first line) and sentences are written as Discord Markdown. */
const HOSTILE_TITLE = '@everyone **Breaking** [click](https://example.com) ||x||';
const HOSTILE_DOC = [
  ` date 2022-03 ${HOSTILE_TITLE}`,
  'De Nederlandse mariniers verlieten op 5 maart 2022 de basis in Menaka, meldt __defensie__ in een ||geheime|| nota.',
  'Het vertrek uit Menaka werd **dagenlang** voorbereid, zie [het verslag](https://example.com/menaka) van ~~gisteren~~.',
].join('\n\n');

/** The stretch of `text` that Discord displays as `literal`, or undefined when it is not there. */
function shownAs(text: string, literal: string): string | undefined {
  const start = text.indexOf(literal.slice(0, 9));
  if (start < 0) return undefined;
  for (let end = start + literal.length; end <= Math.min(text.length, start + literal.length * 2); end++) {
    if (displayed(text.slice(start, end)) === literal) return text.slice(start, end);
  }
  return undefined;
}

/** Asserts that `text` shows the hostile title literally, with no Markdown Discord would act on. */
function expectLiteralTitle(text: string): void {
  const shown = shownAs(text, HOSTILE_TITLE);
  expect(shown, `the hostile title, shown literally, in:\n${text}`).toBeDefined();
  expect(liveMarkup(shown!)).toEqual([]);
}

describe('corpus and user text shown as plain text', () => {
  let h: Harness;
  let corpusDir: string;
  beforeAll(async () => {
    ({ corpusDir } = await tempDirs({ ...ARTICLES, 'menaka.txt': HOSTILE_DOC }));
    h = await startHarness({ env: { CORPUS_DIR: corpusDir } });
  });
  afterAll(async () => {
    await h?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  const reply = (i: ReturnType<Harness['fake']['command']>) =>
    h.fake.until(() => {
      const m = h.fake.original(i);
      return m && m.components.length + m.embeds.length > 0 ? m : undefined;
    });

  it('/sources lists the hostile title literally: no bold, masked link or spoiler', async () => {
    const message = await reply(h.fake.command('sources'));
    const description: string = message.embeds[0].description;
    expectLiteralTitle(description);
    expect(description).toContain('`menaka`');
  });

  it('/timeline cites the hostile article literally and shows its sentence without Markdown', async () => {
    const message = await reply(h.fake.command('timeline', { topic: 'Menaka **mariniers**' }));
    const embed = message.embeds[0];
    expect(displayed(embed.title)).toContain('Menaka **mariniers**');
    expect(liveMarkup(embed.title)).toEqual([]);
    const line = (embed.description as string).split('\n').find((l) => l.includes('2022-03-05'));
    expect(line, embed.description).toBeDefined();
    expect(displayed(line!)).toContain('meldt __defensie__ in een ||geheime|| nota');
    expectLiteralTitle(line!);
    // Griot's own formatting stays: the event's number in bold, the date as code, the article title in italics.
    expect(line).toMatch(/^\*\*\d+\.\*\* `2022-03-05` /);
    expect(line).toMatch(/ — \*.+\*, 2022-03$/);
  });

  it('an answer quoting the hostile article shows its text, title and quote literally, citations intact', async () => {
    const interaction = h.fake.command('ask', { question: 'Wanneer verlieten de mariniers Menaka?' });
    const message = await reply(interaction);
    const [body] = (message.content as string).split('\n\n-# ');
    expect(body).toMatch(/\[1\]/);
    expect(displayed(body!)).toMatch(/__defensie__|\*\*dagenlang\*\*/);
    expect(liveMarkup(body!)).toEqual([]);
    const sources: string = message.embeds[0].description;
    expectLiteralTitle(sources);
    expect(sources).toMatch(/^\*\*\[1\]\*\* /);

    const click = h.fake.click(message.id, message.components[0].components.find((b: any) => b.label === 'Sources').custom_id);
    const full = await h.fake.until(() => h.fake.original(click));
    const cited = full.embeds.find((e: any) => displayed(e.title).includes('Breaking'));
    expect(cited).toBeDefined();
    expect(cited.title).toMatch(/^\[\d+\] /);
    expectLiteralTitle(cited.title);
    expect(liveMarkup(cited.description)).toEqual([]);
  });

  it('/stats shows a hostile question literally to moderators', async () => {
    const question = '**Zeppelins** ||over|| [Tombouctou](https://example.com)?';
    const asked = h.fake.command('ask', { question });
    const answer = await reply(asked);
    await h.fake.until(() => h.logs.some((l) => l.interactionId === asked.id && l.msg === 'interaction finished'));
    // A 👎 puts the question under "Latest 👎", answered or refused.
    const down = h.fake.click(answer.id, answer.components[0].components.find((b: any) => b.label === '👎').custom_id);
    await h.fake.until(() => h.fake.original(down));
    const interaction = h.fake.command('stats', {}, { roles: [h.fake.roles.moderator] });
    const message = await h.fake.until(() => {
      const m = h.fake.original(interaction);
      return m?.content ? m : undefined;
    });
    const line = (message.content as string).split('\n').find((l) => displayed(l).includes(question));
    expect(line, message.content).toBeDefined();
    // Griot's own link to the message stays a link; the question is plain.
    const [text] = line!.split(' [open](');
    expect(liveMarkup(text!)).toEqual([]);
  });

  it('/help shows no corpus Markdown', async () => {
    const interaction = h.fake.command('help');
    const help = await h.fake.until(() => {
      const m = h.fake.original(interaction);
      return m?.content ? m : undefined;
    });
    expect(help.content).not.toContain('**Breaking**');
    expect(help.content).not.toContain('||x||');
  });
});
