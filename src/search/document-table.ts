import { LANGS, type Document, type DocumentMeta, type Lang, type Passage } from '../types.js';

/** Numbers kept per passage in {@link DocumentTable}'s `passages` array. */
const FIELDS = 5;
const [START, END, BYTE_START, BYTE_END, LANG] = [0, 1, 2, 3, 4] as const;

/** A {@link DocumentTable} as saved: metadata objects and byte arrays. */
export interface TableParts {
  readonly metas: readonly DocumentMeta[];
  /** Five numbers a passage: character start and end in its document's text, byte start and end in `texts`, language (index in LANGS). */
  readonly passages: Uint32Array;
  /** Where each document's text starts in `texts` (bytes), and its end: one more than the documents. */
  readonly textStart: Uint32Array;
  /** The documents' cleaned texts, UTF-8, one after the other. */
  readonly texts: Buffer;
}

/**
 * The documents of an index in a compact form: their metadata as objects, their cleaned texts as one
 * UTF-8 buffer, and their passages as numbers (character offsets, byte offsets into the buffer,
 * language) in one typed array. A passage (or a document) is made as an object, with its text, only
 * when asked for: a hit, an answer, a reindex. At 30,000 articles (126,104 passages) this holds in
 * about 76 MB (17 MB of heap, 59 MB of text bytes) what documents and passages as objects held in
 * about 155 MB of heap, and its texts and offsets are saved and read back as bytes (persist.ts).
 */
export class DocumentTable {
  private readonly docIndexById: ReadonlyMap<string, number>;
  private readonly passageIndexById: ReadonlyMap<string, number>;
  /** Each passage's id, by position: the same strings as the keys of `passageIndexById`. */
  private readonly passageIds: readonly string[];
  /** `firstPassage[d]`…`firstPassage[d + 1]`: the passages of document `d`. */
  private readonly firstPassage: Uint32Array;
  /** The document of each passage. */
  private readonly passageDoc: Uint32Array;

  private constructor(
    /** Document metadata, in corpus order. */
    readonly metas: readonly DocumentMeta[],
    /** {@link FIELDS} numbers a passage, documents in order and each document's passages in order. */
    private readonly passages: Uint32Array,
    private readonly texts: Buffer,
    /** `textStart[d]`…`textStart[d + 1]`: the bytes of document `d`'s text in `texts`. */
    private readonly textStart: Uint32Array,
    /**
     * Passage ids (`docId#n`) to index, e.g. the strings MiniSearch already holds for its own ids, so
     * they are not held twice. Null: made here from the metadata.
     */
    ids: Iterable<string> | null,
  ) {
    const passageCount = passages.length / FIELDS;
    if (!Number.isInteger(passageCount)) throw new Error('passage table of the wrong length');
    this.docIndexById = new Map(metas.map((m, i) => [m.id, i]));
    this.firstPassage = new Uint32Array(metas.length + 1);
    if (textStart.length !== metas.length + 1 || textStart[metas.length] !== texts.length) throw new Error('text offsets do not fit the texts');
    this.passageDoc = new Uint32Array(passageCount);
    let p = 0;
    for (let d = 0; d < metas.length; d++) {
      const meta = metas[d] as DocumentMeta;
      this.firstPassage[d] = p;
      for (let k = 0; k < meta.passageCount; k++, p++) this.passageDoc[p] = d;
    }
    if (p !== passageCount) throw new Error(`passage table holds ${passageCount} passages, the documents ${p}`);
    this.firstPassage[metas.length] = p;
    const byId = new Map<string, number>();
    const passageIds = new Array<string>(passageCount);
    for (const id of ids ?? this.madeIds()) {
      const at = id.lastIndexOf('#');
      const d = this.docIndexById.get(id.slice(0, at));
      const k = Number(id.slice(at + 1));
      if (at < 0 || d === undefined || !Number.isInteger(k) || k < 0 || k >= (metas[d] as DocumentMeta).passageCount) {
        throw new Error(`passage ${id} is not in the documents`);
      }
      byId.set(id, (this.firstPassage[d] as number) + k);
      passageIds[(this.firstPassage[d] as number) + k] = id;
    }
    if (byId.size !== passageCount) throw new Error(`${byId.size} passage ids for ${passageCount} passages`);
    this.passageIndexById = byId;
    this.passageIds = passageIds;
  }

  /** From parsed documents (a build): texts are encoded once, passage offsets kept as numbers. */
  static fromDocuments(documents: readonly Document[]): DocumentTable {
    return DocumentTable.assemble(documents, null);
  }

  /**
   * A new table of `entries` in this order: a number keeps this table's document at that position
   * (its bytes and offsets copied, nothing decoded or encoded again), a document is encoded as in
   * {@link fromDocuments}. What a reindex makes: at 30,000 articles, a copy of 59 MB of bytes and of
   * the offsets instead of encoding every text again. This table is left as it is.
   */
  withDocuments(entries: readonly (number | Document)[]): DocumentTable {
    return DocumentTable.assemble(entries, this);
  }

  private static assemble(entries: readonly (number | Document)[], from: DocumentTable | null): DocumentTable {
    const kept = (e: number | Document): number => {
      if (typeof e !== 'number') return -1;
      if (!from || !Number.isInteger(e) || e < 0 || e >= from.metas.length) throw new Error(`document ${e} is not in the table`);
      return e;
    };
    let passageCount = 0;
    let bytes = 0;
    for (const e of entries) {
      const d = kept(e);
      if (d >= 0) {
        passageCount += (from as DocumentTable).metas[d]!.passageCount;
        bytes += (from as DocumentTable).textStart[d + 1]! - (from as DocumentTable).textStart[d]!;
      } else {
        passageCount += (e as Document).passages.length;
        // Two bytes of room a boundary: see the note on surrogate pairs below.
        bytes += Buffer.byteLength((e as Document).text, 'utf8') + (e as Document).passages.length * 4;
      }
    }
    const passages = new Uint32Array(passageCount * FIELDS);
    const texts = Buffer.allocUnsafeSlow(bytes);
    const textStart = new Uint32Array(entries.length + 1);
    const metas: DocumentMeta[] = [];
    // The passages' own id strings: MiniSearch was handed (or holds) the same ones.
    const ids: string[] = [];
    let p = 0;
    let base = 0;
    // Kept documents' bytes that follow each other in both tables are copied in one go (a run).
    const run = { from: 0, to: 0, at: 0 };
    const flush = () => {
      if (run.to > run.from) (from as DocumentTable).texts.copy(texts, run.at, run.from, run.to);
      run.from = run.to = 0;
    };
    entries.forEach((e, i) => {
      const k = kept(e);
      if (k >= 0) {
        const src = from as DocumentTable;
        const [start, end] = [src.textStart[k]!, src.textStart[k + 1]!];
        if (run.to !== start || run.at + (run.to - run.from) !== base) {
          flush();
          Object.assign(run, { from: start, to: start, at: base });
        }
        run.to = end;
        const shift = base - start;
        for (let q = src.firstPassage[k]!; q < src.firstPassage[k + 1]!; q++, p++) {
          const [from5, to5] = [q * FIELDS, p * FIELDS];
          passages[to5 + START] = src.passages[from5 + START]!;
          passages[to5 + END] = src.passages[from5 + END]!;
          passages[to5 + BYTE_START] = src.passages[from5 + BYTE_START]! + shift;
          passages[to5 + BYTE_END] = src.passages[from5 + BYTE_END]! + shift;
          passages[to5 + LANG] = src.passages[from5 + LANG]!;
          ids.push(src.passageIds[q]!);
        }
        base += end - start;
        metas.push(src.metas[k]!);
        textStart[i + 1] = base;
        return;
      }
      flush();
      const d = e as Document;
      if (d.passages.length !== d.passageCount) throw new Error(`document ${d.id}: ${d.passages.length} passages, passageCount ${d.passageCount}`);
      // The text is encoded piece by piece between passage boundaries: each boundary's byte offset is
      // where its piece was written, at no extra pass. (A boundary inside a surrogate pair, which
      // paragraph and sentence cuts never make, would encode each half as U+FFFD, offsets still right.)
      const byteAt = new Map<number, number>([[0, base]]);
      let at = 0;
      for (const next of [...new Set(d.passages.flatMap((x) => [x.start, x.end]))].sort((a, b) => a - b)) {
        base += texts.write(d.text.slice(at, next), base, 'utf8');
        at = next;
        byteAt.set(next, base);
      }
      base += texts.write(d.text.slice(at), base, 'utf8');
      for (const [k, passage] of d.passages.entries()) {
        if (passage.index !== k) throw new Error(`document ${d.id}: passage ${passage.id} out of order`);
        const row = (p++) * FIELDS;
        passages[row + START] = passage.start;
        passages[row + END] = passage.end;
        passages[row + BYTE_START] = byteAt.get(passage.start) as number;
        passages[row + BYTE_END] = byteAt.get(passage.end) as number;
        passages[row + LANG] = LANGS.indexOf(passage.lang);
        ids.push(passage.id);
      }
      const { text: _t, passages: _p, ...meta } = d;
      metas.push(meta);
      textStart[i + 1] = base;
    });
    flush();
    return new DocumentTable(metas, passages, texts.subarray(0, base), textStart, ids);
  }

  /**
   * From saved parts (persist.ts); `ids` as for the constructor. Throws when they do not fit
   * together (a damaged file), so the caller rebuilds.
   */
  static restore(parts: TableParts, ids: Iterable<string> | null = null): DocumentTable {
    const { metas, passages, texts, textStart } = parts;
    for (let d = 0; d < textStart.length - 1; d++) if (textStart[d]! > textStart[d + 1]!) throw new Error('text offsets out of order');
    for (let i = 0; i < passages.length; i += FIELDS) {
      const [s, e, bs, be, lang] = [passages[i + START], passages[i + END], passages[i + BYTE_START], passages[i + BYTE_END], passages[i + LANG]];
      if (!(s! <= e! && bs! <= be! && be! <= texts.length && lang! < LANGS.length)) throw new Error('passage table out of range');
    }
    return new DocumentTable(metas, passages, texts, textStart, ids);
  }

  /** What persist.ts saves: the metadata (JSON) and the byte arrays. */
  parts(): TableParts {
    return { metas: this.metas, passages: this.passages, texts: this.texts, textStart: this.textStart };
  }

  get passageCount(): number {
    return this.passageDoc.length;
  }

  /** Document metadata, in corpus order (with {@link document}, a DocumentSource). */
  documents(): readonly DocumentMeta[] {
    return this.metas;
  }

  /** The position of a document by id, or undefined. */
  documentIndex(id: string): number | undefined {
    return this.docIndexById.get(id);
  }

  /** The position of a passage by id (`docId#n`), or undefined. */
  passageIndex(id: string): number | undefined {
    return this.passageIndexById.get(id);
  }

  /** Metadata of the document a passage (by position) belongs to. */
  metaOfPassage(i: number): DocumentMeta {
    return this.metas[this.passageDoc[i] as number] as DocumentMeta;
  }

  passageLang(i: number): Lang {
    return LANGS[this.passages[i * FIELDS + LANG] as number] as Lang;
  }

  /** A passage's text, decoded from its own bytes only. */
  passageText(i: number): string {
    const row = i * FIELDS;
    return this.texts.toString('utf8', this.passages[row + BYTE_START], this.passages[row + BYTE_END]);
  }

  /** A passage (by position) as an object, with its text. */
  passage(i: number): Passage {
    const d = this.passageDoc[i] as number;
    const meta = this.metas[d] as DocumentMeta;
    const k = i - (this.firstPassage[d] as number);
    const row = i * FIELDS;
    return {
      id: this.passageIds[i] as string,
      docId: meta.id,
      index: k,
      text: this.passageText(i),
      start: this.passages[row + START] as number,
      end: this.passages[row + END] as number,
      lang: this.passageLang(i),
    };
  }

  /** A whole document (text and passages) by id, or undefined. */
  document(id: string): Document | undefined {
    const d = this.docIndexById.get(id);
    if (d === undefined) return undefined;
    const meta = this.metas[d] as DocumentMeta;
    const text = this.texts.toString('utf8', this.textStart[d], this.textStart[d + 1]);
    const passages: Passage[] = [];
    for (let i = this.firstPassage[d] as number; i < (this.firstPassage[d + 1] as number); i++) {
      const p = this.passage(i);
      // A slice of the document's text, as a freshly split document has: no second copy of it.
      passages.push({ ...p, text: text.slice(p.start, p.end) });
    }
    return { ...meta, text, passages };
  }

  private *madeIds(): Iterable<string> {
    for (const m of this.metas) for (let k = 0; k < m.passageCount; k++) yield `${m.id}#${k}`;
  }
}
