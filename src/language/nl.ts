import type { LanguagePack } from './types.js';

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
};
