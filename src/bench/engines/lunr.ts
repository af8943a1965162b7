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

/** The corpus languages lunr is configured for, sorted. Pure. */
export function lunrLanguages(passages: BenchInput['passages']): Lang[] {
  const counts = new Map<Lang, number>();
  for (const p of passages) counts.set(p.lang, (counts.get(p.lang) ?? 0) + 1);
  const langs = [...counts].filter(([, n]) => n >= passages.length * MIN_LANGUAGE_SHARE).map(([l]) => l);
  return langs.sort();
}

/** multiLanguage plugins by language list: making one again re-registers (and warns about) its trimmer. */
const MULTI = new Map<string, lunr.Builder.Plugin>();

/** The lunr plugin for `langs` (multiLanguage when more than one; English is lunr's own pipeline). */
function languagePlugin(langs: readonly Lang[]): lunr.Builder.Plugin | null {
  if (langs.length > 1) {
    const key = langs.join('-');
    let plugin = MULTI.get(key);
    if (!plugin) {
      plugin = L.multiLanguage(...langs);
      MULTI.set(key, plugin);
    }
    return plugin;
  }
  if (langs[0] === 'fr') return L.fr;
  if (langs[0] === 'nl') return L.nl;
  return null;
}

/**
 * `maxPassages`: lunr's build grows faster than linearly (at 100k passages: 186 s and 1.1 GB of heap on a
 * loaded 2-core machine, against 8 s at 10k), so the default bench stops it before 100k.
 */
export function lunrEngine(maxPassages?: number): EngineAdapter {
  let index: lunr.Index | null = null;
  let langs: Lang[] = [];
  const current = () => {
    if (!index) throw new Error('lunr: no index built or loaded');
    return index;
  };
  return {
    name: 'lunr',
    description: 'lunr 2 + lunr-languages (fr, nl; multiLanguage when both), query syntax characters stripped',
    ...(maxPassages === undefined ? {} : { maxPassages }),
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
      // The serialised pipeline names multiLanguage's trimmer, registered when the plugin is first made.
      languagePlugin(langs);
      index = lunr.Index.load(JSON.parse(data as string) as object);
    },
    release() {
      index = null;
    },
  };
}
