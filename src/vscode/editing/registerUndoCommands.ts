import * as vscode from 'vscode';
import { invertChange, type AnnotationChange } from '../../core/editing/annotationChange';
import { commandIds } from '../commandIds';
import { changeFile, describeProblem } from './fileActions';
import type { HistoryEntry } from './tagHistory';
import type { TaggingContext } from './registerTaggingCommands';

/** Applies one history entry's changes (or their inverse) to every file it touched. */
async function replay(context: TaggingContext, entry: HistoryEntry, invert: boolean): Promise<string[]> {
  const failures: string[] = [];
  for (const [uri, change] of entry.changes) {
    const step: AnnotationChange = invert ? invertChange(change) : change;
    const result = await changeFile(context.documents, vscode.Uri.parse(uri), () => step);
    if (!result.ok) failures.push(describeProblem(result.problems[0]));
  }
  return failures;
}

export function registerUndoCommands(context: TaggingContext): vscode.Disposable {
  const run = async (direction: 'undo' | 'redo'): Promise<string | undefined> => {
    const entry = direction === 'undo' ? context.history.popUndo() : context.history.popRedo();
    if (!entry) {
      void vscode.window.showInformationMessage(`News Annotator: nothing to ${direction}.`);
      return undefined;
    }
    const failures = await replay(context, entry, direction === 'undo');
    if (failures.length > 0) void vscode.window.showErrorMessage(`News Annotator: ${direction} of “${entry.label}” was incomplete: ${failures[0]}`);
    else vscode.window.setStatusBarMessage(`News Annotator: ${direction === 'undo' ? 'undid' : 'redid'} “${entry.label}”`, 3000);
    return entry.label;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.undo, () => run('undo')),
    vscode.commands.registerCommand(commandIds.redo, () => run('redo')),
    // Typing in a corpus file gives Ctrl+Z back to the editor's text undo.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && event.document.isDirty && context.documents.loadedSession(event.document.uri)) context.history.noteTyping();
    }),
  );
}
