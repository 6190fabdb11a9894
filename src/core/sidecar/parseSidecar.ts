/**
 * Reading a sidecar: size cap and conflict markers first, then the fast path for canonical
 * files, then the full `yaml` reader for anything else. Never throws; everything wrong comes
 * back as problems with file, line and column.
 */
import { problem, type Problem } from '../problem';
import { buildSidecar } from './buildSidecar';
import { readCanonical } from './fastPath';
import type { EntryPosition, LineEnding, Sidecar } from './model';
import { defaultMaximumSize, defaultMaximumYamlSize, findConflictMarkers } from './safetyChecks';
import { readWithYaml } from './yamlPath';

export interface ParsedSidecar {
  ok: true;
  sidecar: Sidecar;
  /** Parallel to `sidecar.annotations`: where each entry is written (never serialised). */
  positions: EntryPosition[];
  /** Parallel to `sidecar.relations`; absent or empty when the file has none. */
  relationPositions?: EntryPosition[];
  /** Parallel to `sidecar.suggestions`; absent or empty when the file has none. */
  suggestionPositions?: EntryPosition[];
  /** Warnings, and errors for fields or entries that could not be read. */
  problems: Problem[];
  /**
   * False when some of the file could not be read (an `error` problem): writing the sidecar
   * back would lose it, so the store refuses to write until a person fixes the file.
   */
  writable: boolean;
  /** Whether the file was byte for byte in the canonical layout (same line break throughout). */
  canonical: boolean;
  /** The file's line ending, so a rewrite keeps what git checked out. */
  lineEnding: LineEnding;
}

export interface UnreadableSidecar {
  ok: false;
  /** At least one problem, each with its line and column. */
  problems: Problem[];
}

export type ParseResult = ParsedSidecar | UnreadableSidecar;

export interface ParseOptions {
  /** Largest file read at all, in UTF-16 units. */
  maximumSize?: number;
  /** Largest non-canonical file given to the full YAML reader. */
  maximumYamlSize?: number;
}

/** Problems that leave nothing trustworthy to show: the file is not a sidecar this version reads. */
const fatalCodes: ReadonlySet<string> = new Set(['not-a-sidecar', 'format-unsupported', 'unit-unsupported', 'encoding-unsupported']);

export function parseSidecar(content: string, file: string, options: ParseOptions = {}): ParseResult {
  try {
    return parse(content, file, options);
  } catch (error) {
    // Only a bug could get here; report it as a problem rather than take the caller down.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('sidecar-internal-error', `The sidecar could not be read: ${message}`, file)] };
  }
}

function parse(content: string, file: string, options: ParseOptions): ParseResult {
  const maximumSize = options.maximumSize ?? defaultMaximumSize;
  if (content.length > maximumSize) {
    return {
      ok: false,
      problems: [problem('sidecar-too-large', `The sidecar is ${megabytes(content.length)} MB; sidecars larger than ${megabytes(maximumSize)} MB are not read.`, file)],
    };
  }
  const markers = findConflictMarkers(content, file);
  if (markers.length > 0) return { ok: false, problems: markers };

  const fast = readCanonical(content, file);
  if (fast !== undefined) {
    const { uniformLineBreaks, ...read } = fast;
    return { ok: true, ...read, writable: true, canonical: uniformLineBreaks };
  }

  const maximumYamlSize = options.maximumYamlSize ?? defaultMaximumYamlSize;
  if (content.length > maximumYamlSize) {
    return {
      ok: false,
      problems: [
        problem(
          'sidecar-too-large',
          `The sidecar is ${megabytes(content.length)} MB and not in the canonical one-line-per-annotation layout; hand-edited sidecars over ${megabytes(maximumYamlSize)} MB are not read.`,
          file,
        ),
      ],
    };
  }
  const read = readWithYaml(content, file);
  if (!read.ok) return read;
  const built = buildSidecar(read.root, read.locator, file);
  if (built.problems.some((item) => fatalCodes.has(item.code))) return { ok: false, problems: built.problems };
  const writable = !built.problems.some((item) => item.severity === 'error');
  const lineEnding: LineEnding = /\r\n/.test(content) ? 'crlf' : 'lf';
  return { ok: true, ...built, writable, canonical: false, lineEnding };
}

function megabytes(length: number): string {
  return (length / (1024 * 1024)).toFixed(1);
}
