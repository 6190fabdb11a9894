import * as vscode from 'vscode';
import { applyChange, isEmptyChange, noChange, type AnnotationChange } from '../../core/editing/annotationChange';
import { isPlaced, type LiveAnnotation } from '../../core/editing/liveAnnotations';
import { problem, type Problem } from '../../core/problem';
import type { Sidecar } from '../../core/sidecar/model';
import type { CodePointIndex } from '../../core/text/codePoints';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import type { DocumentSession } from '../documents/documentSession';

/** Works out a change from the sidecar as it is on disk now and the text it refers to. */
export type ChangeFactory = (sidecar: Sidecar, text: CodePointIndex) => AnnotationChange | Problem;

export type FileActionResult = { ok: true; change: AnnotationChange } | { ok: false; problems: Problem[] };

/**
 * Applies a tagging action to one corpus file through the store (read the sidecar fresh,
 * change, write atomically). Open files go through their session's queue, so actions and
 * reloads of one file never interleave.
 */
export async function changeFile(documents: AnnotatedDocuments, uri: vscode.Uri, factory: ChangeFactory): Promise<FileActionResult> {
  let change: AnnotationChange = noChange;
  const apply = (sidecar: Sidecar, text: CodePointIndex): Sidecar | Problem => {
    const made = factory(sidecar, text);
    if ('code' in made) return made;
    change = made;
    return applyChange(sidecar, made);
  };
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  const session = document && (await documents.sessionFor(document));
  const result = session && document ? await session.enqueue(() => session.update(document, apply)) : await documents.store.update(uri.fsPath, apply);
  documents.notifyChanged(uri);
  return result.ok ? { ok: true, change } : { ok: false, problems: result.problems };
}

/** Refuses early, with the reason, when the editor's text is not what the sidecar must refer to. */
export async function prepareForTagging(editor: vscode.TextEditor, session: DocumentSession): Promise<Problem | undefined> {
  if (!session.writable) {
    const first = session.problems[0];
    return first ?? problem('sidecar-not-written', 'The sidecar of this file cannot be read, so it is not written.', session.textPath);
  }
  // Offsets refer to the text as saved: save first so the sidecar and the text agree.
  if (editor.document.isDirty && !(await editor.document.save())) {
    return problem('text-not-saved', 'Save the text file before tagging it.', session.textPath);
  }
  return undefined;
}

/** The code-point spans of the editor's selections; an empty selection takes the word under the cursor. */
export function selectedSpans(editor: vscode.TextEditor, session: DocumentSession): { start: number; end: number }[] {
  return editor.selections.flatMap((selection) => {
    const range = selection.isEmpty ? editor.document.getWordRangeAtPosition(selection.active) : selection;
    if (!range || range.isEmpty) return [];
    const start = session.text.toCodePoint(editor.document.offsetAt(range.start));
    const end = session.text.toCodePoint(editor.document.offsetAt(range.end));
    return [{ start, end }];
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
  return `${item.message}${where}`;
}

export function isEmptyResult(result: FileActionResult): boolean {
  return result.ok && isEmptyChange(result.change);
}
