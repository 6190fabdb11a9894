/**
 * A document's entities laid over its tokens, for the token-based formats (spaCy, CoNLL). Tokens
 * never hold whitespace, so an entity that starts or ends with whitespace is trimmed to its first
 * and last non-space character (counted, for the report), and an entity of nothing but
 * whitespace is left out. The tokenizer splits tokens at every remaining entity boundary, so each
 * entity covers whole tokens.
 *
 * The spans are worked out first, without tokens; the tokens then come one at a time, so a long
 * document is never held as an array of millions of tokens.
 */
import { storedPieceTexts } from '../sidecar/fragments';
import type { CorpusDocument } from '../corpus/loadCorpus';
import type { Annotation } from '../sidecar/model';
import { codePointLength } from '../text/codePoints';
import { scanTokens, splitTokensAt, type Token } from './tokenize';

export interface EntityRange {
  annotation: Annotation;
  /** Code-point offsets of the trimmed span; always on token boundaries. */
  start: number;
  end: number;
}

export interface DocumentRanges {
  ranges: EntityRange[];
  /** Entities that began or ended with whitespace and were trimmed. */
  trimmed: Annotation[];
  /** Entities of nothing but whitespace, left out. */
  blank: Annotation[];
}

const leadingSpace = /^\s+/u;
const trailingSpace = /\s+$/u;

export function documentRanges(document: CorpusDocument): DocumentRanges {
  const trimmed: Annotation[] = [];
  const blank: Annotation[] = [];
  const ranges: EntityRange[] = [];
  for (const annotation of document.placed) {
    // A discontinuous span gives one range per fragment, each trimmed on its own.
    const texts = storedPieceTexts(annotation) ?? [];
    const pieces = (annotation.fragments ?? [[annotation.start, annotation.end]]).map(([start, end], index) => ({ start, end, text: texts[index] ?? '' }));
    let kept = 0;
    let wasTrimmed = false;
    for (const piece of pieces) {
      const lead = codePointLength(leadingSpace.exec(piece.text)?.[0] ?? '');
      if (lead === piece.end - piece.start) continue;
      const trail = codePointLength(trailingSpace.exec(piece.text)?.[0] ?? '');
      if (lead > 0 || trail > 0) wasTrimmed = true;
      ranges.push({ annotation, start: piece.start + lead, end: piece.end - trail });
      kept++;
    }
    if (kept === 0) blank.push(annotation);
    else if (wasTrimmed) trimmed.push(annotation);
  }
  return { ranges, trimmed, blank };
}

/** The document's tokens, split at every range boundary, one at a time. */
export function documentTokens(document: CorpusDocument, ranges: readonly EntityRange[]): Iterable<Token> {
  const boundaries: number[] = [];
  for (const range of ranges) boundaries.push(range.start, range.end);
  return splitTokensAt(scanTokens(document.loaded.text), document.loaded.text, boundaries);
}
