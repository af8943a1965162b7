import type { LanguagePack } from './types.js';

const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** An English number word, its parts joined by hyphens: "forty-five", "hundred", "thousand". */
function english(w: string): number | null {
  let total = 0;
  for (const part of w.split('-')) {
    if (part === 'hundred') total = (total || 1) * 100;
    else if (part === 'thousand') total = (total || 1) * 1000;
    else if (WORDS[part] !== undefined) total += WORDS[part]!;
    else return null;
  }
  return total > 0 ? total : null;
}

/** English. */
export const en: LanguagePack = {
  code: 'en',
  months: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  monthAbbreviations: [['jan', 1], ['feb', 2], ['apr', 4], ['aug', 8], ['sept', 9], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12]],
  capitalisedOnlyMonths: ['may', 'march'],
  weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  relativeDates: ['next year', 'last year', 'next week', 'last week'],
  intent: ['(?:is|are) (?:expected|planned|set|due|meant) to', 'will', 'would', 'plan(?:s|ned)?', 'intend\\w*', 'aim\\w* to', 'by \\d{4}', 'grow to'],
  present: ['currently', 'at present', 'now', 'today', 'has|have'],
  placeVerbs: ['located', 'situated', 'lie', 'lies'],
  auxiliaryWords: ['happen', 'happened', 'happens'],
  ofWords: ['of'],
  causeMarkers: ['because', 'due to', 'owing to', 'as a result of', 'the reason', 'after the'],
  questionWords: {
    number: ['how (?:many|much|big|large)', 'what number(?: of)?'],
    date: ['when', 'what date', 'which date', 'in what year', 'what year'],
    person: ['who', 'whom'],
    place: ['where', 'in which city', 'which country'],
  },
  whichWords: ['which', 'what'],
  kindNouns: { date: ['date', 'day', 'year', 'month'], number: ['number', 'total'], place: ['city', 'country', 'place', 'town'] },
  relativePronouns: ['that', 'which'],
  sayingVerbs: [
    'say|says|said|saying', 'announce[sd]?', 'claim(?:s|ed)?', 'think|thinks|thought', 'believe[sd]?', 'warn(?:s|ed)?', 'state[sd]?', 'tell|told',
    'report(?:s|ed)?', 'argue[sd]?', 'know|knew', 'decide[sd]?', 'confirm(?:s|ed)?', 'den(?:y|ies|ied)', 'hope[sd]?', 'fear(?:s|ed)?', 'expect(?:s|ed)?',
    'insist(?:s|ed)?', 'mean(?:s|t)?', 'show(?:s|ed)?', 'suggest(?:s|ed)?', 'admit(?:s|ted)?',
  ],
  namingWords: ['called', 'named', 'name'],
  descriptionNouns: [
    'role', 'roles', 'reason', 'reasons', 'purpose', 'goal', 'goals', 'aim', 'consequence', 'consequences', 'effect', 'effects', 'impact',
    'position', 'situation', 'problem', 'problems', 'message', 'risk', 'risks', 'condition', 'conditions', 'argument', 'arguments', 'decision',
    'motive', 'strategy', 'plan', 'plans',
  ],
  stopwordList: 'eng',
  questionWordForms: ['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'many', 'much', 'does', 'did', 'do'],
  functionWords: [
    'may', 'might', 'will', 'shall', 'supposed', 'want', 'wants', 'wanted',
    // Snowball's English list has these; the stopword package's shorter one lacks them ("in Mali itself"
    // searched *itself* → *vanzelf*). Query-only: the corpus's own words stay indexed (French *ours*, a bear).
    'myself', 'ours', 'ourselves', 'yours', 'yourself', 'yourselves', 'she', 'hers', 'herself', 'its', 'itself', 'theirs', 'themselves',
    'whom', 'having', 'doing', 'ought', 'until', 'against', 'during', 'above', 'below', 'down', 'off', 'again', 'further', 'once',
    'few', 'no', 'nor', 'not', 'own', 'so', 'cannot',
    'even', 'ever', 'just', 'yet', 'already', 'quite', 'rather',
    // Prepositions none of the lists has ("the MPs behind the report" searched *behind* → *achter*).
    'across', 'along', 'amid', 'among', 'around', 'behind', 'beneath', 'beside', 'beyond', 'despite', 'except', 'inside', 'near',
    'onto', 'outside', 'per', 'throughout', 'till', 'toward', 'towards', 'underneath', 'unlike', 'upon', 'via', 'within', 'without',
  ],
  sourceWords: ['according', 'article', 'articles', 'corpus'],
  linkingAdverbs: ['however', 'meanwhile', 'moreover', 'later', 'earlier', 'besides', 'furthermore', 'nevertheless', 'therefore', 'thus'],
  timeline: {
    relativePhrases: [
      { pattern: 'the day before yesterday', unit: 'day', offset: -2 },
      { pattern: 'yesterday', unit: 'day', offset: -1 },
      { pattern: 'last week', unit: 'week', offset: -1 },
      { pattern: '(?:earlier |later )?this week', unit: 'week', offset: 0 },
      { pattern: 'next week', unit: 'week', offset: 1 },
      { pattern: 'last month', unit: 'month', offset: -1 },
      { pattern: '(?:earlier |later )?this month', unit: 'month', offset: 0 },
      { pattern: 'next month', unit: 'month', offset: 1 },
      { pattern: 'last year', unit: 'year', offset: -1 },
      { pattern: '(?:earlier |later )?this year', unit: 'year', offset: 0 },
      { pattern: 'next year', unit: 'year', offset: 1 },
    ],
    yearCues: [
      'since', 'by', 'until', 'till', 'before', 'after', 'early', 'late', 'mid-', 'mid', 'year', 'around',
      'spring', 'summer', 'autumn', 'fall',
    ],
    monthCues: [
      'since', 'until', 'till', 'by', 'early', 'late', 'mid-', 'mid', 'last', 'next', 'this', 'before', 'after',
      'from', 'during',
    ],
    directionBefore: [['last', 'past'], ['next', 'future']],
    directionAfter: [],
    countedNouns: [
      'people', 'soldiers', 'troops', 'dead', 'times', 'men', 'fighters', 'members', 'dollars', 'tons',
    ],
    futureMarker:
      "(?:will|would|shall|going to|plans? to|planned|scheduled|expected|due to|next|upcoming|\\p{L}+'ll)",
  },
  titles: ['president', 'prime', 'minister', 'ministers', 'foreign', 'defence', 'defense', 'secretary', 'general', 'colonel', 'king', 'queen', 'chancellor'],
  numbers: {
    parts: [...Object.keys(WORDS), 'hundred', 'thousand', 'dozen'],
    scales: [['hundred', 100], ['thousand', 1000], ['million', 1e6], ['millions', 1e6]],
    exact: english,
    approximate: (w) => (/^dozens?$/.test(w) ? 12 : null),
  },
};
