import * as vscode from 'vscode';
import type { AnnotationChange } from '../../core/editing/annotationChange';

/** One tagging action: what it changed in each file it touched (Tag All can touch many). */
export interface HistoryEntry {
  readonly label: string;
  readonly changes: ReadonlyMap<string, AnnotationChange>;
}

const undoKey = 'newsAnnotator.tagUndoNext';
const redoKey = 'newsAnnotator.tagRedoNext';

/**
 * News Annotator's own undo and redo. Sidecars are not documents in an editor, so VS Code's text
 * undo cannot reach them. Ctrl+Z is routed here only while the last thing the user did in a
 * corpus file was a tagging action (context key `newsAnnotator.tagUndoNext`); once they type,
 * Ctrl+Z is the editor's text undo again. The explicit commands work at any time.
 */
export class TagHistory implements vscode.Disposable {
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];
  private lastWasTagging = false;
  private static readonly limit = 200;

  push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > TagHistory.limit) this.undoStack.shift();
    this.redoStack.length = 0;
    this.lastWasTagging = true;
    this.updateContext();
  }

  popUndo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    this.lastWasTagging = true;
    this.updateContext();
    return entry;
  }

  popRedo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    this.lastWasTagging = true;
    this.updateContext();
    return entry;
  }

  /** The user typed: Ctrl+Z belongs to the text again. */
  noteTyping(): void {
    if (!this.lastWasTagging) return;
    this.lastWasTagging = false;
    this.updateContext();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', undoKey, this.lastWasTagging && this.undoStack.length > 0);
    void vscode.commands.executeCommand('setContext', redoKey, this.lastWasTagging && this.redoStack.length > 0);
  }

  dispose(): void {
    void vscode.commands.executeCommand('setContext', undoKey, false);
    void vscode.commands.executeCommand('setContext', redoKey, false);
  }
}
