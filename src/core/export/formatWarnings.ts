/** Counts and per-annotation warnings for what a format had to change or leave out, at each sidecar line. */
import type { CorpusDocument } from '../corpus/loadCorpus';
import { problem, type Problem, type ProblemCode } from '../problem';
import type { Annotation } from '../sidecar/model';

export interface FormatWarnings {
  problems: Problem[];
  add(document: CorpusDocument, trimmed: readonly Annotation[], blank: readonly Annotation[]): void;
  /** Adds a warning about one annotation of a document. */
  report(document: CorpusDocument, annotation: Annotation, code: ProblemCode, message: string): void;
  notes(): string[];
}

export function formatWarnings(): FormatWarnings {
  const problems: Problem[] = [];
  let trimmedCount = 0;
  let blankCount = 0;
  // Where each annotation id is stored, per document: built once, not searched per warning.
  const indexes = new WeakMap<CorpusDocument, Map<string, number>>();
  const report = (document: CorpusDocument, annotation: Annotation, code: ProblemCode, message: string) => {
    let byId = indexes.get(document);
    if (byId === undefined) {
      byId = new Map();
      document.loaded.sidecar.annotations.forEach((stored, position) => {
        if (!byId!.has(stored.id)) byId!.set(stored.id, position);
      });
      indexes.set(document, byId);
    }
    const where = document.loaded.positions[byId.get(annotation.id) ?? -1] ?? { line: 1, column: 1 };
    problems.push(problem(code, message, document.loaded.sidecarPath, where.line, where.column, 'warning'));
  };
  return {
    problems,
    report,
    add(document, trimmed, blank) {
      trimmedCount += trimmed.length;
      blankCount += blank.length;
      for (const annotation of trimmed) report(document, annotation, 'export-trimmed', `${describeAnnotation(annotation)} starts or ends with whitespace; exported without it.`);
      for (const annotation of blank) report(document, annotation, 'export-blank', `${describeAnnotation(annotation)} is only whitespace; not exported (tokens hold no whitespace).`);
    },
    notes() {
      const notes: string[] = [];
      if (trimmedCount > 0) notes.push(`${trimmedCount} annotation(s) starting or ending with whitespace were trimmed to their first and last non-space character.`);
      if (blankCount > 0) notes.push(`${blankCount} annotation(s) of only whitespace were left out.`);
      return notes;
    },
  };
}

export function describeAnnotation(annotation: Annotation): string {
  const text = annotation.text.length > 40 ? annotation.text.slice(0, 40) + '…' : annotation.text;
  return `${JSON.stringify(text)} (${annotation.type}, id ${annotation.id})`;
}
