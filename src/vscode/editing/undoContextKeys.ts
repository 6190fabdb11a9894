import * as vscode from 'vscode';
import type { EditHistory } from '../../workspace/editHistory';

const undoKey = 'newsAnnotator.tagUndoNext';
const redoKey = 'newsAnnotator.tagRedoNext';

/**
 * Routes Ctrl+Z: to News Annotator's undo while the last thing the user did in a corpus file was
 * a tagging action (context key `newsAnnotator.tagUndoNext`), to the editor's text undo once
 * they type. The explicit Undo/Redo Tag Action commands work at any time.
 */
export class UndoContextKeys implements vscode.Disposable {
  private lastWasTagging = false;
  private readonly subscription: { dispose(): void };

  constructor(private readonly history: EditHistory) {
    this.subscription = history.onDidChange(() => {
      this.lastWasTagging = true;
      this.update();
    });
  }

  /** The user typed: Ctrl+Z belongs to the text again. */
  noteTyping(): void {
    if (!this.lastWasTagging) return;
    this.lastWasTagging = false;
    this.update();
  }

  private update(): void {
    void vscode.commands.executeCommand('setContext', undoKey, this.lastWasTagging && this.history.canUndo);
    void vscode.commands.executeCommand('setContext', redoKey, this.lastWasTagging && this.history.canRedo);
  }

  dispose(): void {
    this.subscription.dispose();
    void vscode.commands.executeCommand('setContext', undoKey, false);
    void vscode.commands.executeCommand('setContext', redoKey, false);
  }
}
