import * as vscode from 'vscode';
import { printable } from '../../core/text/printable';
import { describeEncoding } from '../../core/text/detectEncoding';
import { isPlaced, type LiveAnnotation } from '../../core/editing/liveAnnotations';
import { trimSpan } from '../../core/editing/trimSpan';
import { problem, type Problem } from '../../core/problem';
import type { DocumentSession } from '../documents/documentSession';

/** Refuses early, with the reason, when the editor's text is not what the sidecar must refer to. */
export async function prepareForTagging(editor: vscode.TextEditor, session: DocumentSession): Promise<Problem | undefined> {
  if (!session.encoding.utf8) return problem('text-encoding', describeEncoding(session.encoding, session.textPath), session.textPath, session.encoding.line, session.encoding.column);
  if (!session.writable) {
    const first = session.problems[0];
    return first ?? problem('sidecar-not-written', vscode.l10n.t('The sidecar of this file cannot be read, so it is not written.'), session.textPath);
  }
  // Offsets refer to the text as saved: save first so the sidecar and the text agree.
  if (editor.document.isDirty && !(await editor.document.save())) {
    return problem('text-not-saved', vscode.l10n.t('Save the text file before tagging it.'), session.textPath);
  }
  return undefined;
}

/**
 * The code-point spans of the editor's selections, without leading and trailing white space (a
 * selection of nothing else gives none); an empty selection takes the word under the cursor.
 */
export function selectedSpans(editor: vscode.TextEditor, session: DocumentSession): { start: number; end: number }[] {
  return editor.selections.flatMap((selection) => {
    const range = selection.isEmpty ? editor.document.getWordRangeAtPosition(selection.active) : selection;
    if (!range || range.isEmpty) return [];
    const start = session.text.toCodePoint(editor.document.offsetAt(range.start));
    const end = session.text.toCodePoint(editor.document.offsetAt(range.end));
    const trimmed = trimSpan(session.text, { start, end });
    return trimmed ? [trimmed] : [];
  });
}

/** Placed annotations touching any cursor or overlapping any selection, innermost first. */
export function annotationsAtSelections(editor: vscode.TextEditor, session: DocumentSession): LiveAnnotation[] {
  const found = new Map<string, LiveAnnotation>();
  for (const selection of editor.selections) {
    const start = session.text.toCodePoint(editor.document.offsetAt(selection.start));
    const end = session.text.toCodePoint(editor.document.offsetAt(selection.end));
    for (const item of session.live) {
      if (isPlaced(item) && item.start <= end && start <= item.end) found.set(item.annotation.id, item);
    }
  }
  return [...found.values()].sort((left, right) => left.end - left.start - (right.end - right.start) || left.start - right.start);
}

export function describeProblem(item: Pick<Problem, 'message' | 'file' | 'line' | 'column'>): string {
  const where = item.line > 1 || item.column > 1 ? ` (${vscode.workspace.asRelativePath(item.file)}:${item.line}:${item.column})` : '';
  return printable(`${item.message}${where}`);
}
