import type { LanguagePack } from './types.js';

const WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};
const ROUND: Record<string, number> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100,
};

/** A French number word, its parts joined by hyphens: "quatre-vingt-dix", "deux-mille", "trois-cents". */
function french(w: string): number | null {
  let total = 0;
  let current = 0;
  for (const part of w.split('-')) {
    if (part === 'et') continue;
    if (part === 'cent' || part === 'cents') current = (current || 1) * 100;
    else if (part === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else if ((part === 'vingt' || part === 'vingts') && current % 100 === 4) current = current - 4 + 80; // quatre-vingt
    else if (WORDS[part] !== undefined) current += WORDS[part]!;
    else return null;
  }
  const v = total + current;
  return v > 0 ? v : null;
}

/** French. */
export const fr: LanguagePack = {
  code: 'fr',
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  monthAbbreviations: [['janv', 1], ['fevr', 2], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12]],
  capitalisedOnlyMonths: [],
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  relativeDates: ["l.annee prochaine", "l.an prochain", "l.annee derniere", "l.an dernier"],
  intent: [
    'doi(?:t|vent)(?:-(?:il|elle|ils|elles))? (?:\\w+ )?(?:atteindre|compter|passer|etre)',
    'devr(?:ait|aient|a|ont)',
    'prevu\\w*',
    'a terme',
    "l'objectif",
    'projet\\w*',
    'envisag\\w*',
    'pourr(?:ait|aient|a|ont)',
    'ser(?:a|ont) (?:\\w+ )?(?:deploye|envoye|porte)\\w*',
    "d'ici (?:a |\\d)",
  ],
  present: ['actuellement', 'aujourd.hui', 'en ce moment', 'compte'],
  placeVerbs: ['trouve', 'trouvent', 'situe', 'situee', 'situes'],
  auxiliaryWords: ['fait', 'faisait', 'font', 'arrive', 'arrivee', 'deroule', 'deroulee', 'deroules', 'deroulees', 'deroulait', 'deroulaient'],
  ofWords: ['du', 'de', 'des', "d'"],
  causeMarkers: ["apres (?:la|le|les|l')", 'parce que?', 'puisque', 'car', 'grace a', 'la raison', "(?:en raison|a cause|a la suite|suite|faute) (?:de|des|du|d'|a|aux)"],
  questionWords: {
    number: ["combien(?: d'| de)?", 'quel nombre(?: de)?', 'quelle (?:taille|ampleur)'],
    date: ['quand', 'quelle date', 'en quelle annee', 'depuis quand'],
    // Not "qu'est-ce qui" ("what", as subject).
    person: ["(?<!qu'est-ce )qui"],
    place: ['ou', 'dans quelle ville', 'quel pays', 'quels pays'],
  },
  whichWords: ['quel(?:le)?s?'],
  kindNouns: { date: ['date', 'jour', 'annee', 'mois'], number: ['nombre', 'total'], place: ['ville', 'pays', 'lieu'] },
  relativePronouns: ['qui'],
  sayingVerbs: [],
  namingWords: ['nom', 'appelle', 'appelait', 'appelaient', 'appellent'],
  descriptionNouns: [
    'role', 'roles', 'raison', 'raisons', 'but', 'objectif', 'objectifs', 'consequence', 'consequences', 'effet', 'effets', 'impact', 'position',
    'situation', 'probleme', 'problemes', 'message', 'risque', 'risques', 'condition', 'conditions', 'argument', 'arguments', 'decision', 'motif',
    'strategie', 'plan', 'plans',
  ],
  stopwordList: 'fra',
  questionWordForms: ['quoi', 'quel', 'quelle', 'quels', 'quelles', 'qui', 'quand', 'où', 'pourquoi', 'comment', 'combien', 'lequel', 'laquelle', 'lesquels', 'lesquelles'],
  functionWords: [
    'veut', 'veulent', 'voulait', 'voulaient', 'voudrait',
    'doit', 'doivent', 'devait', 'devaient', 'devra', 'devront', 'devrait', 'devraient', 'faut', 'fallait', 'faudra',
    'peut', 'peuvent', 'pouvait', 'pourrait', 'pourraient', 'pourra', 'va', 'vont', 'allait', 'hors',
    // "faire" in the future and conditional ("Quel temps fera-t-il" searched *fera* → *fer*, iron).
    'fera', 'feront', 'ferait', 'feraient',
    // Pronouns, conjunctions and elided forms ("Jusqu'à quelle date… devaient-elles").
    'jusqu', 'jusque', 'elles', 'celle', 'celles', 'ceux', 'celui', 'dont', 'lorsqu', 'lorsque', 'puisqu', 'puisque', 'quoiqu', 'presqu',
    // Conjunctions, adverbs and prepositions whose English equivalents the English list drops ("si Bamako
    // pactisait" searched *si* → *indien*, *dusdanig*).
    'si', 'ni', 'donc', 'car', 'alors', 'aussi', 'ainsi', 'comme', 'lors', 'encore', 'deja', 'toujours', 'tres', 'bien', 'puis',
    'ensuite', 'cependant', 'pourtant', 'parce', 'chez', 'vers', 'sous', 'pendant', 'parmi', 'afin', 'chaque', 'tout', 'tous', 'toute', 'toutes',
    'entre', 'avant', 'apres', 'depuis', 'contre',
    'derriere', 'devant', 'envers', 'malgre', 'sauf', 'hormis', 'durant', 'pres', 'aupres', 'autour', 'outre',
  ],
  sourceWords: ['selon', 'article', 'articles', 'corpus'],
  linkingAdverbs: ['toutefois', 'enfin', 'ailleurs', 'desormais', 'selon', 'neanmoins'],
  timeline: {
    relativePhrases: [
      { pattern: 'avant-hier', unit: 'day', offset: -2 },
      { pattern: 'hier', unit: 'day', offset: -1 },
      { pattern: '(?:la )?semaine (?:dernière|passée)', unit: 'week', offset: -1 },
      { pattern: '(?:plus tôt )?cette semaine', unit: 'week', offset: 0 },
      { pattern: '(?:la )?semaine prochaine', unit: 'week', offset: 1 },
      { pattern: '(?:le )?mois (?:dernier|passé)', unit: 'month', offset: -1 },
      // "ce mois de novembre" names a month: not "this month".
      { pattern: "(?:plus tôt )?ce mois(?:-ci)?(?!\\s+d(?:e|'))", unit: 'month', offset: 0 },
      { pattern: '(?:le )?mois prochain', unit: 'month', offset: 1 },
      { pattern: "(?:l'an|l'année|de l'année) (?:dernier|dernière|passé|passée)", unit: 'year', offset: -1 },
      { pattern: '(?:plus tôt )?cette année', unit: 'year', offset: 0 },
      { pattern: "(?:l'an|l'année|de l'année) (?:prochain|prochaine)", unit: 'year', offset: 1 },
    ],
    yearCues: [
      'en', 'depuis', 'dès', "jusqu'en", 'avant', 'après', 'début', 'fin', 'mi-', 'courant', 'année', 'vers',
      "d'ici", "l'an", 'printemps', 'été', 'automne', 'hiver',
    ],
    monthCues: [
      'en', 'depuis', 'dès', "jusqu'en", "jusqu'à", 'fin', 'début', 'mi-', 'courant', 'avant', 'après', 'mois de',
      "mois d'",
    ],
    directionBefore: [],
    directionAfter: [['dernier', 'past'], ['passé', 'past'], ['prochain', 'future']],
    countedNouns: [
      'hommes', 'soldats', 'militaires', 'morts', 'personnes', 'victimes', 'euros', 'dollars', 'fois',
      'combattants', 'membres', 'kilomètres', 'tonnes',
    ],
    futureMarker:
      "(?:sera|seront|aura|auront|va|vont|doit|doivent|devra|devront|devrait|devraient|prévu|prévue|prévus|prévues|" +
      "prochain|prochaine|d'ici|\\p{L}{3,}(?:eront|iront|dront|era|ira|dra))",
  },
  titles: ['etat', 'etats', 'armees', 'ministre', 'premier', 'affaires', 'etrangeres', 'interieur', 'gouvernement', 'assemblee'],
  numbers: {
    parts: [...Object.keys(WORDS), ...Object.keys(ROUND), 'cent', 'mille', 'millier'],
    scales: [['cent', 100], ['cents', 100], ['mille', 1000], ['million', 1e6], ['millions', 1e6]],
    exact: french,
    // "une trentaine", "des centaines", "des milliers": about that many.
    approximate: (w) => {
      const round = /^(.+?)s?$/.exec(w)![1]!;
      return ROUND[round] ?? (round === 'millier' ? 1000 : null);
    },
  },
};
