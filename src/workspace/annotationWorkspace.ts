/**
 * The application layer: the one path by which anything changes annotations. Editor commands,
 * the Tags view's bulk actions, Tag All, marking a file done, saving moved spans, undo and redo,
 * the command line's writers: each goes "change the files through the store -> record one undo
 * step -> tell the listeners (open editors, the index)". Pure TypeScript over the FileSystem
 * interface, so it is tested in memory and shared by the editor and the command line.
 */
import { applyChange, invertChange, isEmptyChange, noChange, type AnnotationChange } from '../core/editing/annotationChange';
import { resolveConflictText, type HunkChoice, type HunkChoices } from '../core/conflict/resolveConflict';
import { problem, type Problem } from '../core/problem';
import type { Sidecar, SidecarStatus } from '../core/sidecar/model';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import type { AnnotationRules } from '../core/sidecar/validateLinks';
import type { FileSystem } from '../core/store/fileSystem';
import { anchorProblems } from '../core/store/anchorProblems';
import { reanchorFile, type ReanchorOutcome } from '../core/store/reanchorFile';
import { SidecarStore, type LoadedSpans, type LoadResult, type SidecarChange, type StoreFailure, type UpdateOptions, type UpdateResult } from '../core/store/sidecarStore';
import type { CodePointIndex } from '../core/text/codePoints';
import { decodeText } from '../core/text/decodeText';
import { sameBytes } from '../core/text/sameBytes';
import { decodeStrictUtf8, type StrictUtf8Decoder } from '../core/text/strictUtf8';
import { EditHistory, type FileReplacement, type HistoryEntry } from './editHistory';
import { isProblem, type EditOutcome, type EditProgress, type FileEdit } from './fileEdit';
import { fileStatus } from '../core/corpus/fileStatus';
import { Listeners, type Subscription } from './listeners';

/** What resolving conflicts in a sidecar did: how many remain, or why nothing was written. */
export type ConflictOutcome =
  | { ok: true; remaining: number; written: boolean; problems: readonly Problem[] }
  | { ok: false; problem: Problem };

/** What the workspace needs to know of the project: each text's entity types. */
export interface ProjectTypes {
  /** The entity types of the project the text belongs to; undefined allows any type. */
  knownTypes(textPath: string): ReadonlySet<string> | undefined;
  /** The project's relation types, attributes and KB prefixes; undefined (or absent) allows any. */
  rules?(textPath: string): AnnotationRules | undefined;
  /** Strict UTF-8 decoding for its sidecars, when the host has one faster than the default. */
  decodeUtf8?: StrictUtf8Decoder;
}


export class AnnotationWorkspace {
  readonly history = new EditHistory();
  private readonly stores = new Map<string, SidecarStore>();
  private lastStore: { types: ReadonlySet<string> | undefined; rules: AnnotationRules | undefined; key: string; store: SidecarStore } | undefined;
  private readonly changeListeners = new Listeners<readonly string[]>();
  /** Text path -> text hash already settled, so a file is re-anchored on disk once per change. */
  private readonly settled = new Map<string, string>();

  constructor(
    private readonly fileSystem: FileSystem,
    private readonly project: ProjectTypes = { knownTypes: () => undefined },
  ) {}

  /** Called with the text paths whose sidecars this workspace wrote. */
  onDidChangeFiles(listener: (textPaths: readonly string[]) => void): Subscription {
    return this.changeListeners.add(listener);
  }

  /** The store for a text, built with its project's entity types (so unknown types are problems). */
  storeFor(textPath: string): SidecarStore {
    const types = this.project.knownTypes(textPath);
    const rules = this.project.rules?.(textPath);
    // Files of one project ask with the very same objects: skip building the key (a corpus-wide read asks once per file).
    const last = this.lastStore;
    if (last !== undefined && last.types === types && last.rules === rules && this.stores.get(last.key) === last.store) return last.store;
    const key = (types === undefined ? '*' : [...types].sort().join('\n')) + (rules === undefined ? '' : '\n' + JSON.stringify(rules));
    let store = this.stores.get(key);
    if (!store) {
      store = new SidecarStore(this.fileSystem, {
        ...(types === undefined ? {} : { knownTypes: types }),
        ...(rules === undefined ? {} : { rules }),
        ...(this.project.decodeUtf8 === undefined ? {} : { decodeUtf8: this.project.decodeUtf8 }),
      });
      this.stores.set(key, store);
    }
    this.lastStore = { types, rules, key, store };
    return store;
  }

  /** The project's types changed: later loads and writes use the new ones. */
  projectChanged(): void {
    this.stores.clear();
  }

  /** A text as code points would count it (BOM dropped), read inside the walls; undefined when it cannot be read. */
  async readText(textPath: string): Promise<string | undefined> {
    try {
      const bytes = await this.fileSystem.readFile(textPath);
      return bytes === undefined ? undefined : decodeText(bytes).text;
    } catch {
      return undefined;
    }
  }

  load(textPath: string): Promise<LoadResult> {
    return this.storeFor(textPath).load(textPath);
  }

  /** The text and where its tags and suggestions are: `load` for readers that need only that (see `SidecarStore.loadSpans`). */
  loadSpans(textPath: string): Promise<LoadedSpans | StoreFailure> {
    return this.storeFor(textPath).loadSpans(textPath);
  }

  /**
   * Writes one sidecar through the store, keeping its status true to the one definition, and
   * tells the listeners. Not recorded for undo: for writes that are not the user's action
   * (spans moved by typing, re-anchored offsets, imports).
   */
  async update(textPath: string, change: SidecarChange, options: UpdateOptions = {}): Promise<UpdateResult> {
    const result = await this.storeFor(textPath).update(
      textPath,
      (sidecar, text) => {
        const changed = change(sidecar, text);
        if ('code' in changed && 'severity' in changed) return changed;
        return withStatus(changed);
      },
      options,
    );
    if (result.ok && result.written) this.changeListeners.fire([textPath]);
    return result;
  }

  /**
   * Applies one user action to every file it touches; what was written is one undo step. With
   * `concurrency` above 1 (edits of distinct files only) that many files are written at once,
   * each still under its own lock and replaced atomically: the flushes to disk, most of a
   * write's time, then overlap.
   */
  async edit(label: string, edits: readonly FileEdit[], progress?: EditProgress, options: { concurrency?: number } = {}): Promise<EditOutcome> {
    const applied = new Array<Awaited<ReturnType<AnnotationWorkspace['applyOne']>> | undefined>(edits.length);
    let cancelled = false;
    let next = 0;
    let finished = 0;
    const worker = async (): Promise<void> => {
      while (next < edits.length && !cancelled) {
        if (progress?.isCancelled()) {
          cancelled = true;
          break;
        }
        const index = next++;
        const { textPath, factory } = edits[index];
        progress?.report(index, edits.length, textPath);
        applied[index] = await this.applyOne(textPath, factory);
        // Long actions yield now and then so the editor stays responsive and can cancel.
        if (++finished % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, edits.length)) }, worker));
    const changes = new Map<string, AnnotationChange>();
    const created = new Set<string>();
    const failures: Problem[] = [];
    for (const [index, result] of applied.entries()) {
      if (result === undefined) continue;
      const { textPath } = edits[index];
      if (!result.ok) failures.push(result.problem);
      else if (!isEmptyChange(result.change)) {
        changes.set(textPath, result.change);
        if (result.created) created.add(textPath);
      }
    }
    if (changes.size > 0) this.history.push({ label, changes, ...(created.size > 0 ? { created } : {}) });
    return summarise(changes, failures, cancelled);
  }

  /** Marks a file's status (done, in progress); not an undo step, like saving a file. */
  setStatus(textPath: string, status: SidecarStatus): Promise<UpdateResult> {
    return this.update(textPath, (sidecar) => ({ ...sidecar, status }));
  }

  /** Undoes the last action in every file it touched; undefined when there is nothing to undo. */
  undo(): Promise<{ entry: HistoryEntry; outcome: EditOutcome } | undefined> {
    return this.replay(this.history.popUndo(), true);
  }

  redo(): Promise<{ entry: HistoryEntry; outcome: EditOutcome } | undefined> {
    return this.replay(this.history.popRedo(), false);
  }

  /**
   * Resolves hunks of a sidecar with git conflict markers (keep ours, theirs or both), one undo
   * step. `seen` is the sidecar's text as the person saw it when choosing: under the write lock
   * the file is read again and nothing is written when it differs. While hunks remain the file
   * keeps them; once none remain it is written canonical, and open editors and the index reload.
   */
  async resolveConflict(textPath: string, seen: string, choices: HunkChoices | HunkChoice, label = 'Resolve conflict'): Promise<ConflictOutcome> {
    const sidecarPath = sidecarPathFor(textPath);
    let outcome: { remaining: number; problems: readonly Problem[] } = { remaining: 0, problems: [] };
    const result = await this.storeFor(textPath).replace(textPath, (current) => {
      const content = current === undefined ? undefined : decodeStrictUtf8(current);
      if (content !== seen) return problem('sidecar-changed', 'The sidecar changed since it was shown; nothing was written. Look at it again and choose again.', sidecarPath);
      const resolved = resolveConflictText(content, sidecarPath, choices);
      if (!resolved.ok) return resolved.problem;
      outcome = resolved.resolution;
      return new TextEncoder().encode(resolved.resolution.text);
    });
    if (!result.ok) return { ok: false, problem: result.problems[0] ?? problem('sidecar-write-failed', 'The sidecar was not written.', sidecarPath) };
    if (result.written && result.before !== undefined) {
      this.history.push({ label, changes: new Map(), replaced: new Map([[textPath, { before: result.before, after: result.after }]]) });
      this.changeListeners.fire([textPath]);
    }
    return { ok: true, remaining: outcome.remaining, written: result.written, problems: outcome.problems };
  }

  /**
   * When a text changed since its sidecar was written (its hash differs from `source.sha256`),
   * writes the re-anchored offsets and the new hash, once per change of the text, so every
   * reader (views, exports, other tools) sees where the tags are now. Orphans stay as stored.
   */
  async settle(textPath: string): Promise<(ReanchorOutcome & { unexplained: Problem[] }) | undefined> {
    const loaded = await this.load(textPath);
    if (!loaded.ok || loaded.version === undefined || !loaded.writable) return undefined;
    if (loaded.sidecar.source.sha256 === loaded.decoded.sha256) return undefined;
    // Orphans keep the old hash (so they stay reported): remember the text, not the sidecar.
    if (this.settled.get(textPath) === loaded.decoded.sha256) return undefined;
    this.settled.set(textPath, loaded.decoded.sha256);
    // Once written, the moves are history; keep the ones the edit does not explain for a reviewer.
    const unexplained = anchorProblems(loaded.sidecar, loaded.positions, loaded.anchors, loaded.sidecarPath, { current: false }).filter((item) => item.code === 'annotation-moved');
    return { ...(await reanchorFile(this, textPath)), unexplained };
  }

  private async applyOne(textPath: string, factory: FileEdit['factory']): Promise<{ ok: true; change: AnnotationChange; created: boolean } | { ok: false; problem: Problem }> {
    let change: AnnotationChange = noChange;
    const result = await this.update(textPath, (sidecar: Sidecar, text: CodePointIndex) => {
      const made = factory(sidecar, text);
      if (isProblem(made)) return made;
      change = made;
      return applyChange(sidecar, made);
    });
    if (!result.ok) return { ok: false, problem: result.problems[0] ?? { code: 'sidecar-write-failed', severity: 'error', message: 'The sidecar was not written.', file: textPath, line: 1, column: 1 } };
    return { ok: true, change, created: result.created === true };
  }

  private async replay(entry: HistoryEntry | undefined, invert: boolean): Promise<{ entry: HistoryEntry; outcome: EditOutcome } | undefined> {
    if (!entry) return undefined;
    const changes = new Map<string, AnnotationChange>();
    const failures: Problem[] = [];
    for (const [textPath, replacement] of entry.replaced ?? []) {
      const failure = await this.replayReplacement(textPath, replacement, invert);
      if (failure) failures.push(failure);
    }
    for (const [textPath, change] of entry.changes) {
      const step = invert ? invertChange(change) : change;
      const applied = await this.applyOne(textPath, () => step);
      if (!applied.ok) {
        failures.push(applied.problem);
        continue;
      }
      changes.set(textPath, step);
      // Undoing the action that created a sidecar leaves no empty sidecar behind.
      if (invert && entry.created?.has(textPath) && (await this.storeFor(textPath).removeIfEmpty(textPath))) this.changeListeners.fire([textPath]);
    }
    return { entry, outcome: summarise(changes, failures, false) };
  }

  /** Puts a rewritten sidecar back (undo) or rewrites it again (redo), only over what the action left. */
  private async replayReplacement(textPath: string, { before, after }: FileReplacement, invert: boolean): Promise<Problem | undefined> {
    const [expected, target] = invert ? [after, before] : [before, after];
    const sidecarPath = sidecarPathFor(textPath);
    const result = await this.storeFor(textPath).replace(textPath, (current) =>
      current !== undefined && sameBytes(current, expected) ? target : problem('sidecar-changed', 'The sidecar was changed after this action; it is left as it is.', sidecarPath),
    );
    if (!result.ok) return result.problems[0];
    if (result.written) this.changeListeners.fire([textPath]);
    return undefined;
  }
}


/** The stored status follows the one definition: a file with tags is at least in progress. */
function withStatus(sidecar: Sidecar): Sidecar {
  const status = fileStatus(sidecar.status, sidecar.annotations.length);
  return status === sidecar.status ? sidecar : { ...sidecar, status };
}

function summarise(changes: ReadonlyMap<string, AnnotationChange>, failures: readonly Problem[], cancelled: boolean): EditOutcome {
  let added = 0;
  let removed = 0;
  for (const change of changes.values()) {
    added += change.added.length;
    removed += change.removed.length;
  }
  return { changes, failures, cancelled, added, removed };
}
