import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import { describeProblem } from './fileActions';
import type { TaggingContext } from './registerTaggingCommands';
import type { UndoContextKeys } from './undoContextKeys';

export function registerUndoCommands(context: TaggingContext, keys: UndoContextKeys): vscode.Disposable {
  const run = async (direction: 'undo' | 'redo'): Promise<string | undefined> => {
    const replayed = direction === 'undo' ? await context.workspace.undo() : await context.workspace.redo();
    const undo = direction === 'undo';
    if (!replayed) {
      void vscode.window.showInformationMessage(undo ? vscode.l10n.t('News Annotator: nothing to undo.') : vscode.l10n.t('News Annotator: nothing to redo.'));
      return undefined;
    }
    const { entry, outcome } = replayed;
    const [failure] = outcome.failures;
    if (failure) {
      const reason = describeProblem(failure);
      void vscode.window.showErrorMessage(
        undo ? vscode.l10n.t('News Annotator: undo of “{0}” was incomplete: {1}', entry.label, reason) : vscode.l10n.t('News Annotator: redo of “{0}” was incomplete: {1}', entry.label, reason),
      );
    } else vscode.window.setStatusBarMessage(undo ? vscode.l10n.t('News Annotator: undid “{0}”', entry.label) : vscode.l10n.t('News Annotator: redid “{0}”', entry.label), 3000);
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
