/** The corpus pipeline: reading documents into cleaned, dated, language-tagged passages. */
export { parseHeader } from './header.js';
export { cleanText, isRealParagraph } from './clean.js';
export { detectLanguage, stopwordVotes } from './language.js';
export { stopwordsFor } from './stopwords.js';
export { splitSentences, type Sentence } from './sentences.js';
export { splitPassages, isHeading, DEFAULT_MAX_PASSAGE_CHARS } from './passages.js';
export { makeTitle } from './title.js';
export { parseDocument, documentId, sha256Hex, type ParseDocumentOptions } from './document.js';
export {
  loadCorpus,
  readCorpusFile,
  validateDocumentBytes,
  listCorpusFiles,
  isCorpusFileName,
  DEFAULT_MAX_BYTES,
  CORPUS_EXTENSIONS,
} from './load.js';
