import { beforeAll, describe, expect, it } from 'vitest';
import { reviewAnswer } from '../../src/answer/review.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Document, SearchHit } from '../../src/types.js';
import { SEEDS_DIR } from '../helpers/seeds.js';

let documents: readonly Document[] = [];
beforeAll(async () => {
  documents = (await loadCorpus(SEEDS_DIR)).documents;
});

/** The seed passage of document `doc…` whose text matches `re`, as a retrieved hit. */
function hitOf(doc: string, re: RegExp): SearchHit {
  const d = documents.find((x) => x.id.startsWith(doc))!;
  const passage = d.passages.find((p) => re.test(p.text))!;
  return { passage, doc: d, score: 0 };
}

/** Sentences as a model would write them from Dutch and French seed passages, in another language. */
const TRUE: Array<[string, () => SearchHit, string]> = [
  ['en', () => hitOf('000', /Florence Parly/), 'French Defence Minister Florence Parly announced new military operations in the tri-border area of Mali, Burkina Faso and Niger [1].'],
  ['en', () => hitOf('000', /Florence Parly/), 'She made the announcement in Bamako, the Malian capital [1].'],
  ['fr', () => hitOf('000', /Florence Parly/), "La ministre française des Armées, Florence Parly, a annoncé de nouvelles opérations dans la zone des trois frontières [1]."],
  ['en', () => hitOf('000', /Pau/), 'Earlier that month President Emmanuel Macron received the presidents of five West African countries in Pau [1].'],
  ['en', () => hitOf('001', /24 mei/), 'The immediate cause of the withdrawal was the military coup in Mali on 24 May, the second in eight months [1].'],
  ['fr', () => hitOf('001', /24 mei/), 'La cause directe du retrait est le putsch militaire au Mali du 24 mai [1].'],
  ['en', () => hitOf('001', /30 mei/), 'Macron had already said on 30 May in an interview that he would withdraw [1].'],
  ['en', () => hitOf('001', /55 Franse/), 'More than 5,000 French soldiers take part in Operation Barkhane, and 55 of them have died [1].'],
  ['fr', () => hitOf('001', /55 Franse/), "Plus de 5 000 soldats français participent à l'opération Barkhane ; 55 y sont morts [1]."],
  ['en', () => hitOf('003', /Wagner/), 'Four Russian cargo planes landed in Bamako with four helicopters, weapons and ammunition [1].'],
  ['en', () => hitOf('003', /Wagner/), 'The equipment belongs to the Wagner Group, a Russian mercenary army closely linked to the Kremlin [1].'],
  ['fr', () => hitOf('003', /Wagner/), 'Le matériel appartient au groupe Wagner, une armée de mercenaires russes proche du Kremlin [1].'],
  ['en', () => hitOf('003', /sinds 2014/), 'The French have been fighting Islamist insurgents in northern and central Mali since 2014, with help from European allies [1].'],
  ['en', () => hitOf('003', /staatsgreep/), 'Since August last year the Malian army has staged two coups [1].'],
  ['en', () => hitOf('002', /4300/), 'About 4,300 French soldiers are stationed in the region, some 2,400 of them in Mali [1].'],
  ['en', () => hitOf('002', /4300/), 'The Netherlands has eight soldiers in Mali, and ninety defence staff work in a UN mission [1].'],
  ['en', () => hitOf('002', /4300/), 'According to Macron, fewer than 3,000 should be active in the region next year [1].'],
  ['en', () => hitOf('002', /Niger nu/), 'President Macron says Niger is now willing to serve as the home base [1].'],
  ['en', () => hitOf('002', /Frankrijk stopt/), 'France is ending the military mission it carries out in Mali with European partners and Canada [1].'],
  ['en', () => hitOf('002', /Frankrijk stopt/), 'French soldiers have been active there against jihadists since 2013 [1].'],
  ['nl', () => hitOf('004', /869/), 'Volgens de Franse militaire inlichtingendienst zijn tussen begin 2020 en begin 2021 minstens 869 leden van de EIGS gedood [1].'],
  ['en', () => hitOf('004', /869/), 'At least 869 members of the ISGS were killed between early 2020 and early 2021, according to French military intelligence [1].'],
  ['en', () => hitOf('004', /1er au 6 février/), 'From 1 to 6 February, Barkhane, the Takuba force and the Malian army killed about thirty terrorists in Liptako [1].'],
];

/** The same passages, with a figure or a date changed. */
const FALSE: Array<[string, () => SearchHit, string]> = [
  ['en', () => hitOf('001', /24 mei/), 'The immediate cause of the withdrawal was the military coup in Mali on 25 May [1].'],
  ['en', () => hitOf('001', /55 Franse/), 'More than 5,000 French soldiers take part in Operation Barkhane, and 65 of them have died [1].'],
  ['fr', () => hitOf('001', /55 Franse/), "Plus de 50 000 soldats français participent à l'opération Barkhane [1]."],
  ['en', () => hitOf('003', /sinds 2014/), 'The French have been fighting insurgents in Mali since 2012 [1].'],
  ['en', () => hitOf('002', /4300/), 'About 4,500 French soldiers are stationed in the region [1].'],
  ['en', () => hitOf('002', /4300/), 'The Netherlands has 80 soldiers in Mali [1].'],
  ['en', () => hitOf('004', /869/), 'At least 1,869 members of the ISGS were killed [1].'],
  ['en', () => hitOf('004', /1er au 6 février/), 'From 1 to 6 March, Barkhane killed about thirty terrorists in Liptako [1].'],
  ['en', () => hitOf('003', /Wagner/), 'Putin personally sent them from Moscow [1].'],

];

describe('reviewAnswer › grounding on the seeds, across languages', () => {
  for (const [lang, hit, text] of TRUE) {
    it(`keeps a true sentence (${lang}): ${text}`, () => {
      const r = reviewAnswer({ text, sources: [hit()], question: '', finishReason: 'stop' });
      expect(r.kind === 'answer' && r.stats.droppedClaims).toEqual([]);
    });
  }
  for (const [lang, hit, text] of FALSE) {
    it(`drops an invented figure or date (${lang}): ${text}`, () => {
      const r = reviewAnswer({ text: `${text} Het is zo [1].`, sources: [hit()], question: '', finishReason: 'stop' });
      expect(r.stats.droppedClaims.map((d) => d.sentence)).toEqual([text]);
    });
  }
});
