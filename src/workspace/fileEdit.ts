import type { AnnotationChange } from '../core/editing/annotationChange';
import type { Problem } from '../core/problem';
import type { Sidecar } from '../core/sidecar/model';
import type { CodePointIndex } from '../core/text/codePoints';

/** Works out a change from the sidecar as it is on disk now and the text it refers to. */
export type ChangeFactory = (sidecar: Sidecar, text: CodePointIndex) => AnnotationChange | Problem;

/** One file's part of an action. */
export interface FileEdit {
  readonly textPath: string;
  readonly factory: ChangeFactory;
}

/** What an action did: the changes that were written (one undo step) and what failed. */
export interface EditOutcome {
  readonly changes: ReadonlyMap<string, AnnotationChange>;
  /** The first problem of each file that was left unchanged. */
  readonly failures: readonly Problem[];
  /** True when the user stopped it; the files done until then stay changed (and undoable). */
  readonly cancelled: boolean;
  readonly added: number;
  readonly removed: number;
}

/** How a long action reports progress and learns it was cancelled. */
export interface EditProgress {
  report(done: number, total: number, textPath: string): void;
  isCancelled(): boolean;
}

export function isProblem(value: AnnotationChange | Problem): value is Problem {
  return 'code' in value && 'severity' in value;
}
