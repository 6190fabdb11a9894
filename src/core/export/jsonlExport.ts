/**
 * doccano's JSONL: one document per line, `{"text", "label": [[start, end, type], ...]}`, plus the
 * corpus file and the annotation ids (parallel to `label`) as metadata keys, which doccano keeps
 * and the importer reads back. Offsets count code points (as Python does) unless UTF-16 is asked
 * for, which is what doccano's web page counts (doccano #2290: emoji shift later spans).
 */
import { singleFileOutput, type ExportInput, type ExportOutput } from './exportTypes';
import { jsonLine } from './jsonLine';

export function exportJsonl(input: ExportInput): ExportOutput {
  const utf16 = input.offsets === 'utf16';
  const annotations = input.documents.reduce((sum, document) => sum + document.placed.length, 0);
  const unit = utf16 ? 'UTF-16 code units (as JavaScript and doccano count)' : 'Unicode code points (as Python counts)';
  return singleFileOutput(() => documentLines(input.documents, utf16), {
    warnings: [],
    documents: input.documents.length,
    annotations,
    notes: [`Offsets count ${unit}; notes, attributes and annotators are not in this format (use yaml to keep them).`],
  });
}

/** One line per document, made when the writer gets to it. */
function* documentLines(documents: ExportInput['documents'], utf16: boolean): Generator<string> {
  for (const document of documents) {
    const { text, decoded } = document.loaded;
    const at = (offset: number) => (utf16 ? text.toUtf16(offset) : offset);
    const record: Record<string, unknown> = {
      text: decoded.text,
      label: document.placed.map((annotation) => [at(annotation.start), at(annotation.end), annotation.type]),
      file: document.path,
      annotation_ids: document.placed.map((annotation) => annotation.id),
    };
    if (decoded.bom) record['bom'] = true;
    yield jsonLine(record);
  }
}
