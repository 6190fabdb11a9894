/**
 * Splits a text holding git conflict markers into what both sides agree on and the conflicting
 * hunks. Works on lines, as git writes them: `<<<<<<< label`, an optional `||||||| base` section
 * (diff3 and zdiff3 styles), `=======`, `>>>>>>> label`, each at the start of a line, all of one
 * marker size (7, or more when the repository sets `conflict-marker-size`). Pure: no I/O, never
 * throws; a text whose markers do not nest as git writes them is a problem, not a guess.
 */
import { problem, type Problem } from '../problem';

export type ConflictSide = 'ours' | 'theirs';

export interface ConflictHunk {
  /** 0-based position among the file's hunks. */
  readonly index: number;
  /** 1-based lines in the conflicted text of the opening, base (if any), separator and closing markers. */
  readonly startLine: number;
  readonly baseLine?: number;
  readonly separatorLine: number;
  readonly endLine: number;
  /** What follows the opening and closing markers (`HEAD`, `ours`, a branch name; may be empty). */
  readonly oursLabel: string;
  readonly theirsLabel: string;
  /** Each side's lines, with their line breaks. */
  readonly ours: readonly string[];
  readonly base?: readonly string[];
  readonly theirs: readonly string[];
  /** The hunk's lines as written, markers included. */
  readonly rawLines: readonly string[];
}

/** Lines both sides agree on, or one hunk. */
export type ConflictPiece = { readonly kind: 'common'; readonly lines: readonly string[] } | { readonly kind: 'hunk'; readonly hunk: ConflictHunk };

export interface ConflictedText {
  readonly pieces: readonly ConflictPiece[];
  readonly hunks: readonly ConflictHunk[];
}

export type SplitResult = { ok: true; conflict: ConflictedText } | { ok: false; problem: Problem };

/** Lines with their line breaks (`\n`, `\r\n` or a lone `\r`); the last may have none. */
export function splitLines(content: string): string[] {
  return content.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

function withoutBreak(line: string): string {
  return line.replace(/(?:\r\n|\n|\r)$/, '');
}

/** The marker a line starts with: its kind, size and label; undefined for any other line. */
function markerOf(line: string): { kind: '<' | '|' | '=' | '>'; size: number; label: string } | undefined {
  const bare = withoutBreak(line);
  const match = /^(<{7,}|\|{7,}|={7,}|>{7,})(?: (.*))?$/.exec(bare);
  if (match === null) return undefined;
  const kind = match[1][0] as '<' | '|' | '=' | '>';
  // A separator carries no label; `======= x` is text, not a marker.
  if (kind === '=' && match[2] !== undefined) return undefined;
  return { kind, size: match[1].length, label: match[2] ?? '' };
}

export function splitConflict(content: string, file = ''): SplitResult {
  const lines = splitLines(content);
  const pieces: ConflictPiece[] = [];
  const hunks: ConflictHunk[] = [];
  let common: string[] = [];
  let index = 0;
  const fail = (message: string, line: number): SplitResult => ({ ok: false, problem: problem('conflict-markers', message, file, line, 1) });
  while (index < lines.length) {
    const opening = markerOf(lines[index]);
    if (opening === undefined) {
      common.push(lines[index++]);
      continue;
    }
    if (opening.kind !== '<') return fail(`Conflict marker ${'|=>'.includes(opening.kind) ? withoutBreak(lines[index]).slice(0, opening.size) : ''} without an opening <<<<<<< line before it.`, index + 1);
    const size = opening.size;
    const startLine = index + 1;
    const sections: { ours: string[]; base?: string[]; theirs: string[] } = { ours: [], theirs: [] };
    let section: 'ours' | 'base' | 'theirs' = 'ours';
    let baseLine: number | undefined;
    let separatorLine: number | undefined;
    let closing: { line: number; label: string } | undefined;
    for (index++; index < lines.length; index++) {
      const marker = markerOf(lines[index]);
      // Lines that look like markers of another size are text of this hunk (git does the same).
      if (marker === undefined || marker.size !== size) {
        (section === 'base' ? (sections.base ??= []) : sections[section]).push(lines[index]);
        continue;
      }
      if (marker.kind === '|' && section === 'ours') {
        section = 'base';
        sections.base = [];
        baseLine = index + 1;
      } else if (marker.kind === '=' && section !== 'theirs') {
        section = 'theirs';
        separatorLine = index + 1;
      } else if (marker.kind === '>' && section === 'theirs') {
        closing = { line: index + 1, label: marker.label };
        index++;
        break;
      } else {
        return fail(`Conflict marker ${withoutBreak(lines[index]).slice(0, size)} out of place in the conflict that starts on line ${startLine}.`, index + 1);
      }
    }
    if (closing === undefined || separatorLine === undefined) return fail(`The conflict that starts on line ${startLine} has no closing ${'>'.repeat(size)} line.`, startLine);
    if (common.length > 0) pieces.push({ kind: 'common', lines: common });
    common = [];
    const hunk: ConflictHunk = {
      index: hunks.length,
      startLine,
      ...(baseLine !== undefined ? { baseLine, base: sections.base ?? [] } : {}),
      separatorLine,
      endLine: closing.line,
      oursLabel: opening.label,
      theirsLabel: closing.label,
      ours: sections.ours,
      theirs: sections.theirs,
      rawLines: lines.slice(startLine - 1, closing.line),
    };
    hunks.push(hunk);
    pieces.push({ kind: 'hunk', hunk });
  }
  if (common.length > 0) pieces.push({ kind: 'common', lines: common });
  return { ok: true, conflict: { pieces, hunks } };
}

/** The whole file as one side wrote it: common lines plus that side of every hunk. */
export function sideText(conflict: ConflictedText, side: ConflictSide): string {
  return conflict.pieces.map((piece) => (piece.kind === 'common' ? piece.lines : piece.hunk[side]).join('')).join('');
}

/**
 * Where each hunk's side lies in `sideText(conflict, side)`: 1-based first line and the line
 * after its last (equal when the side is empty in that hunk).
 */
export function sideRanges(conflict: ConflictedText, side: ConflictSide): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let line = 1;
  for (const piece of conflict.pieces) {
    if (piece.kind === 'common') line += piece.lines.length;
    else {
      ranges.push({ from: line, to: line + piece.hunk[side].length });
      line += piece.hunk[side].length;
    }
  }
  return ranges;
}

/**
 * The conflicted text with some hunks replaced by the given lines; hunks without a replacement
 * keep their markers exactly as they were.
 */
export function replaceHunks(conflict: ConflictedText, replacements: ReadonlyMap<number, readonly string[]>): string {
  let text = '';
  for (const piece of conflict.pieces) {
    if (piece.kind === 'common') text += piece.lines.join('');
    else {
      const replacement = replacements.get(piece.hunk.index);
      text += (replacement ?? piece.hunk.rawLines).join('');
    }
  }
  return text;
}
