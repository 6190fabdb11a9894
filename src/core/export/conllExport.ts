/**
 * CoNLL-2003 style: each document starts with `-DOCSTART- -X- -X- O` and a blank line, then one
 * token per line as `TOKEN POS CHUNK TAG` (POS and chunk unknown: `_`), a blank line after each
 * sentence. Tags are IOB2 (`B-` starts every entity, `I-` continues it, `O` is outside). CoNLL has
 * one tag per token, so nested and overlapping entities are reduced to the outermost (the
 * earliest, then the longest), and each one left out is reported. A sentence never ends inside
 * an entity. Tokens hold no whitespace: an entity's tokens, joined, are its text without spaces.
 */
import { sentenceEnds } from './sentenceEnds';
import { describeAnnotation, formatWarnings } from './formatWarnings';
import { tokenizerDescription } from './tokenize';
import { tokenizeDocument, type TokenSpan } from './tokenSpans';
import { singleFileOutput, type ExportInput, type ExportOutput } from './exportTypes';

export const docStart = '-DOCSTART- -X- -X- O';

export function exportConll(input: ExportInput): ExportOutput {
  const lines: string[] = [];
  const warnings = formatWarnings();
  let annotations = 0;
  let reduced = 0;
  for (const document of input.documents) {
    const { tokens, spans, trimmed, blank } = tokenizeDocument(document);
    warnings.add(document, trimmed, blank);
    const { kept, dropped } = outermost(spans);
    for (const span of dropped) {
      warnings.report(document, span.annotation, 'export-nested', `${describeAnnotation(span.annotation)} lies inside or across another entity; CoNLL keeps only the outermost.`);
    }
    reduced += dropped.length;
    annotations += kept.length;

    const tags = tokens.map(() => 'O');
    const inside = new Array<boolean>(tokens.length).fill(false);
    for (const span of kept) {
      tags[span.tokenStart] = 'B-' + span.annotation.type;
      for (let index = span.tokenStart + 1; index <= span.tokenEnd; index++) tags[index] = 'I-' + span.annotation.type;
      for (let index = span.tokenStart; index < span.tokenEnd; index++) inside[index] = true;
    }
    const ends = sentenceEnds(tokens, document.loaded.text, (index) => inside[index]);
    lines.push(docStart, '');
    tokens.forEach((token, index) => {
      lines.push(`${token.text} _ _ ${tags[index]}`);
      if (ends[index]) lines.push('');
    });
  }
  const notes = [`Tokenizer ${tokenizerDescription}`, 'Tags are IOB2; POS and chunk columns are "_".', ...warnings.notes()];
  if (reduced > 0) notes.push(`${reduced} nested or overlapping annotation(s) were left out (CoNLL keeps the outermost).`);
  return singleFileOutput(lines, { warnings: warnings.problems, documents: input.documents.length, annotations, notes });
}

/** Spans by start, longest first; a span overlapping one already kept is dropped. */
export function outermost(spans: readonly TokenSpan[]): { kept: TokenSpan[]; dropped: TokenSpan[] } {
  const sorted = [...spans].sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: TokenSpan[] = [];
  const dropped: TokenSpan[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span.tokenStart > reach) {
      kept.push(span);
      reach = span.tokenEnd;
    } else {
      dropped.push(span);
    }
  }
  return { kept, dropped };
}
