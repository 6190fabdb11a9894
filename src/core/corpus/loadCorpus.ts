/**
 * Loads every text file of a corpus with its sidecar, a few dozen files at a time, and sorts each
 * file's annotations into those that sit where their text is now (`placed`, safe to export) and
 * those that were only found approximately or not at all (`unplaced`), which exporters must skip
 * rather than write at offsets that would slice the wrong text.
 */
import { fileStatus } from './fileStatus';
import type { Problem } from '../problem';
import { sortAnnotations } from '../sidecar/serializeSidecar';
import type { Annotation, SourcePosition, SidecarStatus } from '../sidecar/model';
import { holdsText } from '../store/anchorAnnotations';
import type { LoadedSidecar, SidecarStore } from '../store/sidecarStore';
import { mapConcurrent } from './mapConcurrent';

export interface UnplacedAnnotation {
  /** The annotation as its sidecar stores it. */
  annotation: Annotation;
  kind: 'orphan' | 'fuzzy';
  /** Where its entry is written in the sidecar. */
  position: SourcePosition;
}

export interface CorpusDocument {
  /** Path of the text file relative to the corpus root, with forward slashes. */
  path: string;
  loaded: LoadedSidecar;
  /** Whether a sidecar file exists for this text. */
  hasSidecar: boolean;
  status: SidecarStatus;
  /** Annotations whose offsets hold their text in the current text, in canonical order. */
  placed: Annotation[];
  unplaced: UnplacedAnnotation[];
}

export interface CorpusFailure {
  path: string;
  problems: Problem[];
}

export interface CorpusLoad {
  /** Documents that could be read, in the order of the files given. */
  documents: CorpusDocument[];
  /** Files whose text or sidecar could not be read at all. */
  failures: CorpusFailure[];
  /** Every problem found, documents' and failures' alike, in file order. */
  problems: Problem[];
}

export interface LoadCorpusOptions {
  /** Files read at the same time; 32 by default. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function loadCorpus(store: SidecarStore, files: readonly string[], options: LoadCorpusOptions = {}): Promise<CorpusLoad> {
  const results = await mapConcurrent(files, options.concurrency ?? 32, (file) => store.load(file), options.onProgress);
  const documents: CorpusDocument[] = [];
  const failures: CorpusFailure[] = [];
  const problems: Problem[] = [];
  results.forEach((result, index) => {
    for (const item of result.problems) problems.push(item);
    if (result.ok) documents.push(corpusDocument(files[index], result));
    else failures.push({ path: files[index], problems: result.problems });
  });
  return { documents, failures, problems };
}

export function corpusDocument(path: string, loaded: LoadedSidecar): CorpusDocument {
  const placed: Annotation[] = [];
  const unplaced: UnplacedAnnotation[] = [];
  loaded.sidecar.annotations.forEach((annotation, index) => {
    const anchor = loaded.anchors[index];
    if (anchor === undefined || anchor.kind === 'exact' || anchor.kind === 'moved') {
      const moved =
        // Most annotations are where they were written: the very object, not a copy of it.
        anchor === undefined || (anchor.fragments === undefined && anchor.start === annotation.start && anchor.end === annotation.end && annotation.fragments === undefined)
          ? annotation
          : anchor.fragments === undefined
            ? { ...annotation, start: anchor.start, end: anchor.end }
            : { ...annotation, start: anchor.start, end: anchor.end, fragments: anchor.fragments.map(([start, end]): [number, number] => [start, end]) };
      // Exact and moved anchors hold the quote by construction; checked again because an
      // exporter writing a wrong span is the one failure this module exists to prevent.
      if (holdsText(moved, loaded.text)) {
        placed.push(moved);
        return;
      }
    }
    const position = loaded.positions[index] ?? { line: 1, column: 1 };
    unplaced.push({ annotation, kind: anchor?.kind === 'fuzzy' ? 'fuzzy' : 'orphan', position: { line: position.line, column: position.column } });
  });
  return {
    path,
    loaded,
    hasSidecar: loaded.version !== undefined,
    status: fileStatus(loaded.sidecar.status, loaded.sidecar.annotations.length),
    placed: [...sortAnnotations(placed)],
    unplaced,
  };
}
