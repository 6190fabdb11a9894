/**
 * What the search structures need to hear about to stay in step with the index without rebuilding:
 * entities, files and notes appearing and disappearing. Ids are the index's own numbers; an id is
 * reused only after its `...Removed` call. This is not a UI event: views decide themselves when to
 * refresh, from the change `CorpusIndex` returns for each update.
 */
export interface IndexListener {
  entityAdded?(entity: number): void;
  entityRemoved?(entity: number): void;
  fileAdded?(file: number): void;
  fileRemoved?(file: number): void;
  noteAdded?(note: number): void;
  noteRemoved?(note: number): void;
}

export class IndexListeners {
  private readonly listeners: IndexListener[] = [];

  add(listener: IndexListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  emit(event: keyof IndexListener, id: number): void {
    for (const listener of this.listeners) listener[event]?.(id);
  }
}
