/**
 * CoNLL-2003 style: each document starts with `-DOCSTART- -X- -X- O` and a blank line, then one
 * token per line as `TOKEN POS CHUNK TAG` (POS and chunk unknown: `_`), a blank line after each
 * sentence. Tags are IOB2 (`B-` starts every entity, `I-` continues it, `O` is outside). CoNLL has
 * one tag per token, so nested and overlapping entities are reduced to the outermost (the
 * earliest, then the longest), and each one left out is reported. A sentence never ends inside
 * an entity. Tokens hold no whitespace: an entity's tokens, joined, are its text without spaces.
 * Lines are made one token at a time, as the writer asks for them.
 */
import type { CorpusDocument } from '../corpus/loadCorpus';
import { endsSentence } from './sentenceEnds';
import { describeAnnotation, formatWarnings } from './formatWarnings';
import { tokenizerDescription, type Token } from './tokenize';
import { documentRanges, documentTokens, type EntityRange } from './tokenSpans';
import { singleFileOutput, type ExportInput, type ExportOutput } from './exportTypes';

export const docStart = '-DOCSTART- -X- -X- O';

export function exportConll(input: ExportInput): ExportOutput {
  const warnings = formatWarnings();
  let annotations = 0;
  let reduced = 0;
  const documents = input.documents.map((document) => {
    const { ranges, trimmed, blank } = documentRanges(document);
    warnings.add(document, trimmed, blank);
    const { kept, dropped } = outermost(ranges);
    for (const span of dropped) {
      warnings.report(document, span.annotation, 'export-nested', `${describeAnnotation(span.annotation)} lies inside or across another entity; CoNLL keeps only the outermost.`);
    }
    reduced += dropped.length;
    annotations += kept.length;
    return { document, ranges, kept };
  });
  const notes = [`Tokenizer ${tokenizerDescription}`, 'Tags are IOB2; POS and chunk columns are "_".', ...warnings.notes()];
  if (reduced > 0) notes.push(`${reduced} nested or overlapping annotation(s) were left out (CoNLL keeps the outermost).`);
  // What the format has no column for, said rather than dropped in silence.
  const relations = input.documents.reduce((sum, document) => sum + (document.loaded.sidecar.relations?.length ?? 0), 0);
  const split = input.documents.reduce((sum, document) => sum + document.placed.filter((annotation) => annotation.fragments !== undefined).length, 0);
  const linked = input.documents.reduce((sum, document) => sum + document.placed.filter((annotation) => (annotation.links?.length ?? 0) > 0 || annotation.attributes !== undefined).length, 0);
  if (relations > 0) notes.push(`${relations} relation(s) are not in this format (CoNLL has no column for them; use yaml, brat, jsonl or spacy).`);
  if (split > 0) notes.push(`${split} discontinuous annotation(s) are written as one entity per fragment (CoNLL has no discontinuous entities).`);
  if (linked > 0) notes.push(`${linked} annotation(s) with attributes or knowledge-base links: those are not in this format.`);
  return singleFileOutput(() => allLines(documents), { warnings: warnings.problems, documents: input.documents.length, annotations, notes });
}

function* allLines(documents: ReadonlyArray<{ document: CorpusDocument; ranges: EntityRange[]; kept: EntityRange[] }>): Generator<string> {
  for (const { document, ranges, kept } of documents) yield* documentLines(document, ranges, kept);
}

function* documentLines(document: CorpusDocument, ranges: readonly EntityRange[], kept: readonly EntityRange[]): Generator<string> {
  yield docStart;
  yield '';
  let entity = 0;
  let previous: { token: Token; tag: string; inside: boolean } | undefined;
  // Every range's boundaries split tokens, dropped ones too, as the spaCy export splits them.
  for (const token of documentTokens(document, ranges)) {
    while (entity < kept.length && kept[entity].end <= token.start) entity++;
    const span = kept[entity];
    const within = span !== undefined && token.start >= span.start && token.end <= span.end;
    const tag = within ? (token.start === span.start ? 'B-' : 'I-') + span.annotation.type : 'O';
    if (previous !== undefined) {
      yield `${previous.token.text} _ _ ${previous.tag}`;
      if (endsSentence(previous.token, token, document.loaded.text, previous.inside)) yield '';
    }
    previous = { token, tag, inside: within && token.end < span.end };
  }
  if (previous !== undefined) {
    yield `${previous.token.text} _ _ ${previous.tag}`;
    yield '';
  }
}

/**
 * Ranges by start, longest first; a range overlapping one already kept is dropped. Ranges sit on
 * token boundaries, so overlapping offsets are overlapping tokens.
 */
export function outermost<Range extends { start: number; end: number }>(ranges: readonly Range[]): { kept: Range[]; dropped: Range[] } {
  const sorted = [...ranges].sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: Range[] = [];
  const dropped: Range[] = [];
  let reach = -1;
  for (const range of sorted) {
    if (range.start >= reach) {
      kept.push(range);
      reach = range.end;
    } else {
      dropped.push(range);
    }
  }
  return { kept, dropped };
}
