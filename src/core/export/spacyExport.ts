/**
 * Prodigy / spaCy JSONL: one document per line with its `text`, its `tokens` (`text`, `start`,
 * `end`, `id`, `ws`) and its entity `spans` (`start`, `end`, `token_start`, `token_end` inclusive,
 * `label`). Offsets count code points, as spaCy does; spans sit on token boundaries (spaCy drops
 * those that do not, warning W030), which the tokenizer guarantees by splitting at them.
 * Overlapping spans are all written (spancat reads them; `doc.ents` wants them disjoint).
 * A discontinuous span is one span per fragment. Relations are written as Prodigy's relations
 * interface writes them: `relations` with `head` and `child` (the index of the last token of each
 * span), `head_span` and `child_span` (as in `spans`) and `label`; a relation to a discontinuous
 * span goes to its first fragment.
 *
 * A line is written in pieces, a few thousand tokens at a time, and is exactly what
 * `JSON.stringify` of the whole record would give: a 50 MB article has millions of tokens.
 */
import type { CorpusDocument } from '../corpus/loadCorpus';
import { tokenizerDescription, tokenizerName } from './tokenize';
import type { ExportInput, ExportOutput } from './exportTypes';
import { jsonLine } from './jsonLine';
import { formatWarnings } from './formatWarnings';
import { documentRanges, documentTokens, type EntityRange } from './tokenSpans';

const tokensPerPiece = 4096;

export function exportSpacy(input: ExportInput): ExportOutput {
  const warnings = formatWarnings();
  let annotations = 0;
  const documents = input.documents.map((document) => {
    const { ranges, trimmed, blank } = documentRanges(document);
    warnings.add(document, trimmed, blank);
    annotations += ranges.length;
    return { document, ranges };
  });
  return {
    layout: 'file',
    files: [{ path: '', chunks: () => allLines(documents) }],
    warnings: warnings.problems,
    documents: input.documents.length,
    annotations,
    notes: [`Tokenizer ${tokenizerDescription}`, ...warnings.notes()],
  };
}

function* allLines(documents: ReadonlyArray<{ document: CorpusDocument; ranges: EntityRange[] }>): Generator<string> {
  for (const { document, ranges } of documents) yield* documentLine(document, ranges);
}

function* documentLine(document: CorpusDocument, ranges: readonly EntityRange[]): Generator<string> {
  yield `{"text":${jsonLine(document.loaded.decoded.text)},"tokens":[`;
  // The token index at each range's start and end, filled in as the tokens go by.
  const startToken = new Map<number, number>();
  const endToken = new Map<number, number>();
  for (const range of ranges) {
    startToken.set(range.start, -1);
    endToken.set(range.end, -1);
  }
  let id = 0;
  let piece: string[] = [];
  for (const token of documentTokens(document, ranges)) {
    if (startToken.has(token.start)) startToken.set(token.start, id);
    if (endToken.has(token.end)) endToken.set(token.end, id);
    // Written by hand in JSON.stringify's key order: millions of tokens make this the hot loop.
    piece.push(`{"text":${jsonLine(token.text)},"start":${token.start},"end":${token.end},"id":${id},"ws":${token.ws}}`);
    id++;
    if (piece.length === tokensPerPiece) {
      yield (id > tokensPerPiece ? ',' : '') + piece.join(',');
      piece = [];
    }
  }
  if (piece.length > 0) yield (id > piece.length ? ',' : '') + piece.join(',');
  // Every range has its tokens (the tokenizer splits at its offsets); never write one that does not.
  const spans = ranges.filter((range) => startToken.get(range.start)! >= 0 && endToken.get(range.end)! >= 0);
  const written = spans.map((span) => ({ start: span.start, end: span.end, token_start: startToken.get(span.start)!, token_end: endToken.get(span.end)!, label: span.annotation.type }));
  yield `],"spans":${jsonLine(written)}`;
  const relations = relationRecords(document, spans, written);
  if (relations.length > 0) yield `,"relations":${jsonLine(relations)}`;
  yield `,"answer":"accept","meta":${jsonLine({ file: document.path, annotation_ids: spans.map((span) => span.annotation.id), tokenizer: tokenizerName })}}\n`;
}

interface WrittenSpan {
  start: number;
  end: number;
  token_start: number;
  token_end: number;
  label: string;
}

/** Prodigy's relation records for the relations whose ends were both written as spans. */
function relationRecords(document: CorpusDocument, ranges: readonly EntityRange[], written: readonly WrittenSpan[]): object[] {
  const first = new Map<string, WrittenSpan>();
  ranges.forEach((range, index) => {
    if (!first.has(range.annotation.id)) first.set(range.annotation.id, written[index]);
  });
  const records: object[] = [];
  for (const relation of document.loaded.sidecar.relations ?? []) {
    const head = first.get(relation.from);
    const child = first.get(relation.to);
    if (head === undefined || child === undefined) continue;
    records.push({ head: head.token_end, child: child.token_end, head_span: head, child_span: child, label: relation.type });
  }
  return records;
}
