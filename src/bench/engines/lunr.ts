/** lunr 2 with lunr-languages (French, Dutch) for the languages the corpus has. */
import lunr from 'lunr';
import multi from 'lunr-languages/lunr.multi.js';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import fr from 'lunr-languages/lunr.fr.js';
import nl from 'lunr-languages/lunr.nl.js';
import type { Lang } from '../../types.js';
import type { BenchInput, EngineAdapter } from './engine.js';

// The plugins attach themselves to the lunr object once (lunr.fr, lunr.nl, lunr.multiLanguage).
stemmerSupport(lunr);
fr(lunr);
nl(lunr);
multi(lunr);

/** A language needs at least this share of the passages to get its pipeline (a misdetected passage does not). */
const MIN_LANGUAGE_SHARE = 0.01;
// lunr's query syntax (field:, fuzzy~, boost^, +required, -excluded, wildcard*) would reject or twist free text.
const QUERY_SYNTAX = /[:~^+\-*]/g;

type LunrLanguages = typeof lunr & {
  multiLanguage(...langs: string[]): lunr.Builder.Plugin;
  fr: lunr.Builder.Plugin;
  nl: lunr.Builder.Plugin;
};
const L = lunr as LunrLanguages;
/** lunr's registry of pipeline functions by label (absent from @types/lunr). */
const REGISTERED = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> }).registeredFunctions;

/** The corpus languages lunr is configured for, sorted. Pure. */
export function lunrLanguages(passages: BenchInput['passages']): Lang[] {
  const counts = new Map<Lang, number>();
  for (const p of passages) counts.set(p.lang, (counts.get(p.lang) ?? 0) + 1);
  const langs = [...counts].filter(([, n]) => n >= passages.length * MIN_LANGUAGE_SHARE).map(([l]) => l);
  return langs.sort();
}

/** The lunr plugin for `langs` (multiLanguage when more than one; English is lunr's own pipeline). */
function languagePlugin(langs: readonly Lang[]): lunr.Builder.Plugin | null {
  if (langs.length > 1) return L.multiLanguage(...langs);
  if (langs[0] === 'fr') return L.fr;
  if (langs[0] === 'nl') return L.nl;
  return null;
}

export function lunrEngine(): EngineAdapter {
  let index: lunr.Index | null = null;
  let langs: Lang[] = [];
  const current = () => {
    if (!index) throw new Error('lunr: no index built or loaded');
    return index;
  };
  return {
    name: 'lunr',
    description: 'lunr 2 + lunr-languages (fr, nl; multiLanguage when both), query syntax characters stripped',
    build(input: BenchInput) {
      langs = lunrLanguages(input.passages);
      const plugin = languagePlugin(langs);
      index = lunr(function () {
        if (plugin) this.use(plugin);
        this.ref('id');
        this.field('text');
        for (const p of input.passages) this.add({ id: p.id, text: p.text });
      });
    },
    search(query, k) {
      try {
        return current()
          .search(query.replace(QUERY_SYNTAX, ' '))
          .slice(0, k)
          .map((r) => r.ref);
      } catch (err) {
        if (err instanceof lunr.QueryParseError) return [];
        throw err;
      }
    },
    save() {
      return JSON.stringify(current());
    },
    load(data) {
      // The serialised pipeline names multiLanguage's trimmer, registered when the plugin is made.
      if (langs.length > 1 && !(`lunr-multi-trimmer-${langs.join('-')}` in REGISTERED)) {
        languagePlugin(langs);
      }
      index = lunr.Index.load(JSON.parse(data) as object);
    },
    release() {
      index = null;
    },
  };
}
