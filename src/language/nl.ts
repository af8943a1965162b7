import type { LanguagePack } from './types.js';

const UNITS: Record<string, number> = {
  een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
};
const TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };

/** A Dutch number word: "tweeduizend", "zeshonderdvijftig", "eenentwintig". */
function dutch(w: string): number | null {
  if (w === '') return null;
  for (const [word, scale] of [['miljoen', 1_000_000], ['duizend', 1000], ['honderd', 100]] as const) {
    const at = w.indexOf(word);
    if (at < 0) continue;
    const left = w.slice(0, at);
    const right = w.slice(at + word.length);
    const times = left === '' ? 1 : dutch(left);
    const rest = right === '' ? 0 : dutch(right);
    return times === null || rest === null ? null : times * scale + rest;
  }
  if (UNITS[w] !== undefined) return UNITS[w]!;
  if (TENS[w] !== undefined) return TENS[w]!;
  // "vijfenvijftig": unit + en + tens.
  const m = /^(.+?)(?:en|ën)(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(w);
  if (m && UNITS[m[1]!] !== undefined && UNITS[m[1]!]! < 10) return UNITS[m[1]!]! + TENS[m[2]!]!;
  return null;
}

/** Dutch. */
export const nl: LanguagePack = {
  code: 'nl',
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  monthAbbreviations: [['jan', 1], ['feb', 2], ['apr', 4], ['aug', 8], ['sept', 9], ['sep', 9], ['okt', 10], ['nov', 11], ['dec', 12]],
  capitalisedOnlyMonths: [],
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  relativeDates: ['volgend jaar', 'vorig jaar', 'volgende week', 'vorige week'],
  intent: [
    'de bedoeling',
    'uitgroei\\w*',
    'groeit uit',
    'moet(?:en)? (?:\\w+ )?(?:worden|komen|groeien)',
    'zal|zullen',
    'gepland\\w*',
    'plan(?:nen)?',
    'verwacht\\w*',
    'voornemen\\w*',
    'wil(?:len)? (?:\\w+ )?(?:sturen|inzetten|leveren)',
    'tegen \\d{4}',
    'naar (?:circa|ongeveer|zo.n)',
  ],
  present: ['op dit moment', 'momenteel', 'nu', 'huidige', 'telt'],
  placeVerbs: ['ligt', 'liggen', 'lag', 'gelegen'],
  auxiliaryWords: ['doet', 'deed', 'deden', 'gedaan', 'gebeurde', 'gebeurd', 'gebeurt', 'plaatsgevonden', 'plaatsvond', 'plaatsvonden'],
  ofWords: ['van'],
  causeMarkers: ['na de', 'na het', 'nadat', 'omdat', 'doordat', 'vanwege', 'wegens', 'als gevolg van', 'de reden', '(?:directe )?aanleiding', 'oorzaak'],
  questionWords: {
    number: ['hoeveel', 'hoe groot'],
    date: ['wanneer', 'welke datum', 'in welk jaar', 'welk jaar', 'sinds wanneer'],
    person: ['wie'],
    place: ['waar', 'in welke stad', 'welk land'],
  },
  whichWords: ['welke?'],
  kindNouns: { date: ['datum', 'dag', 'jaar', 'maand'], number: ['aantal', 'totaal'], place: ['stad', 'land', 'plaats'] },
  relativePronouns: ['die'],
  sayingVerbs: [],
  namingWords: ['naam', 'heet', 'heette', 'heten', 'noemt', 'noemde'],
  descriptionNouns: [
    'rol', 'rollen', 'reden', 'redenen', 'doel', 'doelen', 'gevolg', 'gevolgen', 'standpunt', 'situatie', 'probleem', 'problemen', 'boodschap',
    'risico', 'risicos', 'voorwaarde', 'voorwaarden', 'besluit', 'beslissing', 'motief', 'strategie',
  ],
  stopwordList: 'nld',
  questionWordForms: ['wat', 'welk', 'welke', 'wie', 'wanneer', 'waar', 'waarom', 'hoe', 'hoeveel', 'hoelang', 'waarheen', 'vanwaar'],
  functionWords: [
    'moest', 'moesten', 'zouden', 'mag', 'mogen', 'zullen', 'wordt', 'werd', 'werden', 'wil', 'wilde', 'wilden', 'willen',
    'ertoe', 'erop', 'daarom', 'hierdoor', 'terwijl', 'zowel', 'echter',
    'indien', 'heel', 'erg', 'zeer', 'tijdens', 'sinds', 'elke', 'ieder', 'hen', 'tussen', 'tegen', 'voordat', 'nadat',
    'achter', 'binnen', 'buiten', 'langs', 'rond', 'rondom', 'tegenover', 'ondanks', 'behalve', 'naast', 'beneden', 'jegens',
  ],
  sourceWords: ['artikel', 'artikels', 'artikelen', 'volgens', 'corpus'],
  linkingAdverbs: ['daarnaast', 'bovendien', 'intussen', 'ondertussen', 'inmiddels', 'tegelijk', 'tegelijkertijd', 'verder', 'volgens', 'eerder', 'vervolgens', 'daarna', 'eveneens', 'evenwel'],
  timeline: {
    relativePhrases: [
      { pattern: 'eergisteren', unit: 'day', offset: -2 },
      { pattern: 'gisteren', unit: 'day', offset: -1 },
      { pattern: '(?:vorige|afgelopen|verleden) week', unit: 'week', offset: -1 },
      { pattern: '(?:eerder |later )?deze week', unit: 'week', offset: 0 },
      { pattern: '(?:volgende|komende) week', unit: 'week', offset: 1 },
      { pattern: '(?:vorige|afgelopen|verleden) maand', unit: 'month', offset: -1 },
      { pattern: '(?:eerder |later )?deze maand', unit: 'month', offset: 0 },
      { pattern: '(?:volgende|komende) maand', unit: 'month', offset: 1 },
      { pattern: '(?:vorig|verleden|afgelopen) jaar', unit: 'year', offset: -1 },
      { pattern: '(?:eerder |later )?dit jaar', unit: 'year', offset: 0 },
      { pattern: '(?:volgend|volgende|komend) jaar', unit: 'year', offset: 1 },
    ],
    yearCues: [
      'in', 'sinds', 'sedert', 'vanaf', 'tot', 't/m', 'voor', 'vóór', 'na', 'eind', 'einde', 'begin', 'midden',
      'medio', 'half', 'rond', 'omstreeks', 'uiterlijk', 'tegen', 'jaar', 'anno', 'zomer', 'winter', 'lente',
      'herfst', 'voorjaar', 'najaar',
    ],
    monthCues: [
      'in', 'sinds', 'sedert', 'vanaf', 'tot', 'eind', 'einde', 'begin', 'half', 'medio', 'midden', 'na', 'voor',
      'vóór', 'afgelopen', 'vorige', 'volgende', 'komende', 'aanstaande', 'per',
    ],
    directionBefore: [['vorige', 'past'], ['afgelopen', 'past'], ['verleden', 'past'], ['volgende', 'future'], ['komende', 'future'], ['aanstaande', 'future']],
    directionAfter: [['jongstleden', 'past'], ['jl.', 'past'], ['aanstaande', 'future'], ['a.s.', 'future']],
    countedNouns: [
      'man', 'mensen', 'personen', 'soldaten', 'militairen', 'manschappen', 'doden', 'slachtoffers', 'troepen',
      'strijders', 'leden', 'euro', 'dollar', 'km', 'kilometer', 'keer', 'stuks', 'ton',
    ],
    futureMarker:
      '(?:zal|zullen|zult|zou|zouden|moet|moeten|gaat|gaan|gepland|verwacht|komende|volgende|aanstaande|uiterlijk)',
  },
  titles: ['defensie', 'buitenlandse', 'zaken', 'koning'],
  numbers: {
    parts: [...Object.keys(UNITS), ...Object.keys(TENS), 'honderd', 'duizend', 'miljoen'],
    scales: [['honderd', 100], ['duizend', 1000], ['miljoen', 1e6]],
    exact: dutch,
    // "veertigtal", "honderdtal": about that many.
    approximate: (w) => (w.endsWith('tal') && w.length > 5 ? dutch(w.slice(0, -3)) : null),
  },
};
