import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { republish, seededRandom } from '../../src/bench/dedupe-pairs.js';
import {
  decodeFingerprint,
  dedupeWords,
  encodeFingerprint,
  fingerprint,
  NEAR_DUPLICATE_THRESHOLD,
  NearDuplicateIndex,
  similarity,
} from '../../src/sources/near-duplicate.js';
import { SEEDS_DIR } from '../helpers/seeds.js';

/** The seed articles: five different stories on one topic (the French withdrawal from Mali). */
const seeds = readdirSync(SEEDS_DIR)
  .sort()
  .map((file) => ({ id: file, text: readFileSync(join(SEEDS_DIR, file), 'utf8').replace(/^\s*date \S+\s*/, '') }));

describe('dedupeWords', () => {
  it('folds case and accents and splits glued sentences', () => {
    expect(dedupeWords('Élysée: la décision.Consternant « Mali »')).toEqual(['elysee', 'la', 'decision', 'consternant', 'mali']);
  });
});

describe('fingerprint and similarity', () => {
  it('scores a text against itself 1 and survives encoding', () => {
    const fp = fingerprint(seeds[0]!.text);
    expect(similarity(fp, fp)).toBe(1);
    expect(similarity(decodeFingerprint(encodeFingerprint(fp))!, fp)).toBe(1);
    expect(decodeFingerprint(new Uint8Array(12))).toBeNull();
  });

  it('scores a republished copy (new lead, byline, footer, edits) above the threshold', () => {
    const random = seededRandom(7);
    for (const seed of seeds) {
      const copy = republish(seed, 'Une autre actualité du jour', random);
      expect(copy, seed.id).not.toBeNull();
      expect(similarity(fingerprint(seed.text), fingerprint(copy!.text)), seed.id).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    }
  });

  it('scores different articles on the same topic below the threshold', () => {
    for (const a of seeds) {
      for (const b of seeds) {
        if (a === b) continue;
        expect(similarity(fingerprint(a.text), fingerprint(b.text)), `${a.id} ~ ${b.id}`).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
      }
    }
  });
});

describe('NearDuplicateIndex', () => {
  const index = new NearDuplicateIndex<string>();
  for (const seed of seeds) index.add(seed.id, fingerprint(seed.text));

  it('finds the original of a republished copy among the documents', () => {
    const copy = republish(seeds[2]!, 'Lire aussi', seededRandom(3))!;
    expect(index.find(fingerprint(copy.text))?.id).toBe(seeds[2]!.id);
  });

  it('finds nothing for an article on the same topic that is not a copy', () => {
    const others = new NearDuplicateIndex<string>();
    for (const seed of seeds.slice(1)) others.add(seed.id, fingerprint(seed.text));
    expect(others.find(fingerprint(seeds[0]!.text))).toBeNull();
  });

  it('leaves out a removed document and the id asked to skip', () => {
    const own = new NearDuplicateIndex<string>();
    own.add('a', fingerprint(seeds[1]!.text));
    own.add('b', fingerprint(seeds[1]!.text));
    expect(own.findAll(fingerprint(seeds[1]!.text)).map((m) => m.id).sort()).toEqual(['a', 'b']);
    expect(own.find(fingerprint(seeds[1]!.text), 'a')?.id).toBe('b');
    own.remove('b');
    expect(own.find(fingerprint(seeds[1]!.text), 'a')).toBeNull();
    expect(own.size).toBe(1);
  });

  it('never calls a text too short to judge a duplicate', () => {
    const own = new NearDuplicateIndex<string>();
    own.add('short', fingerprint('Mali: Barkhane se retire.'));
    expect(own.size).toBe(0);
    expect(own.find(fingerprint('Mali: Barkhane se retire.'))).toBeNull();
  });
});
