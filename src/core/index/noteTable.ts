/**
 * Distinct annotation notes with reference counts, and the files each is used in, so that search
 * can match notes once each rather than once per annotation. Notes are rare, so a map suffices.
 */
import type { IndexListeners } from './indexListener';

export class NoteTable {
  private readonly byText = new Map<string, number>();
  private readonly texts: (string | undefined)[] = [];
  private readonly fileCounts: (Map<number, number> | undefined)[] = [];
  private readonly free: number[] = [];

  constructor(private readonly listeners: IndexListeners) {}

  text(note: number): string | undefined {
    return this.texts[note];
  }

  /** Every note in use. */
  *ids(): IterableIterator<number> {
    yield* this.byText.values();
  }

  /** Files that use the note, with how many annotations each. */
  files(note: number): ReadonlyMap<number, number> {
    return this.fileCounts[note] ?? new Map();
  }

  add(file: number, notes: Iterable<string>): void {
    for (const text of notes) {
      let id = this.byText.get(text);
      if (id === undefined) {
        id = this.free.pop() ?? this.texts.length;
        this.byText.set(text, id);
        this.texts[id] = text;
        this.fileCounts[id] = new Map();
        this.listeners.emit('noteAdded', id);
      }
      const files = this.fileCounts[id]!;
      files.set(file, (files.get(file) ?? 0) + 1);
    }
  }

  remove(file: number, notes: Iterable<string>): void {
    for (const text of notes) {
      const id = this.byText.get(text);
      if (id === undefined) continue;
      const files = this.fileCounts[id]!;
      const left = (files.get(file) ?? 0) - 1;
      if (left > 0) files.set(file, left);
      else files.delete(file);
      if (files.size === 0) {
        this.listeners.emit('noteRemoved', id);
        this.byText.delete(text);
        this.texts[id] = undefined;
        this.fileCounts[id] = undefined;
        this.free.push(id);
      }
    }
  }
}
