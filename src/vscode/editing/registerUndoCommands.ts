import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import { describeProblem } from './fileActions';
import type { TaggingContext } from './registerTaggingCommands';
import type { UndoContextKeys } from './undoContextKeys';

export function registerUndoCommands(context: TaggingContext, keys: UndoContextKeys): vscode.Disposable {
  const run = async (direction: 'undo' | 'redo'): Promise<string | undefined> => {
    const replayed = direction === 'undo' ? await context.workspace.undo() : await context.workspace.redo();
    if (!replayed) {
      void vscode.window.showInformationMessage(`News Annotator: nothing to ${direction}.`);
      return undefined;
    }
    const { entry, outcome } = replayed;
    const [failure] = outcome.failures;
    if (failure) void vscode.window.showErrorMessage(`News Annotator: ${direction} of “${entry.label}” was incomplete: ${describeProblem(failure)}`);
    else vscode.window.setStatusBarMessage(`News Annotator: ${direction === 'undo' ? 'undid' : 'redid'} “${entry.label}”`, 3000);
    return entry.label;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.undo, () => run('undo')),
    vscode.commands.registerCommand(commandIds.redo, () => run('redo')),
    // Typing in a corpus file gives Ctrl+Z back to the editor's text undo.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && event.document.isDirty && context.documents.loadedSession(event.document.uri)) keys.noteTyping();
    }),
  );
}
