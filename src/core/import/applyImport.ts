/**
 * Writes what an import reader found into the corpus: the text file when the corpus has none
 * yet, then the sidecar through `SidecarStore.update` (a merge with what is on disk, written
 * atomically). Every span is checked against the text first; one that does not hold the text its
 * source says it holds is reported at its line in the source and never imported.
 *
 * A document is refused before anything is read or written when its path is not a file an
 * import may create (hidden, a file tools run: see `importRefusal`), not included by the
 * project's globs, or refused by the corpus file system (`writeRefusal`: a link out of the root
 * on its way). Imports create corpus texts and their sidecars, nothing else.
 */
import type { CorpusMatcher } from '../project';
import { problem, type Problem, type ProblemCode } from '../problem';
import { createSidecar } from '../sidecar/createSidecar';
import { fragmentShapeProblem, joinedText } from '../sidecar/fragments';
import { baseName } from '../sidecar/sidecarPath';
import { applyAnchors } from '../store/anchorAnnotations';
import type { FileSystem } from '../store/fileSystem';
import type { SidecarWriter } from '../store/sidecarWriter';
import { CodePointIndex } from '../text/codePoints';
import { decodeText } from '../text/decodeText';
import type { ImportDocument, ImportEntity } from './importTypes';
import { mergeImported, type MergeOptions, type MergeOutcome } from './mergeImported';
import { importRefusal } from './safeCorpusPath';
import { appendAll } from './appendAll';
import { textDifference } from './textDifference';

export interface ApplyImportOptions {
  /** The corpus, with paths relative to its root; writing must create missing folders. */
  corpus: FileSystem;
  /** A store over the same file system. */
  store: SidecarWriter;
  knownTypes?: ReadonlySet<string>;
  /** The project's globs: an import creates and tags only files they include. */
  isCorpusFile?: CorpusMatcher;
  /**
   * Why the corpus would refuse to write this path (a link out of the root on its way, say), or
   * undefined. Asked before anything is read or written, dry runs included.
   */
  writeRefusal?: (path: string) => Promise<string | undefined>;
  /** Check everything and count what would change, but write nothing. */
  dryRun?: boolean;
  annotator?: string;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  /** Documents whose annotations were merged (or would be, in a dry run). */
  documents: number;
  /** Documents not imported at all (their text differs from the corpus, or is missing). */
  refused: number;
  /** Text files created in the corpus. */
  createdTexts: string[];
  sidecarsWritten: number;
  added: number;
  /** Already in the sidecar: importing the same data again adds nothing. */
  present: number;
  conflicts: number;
  /** Spans refused because they do not hold their text (or are out of range). */
  rejected: number;
  /** Problems in the import files. */
  sourceProblems: Problem[];
  /** Problems with corpus files and sidecars (paths relative to the corpus root). */
  corpusProblems: Problem[];
}

export async function applyImport(documents: readonly ImportDocument[], options: ApplyImportOptions): Promise<ImportReport> {
  const report: ImportReport = { documents: 0, refused: 0, createdTexts: [], sidecarsWritten: 0, added: 0, present: 0, conflicts: 0, rejected: 0, sourceProblems: [], corpusProblems: [] };
  const merge: MergeOptions = { annotator: options.annotator, now: options.now ?? new Date() };
  let done = 0;
  // One document at a time: two records of a JSONL file may name the same file.
  for (const document of documents) {
    await importDocument(document, options, merge, report);
    options.onProgress?.(++done, documents.length);
  }
  return report;
}

async function importDocument(document: ImportDocument, options: ApplyImportOptions, merge: MergeOptions, report: ImportReport): Promise<void> {
  const refuse = (code: ProblemCode, message: string) => {
    report.refused++;
    report.sourceProblems.push(problem(code, message, document.where.file, document.where.line, document.where.column));
  };
  const refusal = importRefusal(document.path) ?? (options.isCorpusFile !== undefined && !options.isCorpusFile(document.path) ? `${document.path} is not included by the project's corpus globs; an import creates only corpus texts and their sidecars.` : undefined);
  if (refusal !== undefined) {
    refuse('import-not-corpus', `${refusal} Nothing imported for it.`);
    return;
  }
  let outside: string | undefined;
  try {
    outside = await options.writeRefusal?.(document.path);
  } catch (error) {
    outside = `${document.path} could not be checked (${error instanceof Error ? error.message : String(error)}).`;
  }
  if (outside !== undefined) {
    refuse('import-path-refused', `${outside} Nothing imported for it.`);
    return;
  }
  let existing: Uint8Array | undefined;
  try {
    existing = await options.corpus.readFile(document.path);
  } catch (error) {
    refuse('import-text-unreadable', `${document.path} could not be read (${error instanceof Error ? error.message : String(error)}); nothing imported for it.`);
    return;
  }
  let text: string;
  if (existing !== undefined) {
    text = decodeText(existing).text;
    if (document.text !== undefined && document.text !== text) {
      refuse('import-text-differs', `The text differs from the corpus file ${document.path} (${textDifference(text, document.text)}); its offsets would be wrong, so nothing is imported for it.`);
      return;
    }
  } else if (document.text !== undefined && document.bytes !== undefined) {
    text = document.text;
  } else {
    refuse('import-text-missing', `${document.path} is not in the corpus and this import does not carry its text; nothing imported for it.`);
    return;
  }

  const index = new CodePointIndex(text);
  const accepted: ImportEntity[] = [];
  for (const entity of document.entities) {
    const refusal = checkEntity(entity, index);
    if (refusal !== undefined) {
      report.rejected++;
      report.sourceProblems.push(problem(refusal.code, refusal.message, entity.where.file, entity.where.line, entity.where.column));
      continue;
    }
    if (entity.converted !== undefined) report.sourceProblems.push(problem('import-offsets-converted', entity.converted, entity.where.file, entity.where.line, entity.where.column, 'warning'));
    if (options.knownTypes !== undefined && !options.knownTypes.has(entity.annotation.type)) {
      report.sourceProblems.push(
        problem('unknown-entity-type', `"${entity.annotation.type}" is not one of the project's entity types; imported anyway (add it to news-annotator.yaml).`, entity.where.file, entity.where.line, entity.where.column, 'warning'),
      );
    }
    accepted.push(entity);
  }

  if (existing === undefined) {
    if (!options.dryRun) {
      try {
        await options.corpus.writeFileAtomic(document.path, document.bytes!);
      } catch (error) {
        refuse('import-text-not-written', `${document.path} could not be written (${error instanceof Error ? error.message : String(error)}).`);
        return;
      }
    }
    report.createdTexts.push(document.path);
  }

  let outcome: MergeOutcome | undefined;
  if (options.dryRun) {
    const loaded = existing === undefined ? undefined : await options.store.load(document.path);
    if (loaded !== undefined && !loaded.ok) {
      report.refused++;
      appendAll(report.corpusProblems, loaded.problems);
      return;
    }
    const base = loaded === undefined ? createSidecar(baseName(document.path), decodeText(document.bytes ?? new Uint8Array())) : applyAnchors(loaded.sidecar, loaded.anchors).sidecar;
    outcome = mergeImported(base, document, accepted, merge).outcome;
  } else {
    const result = await options.store.update(document.path, (sidecar) => {
      const merged = mergeImported(sidecar, document, accepted, merge);
      outcome = merged.outcome;
      return merged.sidecar;
    });
    if (!result.ok) {
      report.refused++;
      appendAll(report.corpusProblems, result.problems);
      return;
    }
    if (result.written) report.sidecarsWritten++;
    const wanted = document.sidecarSha256;
    if (wanted !== undefined && accepted.some((entity) => entity.unplaced) && result.sidecar.source.sha256 !== wanted) {
      // A new sidecar takes the text's hash; one whose annotations are not all placed keeps the
      // old hash (see sidecar-format.md), which only a second write, now unsettled, can keep.
      await options.store.update(document.path, (sidecar) => ({ ...sidecar, source: { ...sidecar.source, sha256: wanted } }));
    }
  }
  report.documents++;
  if (outcome !== undefined) {
    report.added += outcome.added;
    report.present += outcome.present;
    report.conflicts += outcome.conflicts;
    appendAll(report.sourceProblems, outcome.problems);
  }
}

function checkEntity(entity: ImportEntity, text: CodePointIndex): { code: ProblemCode; message: string } | undefined {
  const { start, end, type } = entity.annotation;
  if (type === '' || /\s/u.test(type)) return { code: 'import-invalid-type', message: `The entity type ${JSON.stringify(type)} is empty or holds spaces; not imported.` };
  if (entity.unplaced) return undefined;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
    return { code: 'import-invalid-span', message: `The span ${start}-${end} is not a span of one or more characters; not imported.` };
  }
  if (end > text.codePointLength) {
    return { code: 'import-span-out-of-range', message: `The span ${start}-${end} runs past the end of the text (${text.codePointLength} code points); not imported.` };
  }
  const fragments = entity.annotation.fragments;
  if (fragments !== undefined) {
    const shape = fragmentShapeProblem(entity.annotation);
    if (shape !== undefined) return { code: 'import-invalid-span', message: `${shape} Not imported.` };
  }
  const actual = fragments === undefined ? text.slice(start, end) : joinedText(text, fragments);
  if (actual !== entity.annotation.text) {
    return { code: 'import-text-mismatch', message: `The text at ${start}-${end} is ${JSON.stringify(actual)}, not ${JSON.stringify(entity.annotation.text)}; not imported.` };
  }
  return undefined;
}
