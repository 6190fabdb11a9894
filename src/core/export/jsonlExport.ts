/**
 * doccano's JSONL: one document per line, `{"text", "label": [[start, end, type], ...]}`, plus the
 * corpus file and the annotation ids (parallel to `label`) as metadata keys, which doccano keeps
 * and the importer reads back. Offsets count code points (as Python does) unless UTF-16 is asked
 * for, which is what doccano's web page counts (doccano #2290: emoji shift later spans).
 *
 * A document with relations uses doccano's relation layout instead of `label`: `entities`
 * (`id`, `start_offset`, `end_offset`, `label`) and `relations` (`id`, `from_id`, `to_id`,
 * `type`). doccano has no discontinuous spans: each fragment is an entity of its own (the same
 * annotation id in `annotation_ids`), and a relation points at the annotation's first fragment.
 */
import type { Annotation } from '../sidecar/model';
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
    notes: [
      `Offsets count ${unit}; notes, attributes, links and annotators are not in this format (use yaml to keep them).`,
      ...(input.documents.some((document) => document.placed.some((annotation) => annotation.fragments !== undefined)) ? ['Discontinuous spans are written as one entity per fragment (doccano has no discontinuous spans).'] : []),
    ],
  });
}

/** One line per document, made when the writer gets to it. */
function* documentLines(documents: ExportInput['documents'], utf16: boolean): Generator<string> {
  for (const document of documents) {
    const { text, decoded } = document.loaded;
    const at = (offset: number) => (utf16 ? text.toUtf16(offset) : offset);
    const pieces = document.placed.flatMap((annotation) => (annotation.fragments ?? [[annotation.start, annotation.end]]).map(([start, end]) => ({ annotation, start, end })));
    const placedIds = new Set(document.placed.map((annotation) => annotation.id));
    const relations = (document.loaded.sidecar.relations ?? []).filter((relation) => placedIds.has(relation.from) && placedIds.has(relation.to));
    let record: Record<string, unknown>;
    if (relations.length === 0) {
      record = { text: decoded.text, label: pieces.map((piece) => [at(piece.start), at(piece.end), piece.annotation.type]) };
    } else {
      // Entity ids count from 1 in file order; a relation goes to an annotation's first fragment.
      const firstEntity = new Map<Annotation, number>();
      const entities = pieces.map((piece, index) => {
        if (!firstEntity.has(piece.annotation)) firstEntity.set(piece.annotation, index + 1);
        return { id: index + 1, start_offset: at(piece.start), end_offset: at(piece.end), label: piece.annotation.type };
      });
      const byId = new Map(document.placed.map((annotation) => [annotation.id, annotation]));
      record = {
        text: decoded.text,
        entities,
        relations: relations.map((relation, index) => ({ id: index + 1, from_id: firstEntity.get(byId.get(relation.from)!)!, to_id: firstEntity.get(byId.get(relation.to)!)!, type: relation.type })),
      };
    }
    record['file'] = document.path;
    record['annotation_ids'] = pieces.map((piece) => piece.annotation.id);
    if (decoded.bom) record['bom'] = true;
    yield jsonLine(record);
  }
}
