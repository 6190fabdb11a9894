/**
 * Prodigy / spaCy JSONL: one document per line with its `text`, its `tokens` (`text`, `start`,
 * `end`, `id`, `ws`) and its entity `spans` (`start`, `end`, `token_start`, `token_end` inclusive,
 * `label`). Offsets count code points, as spaCy does; spans sit on token boundaries (spaCy drops
 * those that do not, warning W030), which the tokenizer guarantees by splitting at them.
 * Overlapping spans are all written (spancat reads them; `doc.ents` wants them disjoint).
 */
import { tokenizerDescription, tokenizerName } from './tokenize';
import { singleFileOutput, type ExportInput, type ExportOutput } from './exportTypes';
import { jsonLine } from './jsonLine';
import { formatWarnings } from './formatWarnings';
import { tokenizeDocument } from './tokenSpans';

export function exportSpacy(input: ExportInput): ExportOutput {
  const lines: string[] = [];
  const warnings = formatWarnings();
  let annotations = 0;
  for (const document of input.documents) {
    const { tokens, spans, trimmed, blank } = tokenizeDocument(document);
    warnings.add(document, trimmed, blank);
    lines.push(
      jsonLine({
        text: document.loaded.decoded.text,
        tokens: tokens.map((token, id) => ({ text: token.text, start: token.start, end: token.end, id, ws: token.ws })),
        spans: spans.map((span) => ({ start: span.start, end: span.end, token_start: span.tokenStart, token_end: span.tokenEnd, label: span.annotation.type })),
        answer: 'accept',
        meta: { file: document.path, annotation_ids: spans.map((span) => span.annotation.id), tokenizer: tokenizerName },
      }),
    );
    annotations += spans.length;
  }
  return singleFileOutput(lines, { warnings: warnings.problems, documents: input.documents.length, annotations, notes: [`Tokenizer ${tokenizerDescription}`, ...warnings.notes()] });
}
