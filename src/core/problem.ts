/**
 * Problems are values, never exceptions: the core reports what is wrong with an input and where,
 * and the edges (Problems panel, CLI `path:line:column: message`) decide how to show it.
 */
import type { ProjectProblemCode } from './project/projectReader';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Every problem code, so the edges key on codes the compiler checks (never on message text).
 * The project file's codes are listed beside its reader.
 */
export type ProblemCode =
  | ProjectProblemCode
  | 'annotation-fuzzy'
  | 'annotation-moved'
  | 'annotation-orphaned'
  | 'attribute-value'
  | 'brat-astral'
  | 'brat-bom'
  | 'brat-crlf'
  | 'brat-discontinuous'
  | 'brat-duplicate-id'
  | 'brat-invalid-line'
  | 'brat-unknown-reference'
  | 'conflict-markers'
  | 'duplicate-id'
  | 'duplicate-key'
  | 'encoding-unsupported'
  | 'export-attribute'
  | 'export-blank'
  | 'export-name-clash'
  | 'export-nested'
  | 'export-note-flattened'
  | 'export-trimmed'
  | 'export-type-name'
  | 'export-unplaced'
  | 'format-missing'
  | 'fragments-invalid'
  | 'format-unsupported'
  | 'gazetteer-row'
  | 'gazetteer-syntax'
  | 'gazetteer-unknown-type'
  | 'gazetteer-unreadable'
  | 'import-conflict'
  | 'import-file-name'
  | 'import-invalid-span'
  | 'import-invalid-type'
  | 'import-not-an-export'
  | 'import-not-corpus'
  | 'import-path-refused'
  | 'import-source-unreadable'
  | 'import-offsets-converted'
  | 'import-span-out-of-range'
  | 'import-status-kept'
  | 'import-text-differs'
  | 'import-text-mismatch'
  | 'import-text-missing'
  | 'import-text-not-written'
  | 'import-text-unreadable'
  | 'invalid-annotation'
  | 'invalid-field'
  | 'invalid-relation'
  | 'invalid-status'
  | 'invalid-suggestion'
  | 'jsonl-file-name'
  | 'jsonl-invalid-label'
  | 'jsonl-labels'
  | 'jsonl-no-text'
  | 'jsonl-syntax'
  | 'link-prefix'
  | 'missing-field'
  | 'not-a-sidecar'
  | 'overlap'
  | 'project-unreadable'
  | 'reattach-failed'
  | 'relation-argument-type'
  | 'relation-dangling'
  | 'relation-unknown-type'
  | 'sidecar-busy'
  | 'suggest-skipped'
  | 'suggestion-mismatch'
  | 'suggestion-range'
  | 'sidecar-change-failed'
  | 'sidecar-changed'
  | 'sidecar-empty'
  | 'sidecar-encoding'
  | 'sidecar-internal-error'
  | 'sidecar-not-written'
  | 'sidecar-too-large'
  | 'sidecar-unreadable'
  | 'sidecar-without-text'
  | 'sidecar-write-failed'
  | 'source-missing'
  | 'span-out-of-range'
  | 'span-reversed'
  | 'sidecar-too-many-problems'
  | 'sidecar-read-only'
  | 'yaml-ambiguous-line-break'
  | 'span-untrimmed'
  | 'text-changed'
  | 'text-encoding'
  | 'text-mismatch'
  | 'text-missing'
  | 'text-not-saved'
  | 'text-unreadable'
  | 'unit-unsupported'
  | 'unknown-entity-type'
  | 'unknown-attribute'
  | 'yaml-alias'
  | 'yaml-complex-key'
  | 'yaml-multiple-documents'
  | 'yaml-tag'
  | 'yaml-too-deep';

export interface Problem {
  /** Stable machine-readable code, e.g. `yaml-syntax`, `conflict-markers`, `text-mismatch` (see `ProblemCode`). */
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly message: string;
  /** Path of the file the problem is in, as the caller named it (relative paths for the CLI). */
  readonly file: string;
  /** 1-based line and column (column counts code points) of where the problem starts. */
  readonly line: number;
  readonly column: number;
}

export function problem(
  code: ProblemCode,
  message: string,
  file: string,
  line = 1,
  column = 1,
  severity: Severity = 'error',
): Problem {
  return { code, severity, message, file, line, column };
}

/** `path:line:column: message`, the form editors and CI link to. */
export function formatProblem(item: Problem): string {
  return `${item.file}:${item.line}:${item.column}: ${item.severity}: ${item.message}`;
}
