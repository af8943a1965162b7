import { questionWordsFor, stopwordsFor } from '../corpus/stopwords.js';
import { LANGS } from '../types.js';
import { fold } from './text.js';

/**
 * Snowball stopword lists (via the `stopword` package), folded. One union serves every language:
 * a question in one language must drop the same function words that the other languages' passages
 * dropped at index time, and the lists are short enough that the union removes no content word.
 */
/**
 * Question words: they say what kind of answer is wanted (see answer-type.ts), not what it is about,
 * so queries drop them. Not removed from indexed text.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => [...questionWordsFor(l)].map(fold)));

/**
 * Modal and auxiliary verb forms and prepositions the Snowball lists leave out ("doit-il être
 * terminé", "hors du Mali", "zou voltooid moeten zijn", "is supposed to"): they carry tense and mood,
 * not what a question is about, and no word list translates them usefully. Dropped from queries.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'may', 'might', 'will', 'shall', 'supposed', 'want', 'wants', 'wanted',
  'moest', 'moesten', 'zouden', 'mag', 'mogen', 'zullen', 'wordt', 'werd', 'werden', 'wil', 'wilde', 'wilden', 'willen',
  'veut', 'veulent', 'voulait', 'voulaient', 'voudrait',
  'doit', 'doivent', 'devait', 'devaient', 'devra', 'devront', 'devrait', 'devraient', 'faut', 'fallait', 'faudra',
  'peut', 'peuvent', 'pouvait', 'pourrait', 'pourraient', 'pourra', 'va', 'vont', 'allait', 'hors',
  // "faire" in the future and conditional, as "do"/"will" ("Quel temps fera-t-il" searched *fera* → *fer*, iron).
  'fera', 'feront', 'ferait', 'feraient',
  // Pronouns, conjunctions and elided forms the French and Dutch lists lack ("Jusqu'à quelle date…
  // devaient-elles", "die ertoe leidde").
  'jusqu', 'jusque', 'elles', 'celle', 'celles', 'ceux', 'celui', 'dont', 'lorsqu', 'lorsque', 'puisqu', 'puisque', 'quoiqu', 'presqu',
  'ertoe', 'erop', 'daarom', 'hierdoor', 'terwijl', 'zowel', 'echter',
  // Snowball's English list has these; the `stopword` package's shorter English list lacks them
  // ("in Mali itself" searched *itself* → *vanzelf*). Query-only: the corpus's own words stay
  // indexed (French *ours*, a bear).
  'myself', 'ours', 'ourselves', 'yours', 'yourself', 'yourselves', 'she', 'hers', 'herself', 'its', 'itself', 'theirs', 'themselves',
  'whom', 'having', 'doing', 'ought', 'until', 'against', 'during', 'above', 'below', 'down', 'off', 'again', 'further', 'once',
  'few', 'no', 'nor', 'not', 'own', 'so', 'cannot',
  // Conjunctions, adverbs of degree and time, and prepositions whose English equivalents the English
  // list already drops (if, very, also, since, before, after, between, against): the same question
  // in three languages searches the same words ("si Bamako pactisait" searched *si* → *indien*, *dusdanig*).
  'si', 'ni', 'donc', 'car', 'alors', 'aussi', 'ainsi', 'comme', 'lors', 'encore', 'deja', 'toujours', 'tres', 'bien', 'puis',
  'ensuite', 'cependant', 'pourtant', 'parce', 'chez', 'vers', 'sous', 'pendant', 'parmi', 'afin', 'chaque', 'tout', 'tous', 'toute', 'toutes',
  'entre', 'avant', 'apres', 'depuis', 'contre',
  'indien', 'heel', 'erg', 'zeer', 'tijdens', 'sinds', 'elke', 'ieder', 'hen', 'tussen', 'tegen', 'voordat', 'nadat',
  'even', 'ever', 'just', 'yet', 'already', 'quite', 'rather',
  // Prepositions none of the lists has ("the MPs behind the report" searched *behind* → *achter*, *derrière*).
  'across', 'along', 'amid', 'among', 'around', 'behind', 'beneath', 'beside', 'beyond', 'despite', 'except', 'inside', 'near',
  'onto', 'outside', 'per', 'throughout', 'till', 'toward', 'towards', 'underneath', 'unlike', 'upon', 'via', 'within', 'without',
  'achter', 'binnen', 'buiten', 'langs', 'rond', 'rondom', 'tegenover', 'ondanks', 'behalve', 'naast', 'beneden', 'jegens',
  'derriere', 'devant', 'envers', 'malgre', 'sauf', 'hormis', 'durant', 'pres', 'aupres', 'autour', 'outre',
]);

/**
 * Words about where an answer comes from rather than what it is ("according to the October
 * article", "volgens het artikel", "selon le corpus"): not looked for, in the index or in sentences
 * (FreeDict translates "article" into "bijdrage", which matches a contribution of troops).
 */
export const SOURCE_WORDS: ReadonlySet<string> = new Set(['according', 'article', 'articles', 'artikel', 'artikels', 'artikelen', 'volgens', 'selon', 'corpus']);

export const STOPWORDS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => [...stopwordsFor(l)].map((w) => fold(w.toLowerCase()))));

/** True when a folded token carries no meaning for retrieval. */
export function isStopword(folded: string): boolean {
  return folded.length < 2 || STOPWORDS.has(folded);
}

/** True when a folded word of a question is not searched: a stopword, question word, function word or source word. */
export function isQueryStopword(folded: string): boolean {
  return isStopword(folded) || QUESTION_WORDS.has(folded) || FUNCTION_WORDS.has(folded) || SOURCE_WORDS.has(folded);
}
