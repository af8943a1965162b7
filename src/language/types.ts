/**
 * Everything the code knows about one language, as data: adding a language is adding one pack
 * (src/language/<code>.ts) and listing it in src/language/index.ts. Words are written folded (lower
 * case, no accents, straight apostrophes), as `foldText` reads questions and sentences.
 */
/** A unit a relative phrase counts in. */
export type RelativeUnit = 'day' | 'week' | 'month' | 'year';

/** A relative phrase: `offset` units from the article's date ("vorige maand" = month −1). */
export interface RelativePhrase {
  readonly pattern: string;
  readonly unit: RelativeUnit;
  readonly offset: number;
}

/** What the timeline's date detection reads (src/timeline/mentions.ts). Patterns are regex sources; `'` stands for either apostrophe. */
export interface TimelineWords {
  /** Relative phrases ("vorige week", "l'an dernier"); only the passage's language is searched (French "hier" is Dutch "here"). */
  readonly relativePhrases: readonly RelativePhrase[];
  /** Words right before a year that make a bare number a year ("sinds 2013", "en 2023"). */
  readonly yearCues: readonly string[];
  /** Words right before a month without a year that make it a date ("in november", "depuis août"). */
  readonly monthCues: readonly string[];
  /** Words before a month or weekday saying it is the past or the coming one ("vorige donderdag", "next May"). */
  readonly directionBefore: readonly (readonly [string, 'past' | 'future'])[];
  /** Words after a month or weekday saying the same ("novembre dernier", "maandag jl."). */
  readonly directionAfter: readonly (readonly [string, 'past' | 'future'])[];
  /** Nouns a number counts ("1000 man", "2000 soldats"): a year-like number before one is a quantity. */
  readonly countedNouns: readonly string[];
  /** Future-tense markers, one regex source: a month without a year in such a sentence is the coming one. */
  readonly futureMarker: string;
}

/** How a language writes numbers as words: the word list and how its words compound. */
export interface NumberWords {
  /** Every word a number word of the language is built from (their first three letters screen words fast). */
  readonly parts: readonly string[];
  /** Scale words after a figure ("mille", "thousand", "duizend") with their value. */
  readonly scales: readonly (readonly [string, number])[];
  /** The value of a folded number word ("tweeduizend" → 2000, "quatre-vingt-dix" → 90), or null. */
  readonly exact: (word: string) => number | null;
  /** The value of a round figure ("veertigtal", "une trentaine", "dozens") that is not a count, or null. */
  readonly approximate: (word: string) => number | null;
}

export interface LanguagePack {
  /** ISO 639-1 code. */
  readonly code: string;
  /** Month names as written, January first ("mei", "février"); readers fold them as they need. */
  readonly months: readonly string[];
  /** Abbreviated month names a question may use ("okt", "sept"), with their month 1-12. */
  readonly monthAbbreviations: readonly (readonly [string, number])[];
  /** Month names that are also common words ("may", "march"): a month only when capitalised. */
  readonly capitalisedOnlyMonths: readonly string[];
  /** Weekday names as written, Monday first. */
  readonly weekdays: readonly string[];
  /** Relative dates a short answer may be ("vorig jaar", "l'an dernier", "next week"), as regex sources. */
  readonly relativeDates: readonly string[];
  /**
   * Phrases that make what follows a plan, an intent or an expectation rather than a fact ("het is de
   * bedoeling dat", "doit atteindre", "is expected to", future tense auxiliaries), as regex sources over
   * folded text. A figure beside one of them is not the count of now.
   */
  readonly intent: readonly string[];
  /** Phrases that place a fact in the present ("op dit moment", "actuellement", "currently"), as regex sources. */
  readonly present: readonly string[];
  /** Verbs of a where-question that say a place is asked for ("ligt", "se trouve"), folded; not looked for in sentences. */
  readonly placeVerbs: readonly string[];
  /**
   * Words about the question rather than its subject, folded: "do" as an auxiliary ("deed", "fait"),
   * "happen" ("What happened to…"), "take place" ("s'est déroulée"). Not looked for in sentences.
   */
  readonly auxiliaryWords: readonly string[];
  /** Words that link a noun to its owner ("of", "van", "du"), folded. */
  readonly ofWords: readonly string[];
  /** Phrases that give a reason or what something followed ("omdat", "en raison de", "after the"), as regex sources over folded text. */
  readonly causeMarkers: readonly string[];
  /**
   * The question words of each kind of answer, as regex sources over a folded question, matched
   * between word boundaries: a quantity ("how many", "hoeveel", "combien de"), a date, a person, a
   * place. Read in that order: "how many" before "when".
   */
  readonly questionWords: {
    readonly number: readonly string[];
    readonly date: readonly string[];
    readonly person: readonly string[];
    readonly place: readonly string[];
  };
  /** The question words of a "which X" question, before the noun it asks about, as regex sources. */
  readonly whichWords: readonly string[];
  /** Nouns after which/what that name the kind of answer ("date", "nombre", "stad"), folded. */
  readonly kindNouns: { readonly date: readonly string[]; readonly number: readonly string[]; readonly place: readonly string[] };
  /** Relative pronouns that open a clause describing a noun ("that", "die", "qui"), folded. */
  readonly relativePronouns: readonly string[];
  /** Verbs of saying, knowing and thinking after which a relative pronoun opens what was said, as regex sources. */
  readonly sayingVerbs: readonly string[];
  /** Words of a naming question that say a name is asked for ("called", "heet", "appelait"), folded. */
  readonly namingWords: readonly string[];
  /** The `stopword` package's list of this language ("nld", "fra", "eng"): the function words dropped from the index and queries. */
  readonly stopwordList: string;
  /**
   * Question words, lower case as written ("hoeveel", "où"): the stopword lists lack most of them, yet
   * in a question of three words they are the only evidence of its language; queries drop them.
   */
  readonly questionWordForms: readonly string[];
  /**
   * Function words the stopword list leaves out, folded: modal and auxiliary forms, pronouns,
   * conjunctions, adverbs of degree and time, prepositions ("doit", "zouden", "supposed", "behind").
   * They carry tense and mood, not what a question is about: dropped from queries.
   */
  readonly functionWords: readonly string[];
  /** Words about where an answer comes from ("according", "volgens", "selon", "article"), folded: not searched. */
  readonly sourceWords: readonly string[];
  /** Adverbs that link a sentence to the one before ("bovendien", "toutefois", "however"), folded: never a short answer. */
  readonly linkingAdverbs: readonly string[];
  /**
   * Titles and institutions the language capitalises by convention, not names ("Prime Minister",
   * "la ministre des Armées", "minister van Defensie"), folded: a document that answers need not write them.
   */
  readonly titles: readonly string[];
  /** Numbers written as words. */
  readonly numbers: NumberWords;
  /** The timeline's date words: relative phrases, year and month cues, directions, counted nouns, future markers. */
  readonly timeline: TimelineWords;
  /** Nouns a which/what question asks about that a description answers, not a name ("role", "reden", "raison"), folded. */
  readonly descriptionNouns: readonly string[];
}
