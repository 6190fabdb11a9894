/**
 * The undo history of tagging actions. Sidecars are not editor documents, so the editor's text
 * undo cannot reach them: every action that goes through the workspace is one entry here, with
 * what it changed in each file (Tag All and the Tags view's bulk actions touch many).
 */
import type { AnnotationChange } from '../core/editing/annotationChange';
import { Listeners, type Subscription } from './listeners';

export interface HistoryEntry {
  readonly label: string;
  /** Per text path, what the action changed there. */
  readonly changes: ReadonlyMap<string, AnnotationChange>;
  /** Text paths whose sidecars the action created: undoing it removes them again. */
  readonly created?: ReadonlySet<string>;
  /**
   * Sidecars the action rewrote whole (resolving a conflict: the file before could not be read
   * as annotations, so there is no change by id to invert). Undo puts `before` back and redo
   * `after`, each only while the file still holds what the action left, never over a later write.
   */
  readonly replaced?: ReadonlyMap<string, FileReplacement>;
}

/** A sidecar's bytes before and after an action that rewrote it whole. */
export interface FileReplacement {
  readonly before: Uint8Array;
  readonly after: Uint8Array;
}

export class EditHistory {
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];
  private readonly listeners = new Listeners<void>();
  static readonly limit = 200;

  /** Called after every push, undo and redo (the editor mirrors the stacks in context keys). */
  onDidChange(listener: () => void): Subscription {
    return this.listeners.add(listener);
  }

  push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > EditHistory.limit) this.undoStack.shift();
    this.redoStack.length = 0;
    this.listeners.fire();
  }

  popUndo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    this.listeners.fire();
    return entry;
  }

  popRedo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    this.listeners.fire();
    return entry;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
}
