/**
 * Loading and saving the sidecar of one text file. Every result is a value: bad files, missing
 * files and failing I/O come back as problems, never as exceptions.
 *
 * Saving is a read-modify-write on the file as it is on disk *now*, under the sidecar's write
 * lock (one writer at a time, in this process and in others): `update` takes the lock, re-reads
 * the sidecar, applies the caller's change to that fresh state (so an annotation another writer
 * added meanwhile is kept), checks just before writing that nobody outside the lock (a person's
 * editor, git) changed the file again (or starts over), replaces it atomically and releases the
 * lock. It never writes over a sidecar it cannot fully read, nor one made read-only.
 */
import type { AnchorResult } from '../anchoring/anchorSpan';
import { problem, type Problem } from '../problem';
import { createSidecar } from '../sidecar/createSidecar';
import type { EntryPosition, LineEnding, Sidecar } from '../sidecar/model';
import { parseSidecar, type ParseOptions, type ParseResult, type ParsedSidecar } from '../sidecar/parseSidecar';
import { readCanonicalSpans, type Span } from '../sidecar/readSpans';
import { defaultMaximumSize } from '../sidecar/safetyChecks';
import { canonicalLayout, serializeSidecarBytes } from '../sidecar/serializeSidecar';
import { validateRelations, type AnnotationRules } from '../sidecar/validateLinks';
import { baseName, sidecarPathFor } from '../sidecar/sidecarPath';
import { validateSidecar } from '../sidecar/validateSidecar';
import { validateSuggestions } from '../sidecar/validateSuggestions';
import { CodePointIndex } from '../text/codePoints';
import { decodeText, sha256Hex, textOf, type DecodedText } from '../text/decodeText';
import { describeEncoding } from '../text/detectEncoding';
import type { Annotation, Suggestion } from '../sidecar/model';
import { anchorAnnotations, applyAnchors, holdsText, refreshSidecar } from './anchorAnnotations';
import { anchorSuggestions } from './anchorSuggestions';
import { anchorProblems } from './anchorProblems';
import type { FileStatus, FileSystem, FileVersion, LockResult } from './fileSystem';
import { readText } from './readText';
import { decodeStrictUtf8, type StrictUtf8Decoder } from '../text/strictUtf8';
import { sameBytes } from '../text/sameBytes';

export interface SidecarStoreOptions {
  /** The project's entity types; undefined allows any type. */
  knownTypes?: ReadonlySet<string>;
  /** The project's relation types, attributes and KB prefixes; undefined allows any. */
  rules?: AnnotationRules;
  parse?: ParseOptions;
  /** How often `update` starts over when the file keeps changing under it. */
  maximumAttempts?: number;
  /** Longest wait for the sidecar's write lock before `update` gives up with `sidecar-busy`. */
  lockWaitMs?: number;
  /** A write lock older than this is taken as left by a writer that died. */
  lockStaleMs?: number;
  /** Strict UTF-8 decoding; Node passes a faster one than the default (src/node/decodeUtf8Fast.ts). */
  decodeUtf8?: StrictUtf8Decoder;
}

export interface LoadedSidecar {
  ok: true;
  textPath: string;
  sidecarPath: string;
  decoded: DecodedText;
  text: CodePointIndex;
  /** The sidecar as stored (offsets as written), or a fresh one when the file does not exist. */
  sidecar: Sidecar;
  positions: EntryPosition[];
  /** Where each annotation is in the current text (parallel to `sidecar.annotations`). */
  anchors: AnchorResult[];
  problems: Problem[];
  /** The sidecar file as read; undefined when there is none yet. */
  version: FileVersion | undefined;
  /**
   * The text file's size and time, taken on the very file read (before its bytes), when the file
   * system can say: what the command line's cache keys a file's summary by.
   */
  textStatus?: FileStatus;
  /** False when `update` would refuse to write (part of the file could not be read). */
  writable: boolean;
  /** True when the sidecar's permissions forbid writing it (mode 0444): `update` leaves it alone. */
  readOnly: boolean;
}

export interface StoreFailure {
  ok: false;
  problems: Problem[];
  /** The text, when it could be read although its sidecar could not. */
  decoded?: DecodedText;
}

export type LoadResult = LoadedSidecar | StoreFailure;

/** What `loadSpans` gives: the text, and where its tags and suggestions are. */
export interface LoadedSpans {
  ok: true;
  /** The text as `load` decodes it. */
  text: string;
  annotations: readonly Span[];
  /** Every suggestion, rejected ones too. */
  suggestions: readonly Span[];
  /** As `load` says; false only when the file was read in full. */
  writable: boolean;
  /** Empty unless the file was read in full. */
  problems: Problem[];
}

/** Returns the new sidecar, or a problem to abort the update without writing. */
export type SidecarChange = (sidecar: Sidecar, text: CodePointIndex) => Sidecar | Problem;

export interface UpdateOptions {
  /**
   * Where the caller knows annotations to be in the text as it is now, by id: the editor, which
   * followed every edit. When the text changed since the sidecar was written, an annotation whose
   * text is exactly there starts its anchoring there instead of at its stored offsets, so it needs
   * no search (searching for every tag of a long article after typing took seconds per save).
   */
  readonly placedAt?: ReadonlyMap<string, readonly [number, number]>;
}

export interface UpdatedSidecar {
  ok: true;
  sidecar: Sidecar;
  /** Validation problems of the result (written anyway: writing loses nothing). */
  problems: Problem[];
  /** False when the result was byte for byte what the file already held. */
  written: boolean;
  /** True when this write created the sidecar (there was none before). */
  created?: boolean;
  version: FileVersion;
}

export type UpdateResult = UpdatedSidecar | StoreFailure;

export interface ReplacedSidecar {
  ok: true;
  /** The bytes found under the lock (undefined: there was no sidecar) and the bytes now there. */
  before: Uint8Array | undefined;
  after: Uint8Array;
  /** False when `after` was already what the file held. */
  written: boolean;
}

export type ReplaceResult = ReplacedSidecar | StoreFailure;

export class SidecarStore {
  /**
   * The last parse of each sidecar, with the bytes it was read from. Annotations are never
   * changed in place, so a file whose bytes did not change (the common case: the store itself
   * wrote it) is not parsed again; parsing dominates the cost of tagging in long files. The bytes
   * are compared, not hashed: hashing the sidecar read and the sidecar written was about 2 ms of
   * a tag in a 5,000-entry file, comparing once 0.04 ms.
   */
  private readonly parsedCache = new Map<string, { bytes: Uint8Array; parsed: ParsedSidecar }>();
  private static readonly parsedCacheSize = 64;
  private static readonly textCacheSize = 16;
  /**
   * The last decoding of each text written through `update`, with its bytes: a text being
   * tagged does not change between tags, and decoding plus indexing a long article costs more
   * than comparing its bytes.
   */
  private readonly textCache = new Map<string, { bytes: Uint8Array; decoded: DecodedText; text: CodePointIndex }>();
  /**
   * Annotations known to hold their text in a given decoded text (the very `CodePointIndex`
   * object the text cache hands out) with their context up to date: what the store wrote last
   * time. Annotations are values, so such an entry needs no re-check, no new context and no
   * text comparison while that text is unchanged; a long file's tag then checks one entry, not
   * thousands.
   */
  private readonly settledIn = new WeakMap<Annotation, CodePointIndex>();
  /**
   * Annotation lists (the very arrays the parse cache hands out) whose every entry is settled in
   * the given text: the file as the store last wrote it. The next tag then needs no look-up per
   * entry to know that; each look-up in `settledIn` was a cache miss, 0.3 ms per pass over
   * 5,000 entries.
   */
  private readonly settledLists = new WeakMap<readonly Annotation[], SettledList>();
  /**
   * Suggestions known to be inside the given text and to hold their text there, as the store
   * wrote them: a file of thousands of suggestions is not checked again, entry by entry, on
   * every accept or reject.
   */
  private readonly settledSuggestionsIn = new WeakMap<Suggestion, CodePointIndex>();

  constructor(
    private readonly fileSystem: FileSystem,
    private readonly options: SidecarStoreOptions = {},
  ) {}

  /**
   * `validate: false` skips the checks a reader that only wants the placed annotations does not
   * look at (the validation findings `validate` reports); parse problems are still returned.
   * `remember: false` is for a reader passing once over many files (`stats`, `validate`): the
   * parse is not kept for a later write, where keeping the last few alive only made the garbage
   * collector copy each one on.
   */
  async load(textPath: string, options: { validate?: boolean; remember?: boolean } = {}): Promise<LoadResult> {
    const sidecarPath = sidecarPathFor(textPath);
    const bytes = await readText(this.fileSystem, textPath);
    if (!bytes.ok) return bytes;
    const decoded = decodeText(bytes.data);
    const text = new CodePointIndex(decoded.text);
    const snapshot = await readSidecar(this.fileSystem, sidecarPath);
    if (!snapshot.ok) return { ...snapshot, decoded };
    const read = { ok: true, textPath, sidecarPath, decoded, text, textStatus: bytes.status } as const;
    if (snapshot.data === undefined) {
      const sidecar = createSidecar(baseName(textPath), decoded);
      return { ...read, sidecar, positions: [], anchors: [], problems: [], version: undefined, writable: true, readOnly: false };
    }
    const parsed = this.parse(snapshot, sidecarPath, options.remember);
    if (!parsed.ok) return { ok: false, problems: parsed.problems, decoded };
    const anchors = anchorAnnotations(parsed.sidecar, text, decoded.sha256);
    const current = parsed.sidecar.source.sha256 === decoded.sha256;
    let problems = parsed.problems;
    if (options.validate !== false) {
      const findings = validateSidecar(parsed.sidecar, parsed.positions, current ? text : undefined, this.options.knownTypes, sidecarPath, {
        rules: this.options.rules,
        relationPositions: parsed.relationPositions,
        suggestionPositions: parsed.suggestionPositions,
        anchors: current ? anchors : undefined,
      });
      problems = [...problems, ...findings, ...anchorProblems(parsed.sidecar, parsed.positions, anchors, sidecarPath, { current })];
    }
    return { ...read, sidecar: parsed.sidecar, positions: parsed.positions, anchors, problems, version: snapshot.version, writable: parsed.writable, readOnly: snapshot.readOnly };
  }

  /**
   * The text and the spans of its tags and suggestions (offsets as stored), for a reader that
   * needs nothing else (`suggest`, which must not suggest what is tagged or was rejected). A
   * canonical sidecar is read for its spans alone, with no hash, validation or anchoring; any
   * other file, or one the quick read is unsure of, is loaded in full (`load`), so the answer,
   * and whether the file can be written, is always what `load` would give.
   */
  async loadSpans(textPath: string): Promise<LoadedSpans | StoreFailure> {
    const bytes = await readText(this.fileSystem, textPath);
    if (!bytes.ok) return bytes;
    const text = textOf(bytes.data);
    const spans = await this.readSpans(sidecarPathFor(textPath));
    if (spans === 'none') return { ok: true, text, annotations: [], suggestions: [], writable: true, problems: [] };
    if (spans !== undefined) return { ok: true, text, ...spans, writable: true, problems: [] };
    const loaded = await this.load(textPath);
    if (!loaded.ok) return loaded;
    return { ok: true, text: loaded.decoded.text, annotations: loaded.sidecar.annotations, suggestions: loaded.sidecar.suggestions ?? [], writable: loaded.writable, problems: loaded.problems };
  }

  /** The sidecar's spans by the quick read, 'none' when there is no sidecar, undefined to load it in full. */
  private async readSpans(sidecarPath: string): Promise<{ annotations: Span[]; suggestions: Span[] } | 'none' | undefined> {
    let data: Uint8Array | undefined;
    try {
      data = await this.fileSystem.readFile(sidecarPath);
    } catch {
      return undefined;
    }
    if (data === undefined) return 'none';
    const content = this.decodeUtf8(data);
    if (content === undefined) return undefined;
    if (content.length > (this.options.parse?.maximumSize ?? defaultMaximumSize)) return undefined;
    return readCanonicalSpans(content, sidecarPath);
  }

  async update(textPath: string, change: SidecarChange, options: UpdateOptions = {}): Promise<UpdateResult> {
    const sidecarPath = sidecarPathFor(textPath);
    return this.locked(sidecarPath, () => this.updateLocked(textPath, sidecarPath, change, options));
  }

  /**
   * Replaces the sidecar's bytes with what `produce` makes of the bytes there now, under the
   * write lock, atomically: the way to write a file `update` refuses to read (a sidecar with
   * conflict markers being resolved, and undoing that). `produce` sees undefined when there is
   * no sidecar, and returns a problem to write nothing (the file is not what the caller expected).
   */
  async replace(textPath: string, produce: (current: Uint8Array | undefined) => Uint8Array | Problem): Promise<ReplaceResult> {
    const sidecarPath = sidecarPathFor(textPath);
    return this.locked(sidecarPath, async () => {
      const snapshot = await readSidecar(this.fileSystem, sidecarPath);
      if (!snapshot.ok) return snapshot;
      if (snapshot.readOnly) return { ok: false, problems: [problem('sidecar-read-only', 'The sidecar is read-only (no write permission), so it is not changed.', sidecarPath)] };
      const produced = produce(snapshot.data);
      if (!(produced instanceof Uint8Array)) return { ok: false, problems: [produced] };
      if (snapshot.data !== undefined && sameBytes(snapshot.data, produced)) return { ok: true, before: snapshot.data, after: produced, written: false };
      // Someone outside the lock (an editor, git) may have written since the read: then write nothing.
      const unchanged = await unchangedSince(this.fileSystem, sidecarPath, snapshot);
      if (unchanged !== true && unchanged !== false) return unchanged;
      if (!unchanged) return { ok: false, problems: [problem('sidecar-changed', 'The sidecar changed on disk meanwhile; nothing was written. Look at it again.', sidecarPath)] };
      try {
        await this.fileSystem.writeFileAtomic(sidecarPath, produced);
      } catch (error) {
        return { ok: false, problems: [problem('sidecar-write-failed', `The sidecar could not be written: ${describeError(error)}`, sidecarPath)] };
      }
      this.parsedCache.delete(sidecarPath);
      return { ok: true, before: snapshot.data, after: produced, written: true };
    });
  }

  /** Runs `work` holding the sidecar's write lock; a lock not obtained is a problem. */
  private async locked<T>(sidecarPath: string, work: () => Promise<T | StoreFailure>): Promise<T | StoreFailure> {
    let lock: LockResult;
    try {
      lock = await this.fileSystem.lock(sidecarPath, { waitMs: this.options.lockWaitMs, staleMs: this.options.lockStaleMs });
    } catch (error) {
      return { ok: false, problems: [problem('sidecar-write-failed', `The sidecar could not be locked for writing: ${describeError(error)}`, sidecarPath)] };
    }
    if (!lock.ok) {
      const message = `Another writer (${lock.holder}) kept this sidecar locked; nothing was written. Try again.`;
      return { ok: false, problems: [problem('sidecar-busy', message, sidecarPath)] };
    }
    try {
      return await work();
    } finally {
      // A lock that cannot be removed is recovered as stale by the next writer.
      await lock.release().catch(() => undefined);
    }
  }

  /**
   * Deletes the sidecar when it holds nothing: no annotations and not marked done (what undoing
   * the action that created it leaves; that action's tags made it "in progress"). Under the lock, on the file as it is now, so a tag another
   * writer added meanwhile keeps it. Returns whether it was removed.
   */
  async removeIfEmpty(textPath: string): Promise<boolean> {
    const sidecarPath = sidecarPathFor(textPath);
    let lock: LockResult;
    try {
      lock = await this.fileSystem.lock(sidecarPath, { waitMs: this.options.lockWaitMs, staleMs: this.options.lockStaleMs });
    } catch {
      return false;
    }
    if (!lock.ok) return false;
    try {
      const snapshot = await readSidecar(this.fileSystem, sidecarPath);
      if (!snapshot.ok || snapshot.data === undefined || snapshot.readOnly) return false;
      const parsed = this.parse(snapshot, sidecarPath);
      if (!parsed.ok || !parsed.writable || parsed.sidecar.annotations.length > 0 || (parsed.sidecar.suggestions ?? []).length > 0 || parsed.sidecar.status === 'done') return false;
      await this.fileSystem.removeFile(sidecarPath);
      this.parsedCache.delete(sidecarPath);
      return true;
    } catch {
      return false;
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  private async updateLocked(textPath: string, sidecarPath: string, change: SidecarChange, options: UpdateOptions): Promise<UpdateResult> {
    const attempts = Math.max(1, this.options.maximumAttempts ?? 5);
    for (let attempt = 0; attempt < attempts; attempt++) {
      const bytes = await readText(this.fileSystem, textPath);
      if (!bytes.ok) return bytes;
      const { decoded, text } = this.decodeCached(textPath, bytes.data);
      // Offsets into a text that is not UTF-8 would not be what Python reads: never write them.
      if (!decoded.encoding.utf8) return { ok: false, problems: [problem('text-encoding', describeEncoding(decoded.encoding, textPath), textPath, decoded.encoding.line, decoded.encoding.column)], decoded };
      const snapshot = await readSidecar(this.fileSystem, sidecarPath);
      if (!snapshot.ok) return snapshot;
      if (snapshot.readOnly) {
        const message = 'The sidecar is read-only (no write permission), so it is not changed. Make it writable (chmod u+w) to tag this file.';
        return { ok: false, problems: [problem('sidecar-read-only', message, sidecarPath)], decoded };
      }

      const prepared = this.prepare(snapshot, textPath, sidecarPath, decoded, text, change, options.placedAt);
      if (!prepared.ok) return prepared;
      if (snapshot.data !== undefined && sameBytes(snapshot.data, prepared.data)) {
        return { ok: true, sidecar: prepared.sidecar, problems: prepared.problems, written: false, version: snapshot.version! };
      }
      // The file may have changed while we worked: then start over from what is there now.
      const unchanged = await unchangedSince(this.fileSystem, sidecarPath, snapshot);
      if (unchanged !== true && unchanged !== false) return unchanged;
      if (!unchanged) continue;

      const data = prepared.data;
      try {
        await this.fileSystem.writeFileAtomic(sidecarPath, data);
      } catch (error) {
        return { ok: false, problems: [problem('sidecar-write-failed', `The sidecar could not be written: ${describeError(error)}`, sidecarPath)] };
      }
      let status: { size: number; mtimeMs: number } | undefined;
      try {
        status = await this.fileSystem.stat(sidecarPath);
      } catch {
        status = undefined;
      }
      const version = new LazilyHashedVersion(data, status?.mtimeMs ?? 0);
      this.remember(sidecarPath, data, {
        ok: true,
        sidecar: prepared.sidecar,
        positions: prepared.positions,
        problems: [],
        writable: true,
        canonical: true,
        lineEnding: prepared.lineEnding,
      });
      let everyEntryHolds = prepared.settling.size === prepared.pending.size;
      for (const annotation of prepared.settling) {
        if (holdsText(annotation, text)) this.settledIn.set(annotation, text);
        else everyEntryHolds = false;
      }
      if (everyEntryHolds) this.settledLists.set(prepared.sidecar.annotations, { text, byId: prepared.spotless ? this.idsAfter(prepared) : undefined });
      for (const suggestion of prepared.sidecar.suggestions ?? []) {
        if (this.settledSuggestionsIn.get(suggestion) !== text && suggestionHoldsText(suggestion, text)) this.settledSuggestionsIn.set(suggestion, text);
      }
      return { ok: true, sidecar: prepared.sidecar, problems: prepared.problems, written: true, version, ...(snapshot.data === undefined ? { created: true } : {}) };
    }
    return {
      ok: false,
      problems: [problem('sidecar-busy', `The sidecar kept changing on disk while it was being saved (${attempts} attempts); nothing was written. Try again.`, sidecarPath)],
    };
  }

  /** Parses the snapshot, re-anchors, applies the change and serialises: no I/O. */
  private prepare(
    snapshot: SidecarBytes,
    textPath: string,
    sidecarPath: string,
    decoded: DecodedText,
    text: CodePointIndex,
    change: SidecarChange,
    placedAt?: ReadonlyMap<string, readonly [number, number]>,
  ):
    | {
        ok: true;
        sidecar: Sidecar;
        pending: ReadonlySet<Annotation>;
        settling: ReadonlySet<Annotation>;
        /** Whether the file as written has no finding at all (its list may then be known clean). */
        spotless: boolean;
        /** The settled list the change started from, when it was written without a finding, and the change against it. */
        clean: CleanStart | undefined;
        data: Uint8Array;
        problems: Problem[];
        positions: EntryPosition[];
        lineEnding: LineEnding;
      }
    | StoreFailure {
    let base: Sidecar;
    let lineEnding: LineEnding = 'lf';
    if (snapshot.data === undefined) {
      base = createSidecar(baseName(textPath), decoded);
    } else {
      const parsed = this.parse(snapshot, sidecarPath);
      if (!parsed.ok) return { ok: false, problems: parsed.problems, decoded };
      if (!parsed.writable) {
        const refusal = problem('sidecar-not-written', 'Part of this sidecar could not be read (see the other problems); it is not written until that is fixed, so nothing in it is lost.', sidecarPath);
        return { ok: false, problems: [refusal, ...parsed.problems], decoded };
      }
      base = parsed.sidecar;
      lineEnding = parsed.lineEnding;
    }
    if (placedAt !== undefined && base.source.sha256 !== decoded.sha256) base = startingAt(base, placedAt, text);
    // A list written last time into this very text holds its text throughout: nothing to anchor.
    const known = base.source.sha256 === decoded.sha256 ? this.settledLists.get(base.annotations) : undefined;
    const settledList = known?.text === text ? base.annotations : undefined;
    const { sidecar: anchored, settled } =
      settledList !== undefined ? { sidecar: { ...base, annotations: settledList.slice() }, settled: true } : applyAnchors(base, this.anchor(base, text, decoded.sha256));
    if (base.source.sha256 !== decoded.sha256 && anchored.suggestions !== undefined) {
      anchored.suggestions = anchorSuggestions(anchored.suggestions, base.annotations, text);
    }
    let changed: Sidecar | Problem;
    try {
      changed = change(anchored, text);
    } catch (error) {
      changed = problem('sidecar-change-failed', `The change could not be applied: ${describeError(error)}`, sidecarPath);
    }
    if (isProblem(changed)) return { ok: false, problems: [changed], decoded };
    const { sidecar: refreshed, pending, listChange } = this.refresh(changed, baseName(textPath), decoded, text, settled, settledList);
    // Entries in file order with their lines in the new file, so problems can point into it;
    // written from that order, so the lists are sorted once, not once more by the writer.
    const { sidecar, positions, relationPositions, suggestionPositions } = canonicalLayout(refreshed);
    const data = serializeSidecarBytes(sidecar, lineEnding);
    const clean = known?.byId !== undefined && listChange !== undefined ? { list: base.annotations, byId: known.byId, listChange } : undefined;
    const found = this.validate(sidecar, pending, clean, positions, relationPositions, suggestionPositions, text, sidecarPath);
    // Annotations not yet found again in a changed text are expected not to match it.
    const problems = found.filter((item) => settled || item.code !== 'text-mismatch');
    const settling = withoutFindings(sidecar.annotations, positions, pending, found);
    return { ok: true, sidecar, pending, settling, spotless: found.length === 0, clean, data, problems, positions, lineEnding };
  }

  /** The text's decoding, reused while its bytes are unchanged. */
  private decodeCached(textPath: string, bytes: Uint8Array): { decoded: DecodedText; text: CodePointIndex } {
    const cached = this.textCache.get(textPath);
    if (cached !== undefined && sameBytes(cached.bytes, bytes)) return cached;
    const decoded = decodeText(bytes);
    const entry = { bytes, decoded, text: new CodePointIndex(decoded.text) };
    this.textCache.delete(textPath);
    this.textCache.set(textPath, entry);
    if (this.textCache.size > SidecarStore.textCacheSize) this.textCache.delete(this.textCache.keys().next().value!);
    return entry;
  }

  private isSettled(annotation: Annotation, text: CodePointIndex): boolean {
    return this.settledIn.get(annotation) === text;
  }

  /**
   * The entries of a list written without any finding, by id: the map of the list the change
   * started from, brought up to date (it serves no other list after this write), or a new one.
   */
  private idsAfter(prepared: { sidecar: Sidecar; clean: CleanStart | undefined }): Map<string, Annotation> {
    const { clean } = prepared;
    if (clean === undefined) return new Map(prepared.sidecar.annotations.map((annotation) => [annotation.id, annotation]));
    this.settledLists.delete(clean.list);
    const { byId, listChange } = clean;
    for (const annotation of listChange.dropped) if (byId.get(annotation.id) === annotation) byId.delete(annotation.id);
    for (const annotation of listChange.added) byId.set(annotation.id, annotation);
    return byId;
  }

  /** `anchorAnnotations`, without re-checking entries known to hold their text. */
  private anchor(sidecar: Sidecar, text: CodePointIndex, textSha256: string): AnchorResult[] {
    if (sidecar.source.sha256 !== textSha256) return anchorAnnotations(sidecar, text, textSha256);
    return sidecar.annotations.map((annotation) =>
      this.isSettled(annotation, text) || holdsText(annotation, text) ? { kind: 'exact', start: annotation.start, end: annotation.end } : { kind: 'orphan' },
    );
  }

  /**
   * `refreshSidecar`, applied only to the entries not already settled in this text; `pending`
   * is what it refreshed, the entries validation and settling must still look at. Settledness
   * is asked once per entry here and nowhere after: asking it in each later pass was a tenth of
   * a tag in a 5,000-entry file (a look-up in a large table per entry and pass).
   */
  private refresh(
    sidecar: Sidecar,
    fileName: string,
    decoded: DecodedText,
    text: CodePointIndex,
    settled: boolean,
    settledList: readonly Annotation[] | undefined,
  ): { sidecar: Sidecar; pending: ReadonlySet<Annotation>; listChange: ListChange | undefined } {
    const annotations = sidecar.annotations;
    const { pending: pendingIndexes, added, dropped } = this.unsettledIndexes(annotations, text, settledList);
    if (pendingIndexes.length === annotations.length) {
      const refreshed = refreshSidecar(sidecar, fileName, decoded, text, settled);
      return { sidecar: refreshed, pending: new Set(refreshed.annotations), listChange: undefined };
    }
    const refreshed = refreshSidecar({ ...sidecar, annotations: pendingIndexes.map((index) => annotations[index]) }, fileName, decoded, text, settled);
    const merged = annotations.slice();
    pendingIndexes.forEach((index, position) => (merged[index] = refreshed.annotations[position]));
    // What the change added, as refreshed: the objects the new list holds, which the list's ids will name.
    const listChange = settledList === undefined ? undefined : { added: added.map((index) => merged[index]), dropped };
    return { sidecar: { ...refreshed, annotations: merged }, pending: new Set(refreshed.annotations), listChange };
  }

  /**
   * The indexes of the entries not known to be settled in `text`. The entries a change kept from
   * a settled list are that list's own objects, nearly always in its order: walking both lists
   * side by side finds them by identity (an entry removed or replaced is stepped over); any other
   * entry is looked up. `added` are the indexes of the entries that are not the settled list's
   * own, as found; `dropped` the settled list's entries the walk did not find (stepped over, or
   * left after the last one found), so each of its entries is found or dropped, never both.
   */
  private unsettledIndexes(annotations: readonly Annotation[], text: CodePointIndex, settledList: readonly Annotation[] | undefined): { pending: number[]; added: number[]; dropped: Set<Annotation> } {
    const pending: number[] = [];
    const added: number[] = [];
    const dropped = new Set<Annotation>();
    const kept = settledList ?? [];
    let next = 0;
    for (let index = 0; index < annotations.length; index++) {
      const annotation = annotations[index];
      if (kept[next] === annotation) next++;
      else if (kept[next + 1] === annotation) {
        dropped.add(kept[next]);
        next += 2;
      } else {
        added.push(index);
        if (!this.isSettled(annotation, text)) pending.push(index);
      }
    }
    for (; next < kept.length; next++) dropped.add(kept[next]);
    return { pending, added, dropped };
  }

  /**
   * `validateSidecar`, checking against the text only the entries not already settled in it
   * (the others hold it by construction). When a quick scan finds anything between entries
   * (a repeated id, an unknown type, a reversed span), the whole check runs as before, so the
   * problems listed are always the same.
   */
  private validate(
    sidecar: Sidecar,
    pendingAnnotations: ReadonlySet<Annotation>,
    clean: CleanStart | undefined,
    positions: EntryPosition[],
    relationPositions: EntryPosition[],
    suggestionPositions: EntryPosition[],
    text: CodePointIndex,
    sidecarPath: string,
  ): Problem[] {
    const knownTypes = this.options.knownTypes;
    const options = { rules: this.options.rules, relationPositions, suggestionPositions };
    const annotations = sidecar.annotations;
    const cleanEntry = (annotation: Annotation) => (knownTypes === undefined || knownTypes.has(annotation.type)) && annotation.start <= annotation.end;
    let pendingIndexes = clean === undefined ? undefined : this.pendingInCleanList(annotations, pendingAnnotations, clean.byId, clean.listChange, cleanEntry);
    if (pendingIndexes === 'unclean') return validateSidecar(sidecar, positions, text, knownTypes, sidecarPath, options);
    if (pendingIndexes === undefined) {
      pendingIndexes = [];
      const ids = new Set<string>();
      for (let index = 0; index < annotations.length; index++) {
        const annotation = annotations[index];
        if (ids.has(annotation.id) || !cleanEntry(annotation)) return validateSidecar(sidecar, positions, text, knownTypes, sidecarPath, options);
        ids.add(annotation.id);
        if (pendingAnnotations.has(annotation)) pendingIndexes.push(index);
      }
    }
    const suggestions = sidecar.suggestions ?? [];
    const pendingSuggestionIndexes: number[] = [];
    for (let index = 0; index < suggestions.length; index++) if (this.settledSuggestionsIn.get(suggestions[index]) !== text) pendingSuggestionIndexes.push(index);
    if (pendingIndexes.length === annotations.length && pendingSuggestionIndexes.length === suggestions.length) {
      return validateSidecar(sidecar, positions, text, knownTypes, sidecarPath, options);
    }
    // Relations are checked against the whole file (their ends may be settled entries).
    const pending = { ...sidecar, annotations: pendingIndexes.map((index) => annotations[index]), relations: undefined, suggestions: undefined };
    const pendingSuggestions = { ...sidecar, suggestions: pendingSuggestionIndexes.map((index) => suggestions[index]) };
    return [
      ...validateSidecar(pending, pendingIndexes.map((index) => positions[index]), text, knownTypes, sidecarPath, { rules: this.options.rules }),
      ...validateRelations(sidecar, relationPositions, this.options.rules, sidecarPath),
      ...validateSuggestions(pendingSuggestions, pendingSuggestionIndexes.map((index) => suggestionPositions[index]), text, sidecarPath),
    ];
  }

  /**
   * The quick scan's answer for a change to a list written without any finding (no repeated
   * id, unknown type or reversed span): only what the change added can bring one, so only that
   * is looked at, and the list's ids come from the map kept with it, not from a pass over every
   * entry (which was a tenth of a tag in a 5,000-entry file). 'unclean' when the added entries
   * bring a finding; undefined, for the full scan, when the change is not small.
   */
  private pendingInCleanList(
    annotations: readonly Annotation[],
    pending: ReadonlySet<Annotation>,
    byId: ReadonlyMap<string, Annotation>,
    listChange: ListChange,
    cleanEntry: (annotation: Annotation) => boolean,
  ): number[] | 'unclean' | undefined {
    if (listChange.added.length > smallChange || pending.size > smallChange) return undefined;
    const addedIds = new Set<string>();
    for (const annotation of listChange.added) {
      // An id is free when no entry of the list has it, or only one the change dropped.
      const owner = byId.get(annotation.id);
      const free = !addedIds.has(annotation.id) && (owner === undefined || listChange.dropped.has(owner)) && !listChange.dropped.has(annotation);
      if (!free || !cleanEntry(annotation)) return 'unclean';
      addedIds.add(annotation.id);
    }
    const indexes: number[] = [];
    for (const annotation of pending) {
      const index = annotations.indexOf(annotation);
      if (index < 0) return undefined;
      indexes.push(index);
    }
    return indexes.sort((left, right) => left - right);
  }

  private decodeUtf8(bytes: Uint8Array): string | undefined {
    return (this.options.decodeUtf8 ?? decodeStrictUtf8)(bytes);
  }

  /** Parses the sidecar's bytes, or reuses the last parse of the same bytes (no decoding then either). */
  private parse(snapshot: SidecarBytes, sidecarPath: string, remember = true): ParseResult {
    // A one-pass read neither looks in the cache nor fills it.
    const bytes = remember ? snapshot.data : undefined;
    const cached = this.parsedCache.get(sidecarPath);
    if (cached !== undefined && bytes !== undefined && sameBytes(cached.bytes, bytes)) return cached.parsed;
    const content = this.decodeUtf8(snapshot.data ?? new Uint8Array(0));
    if (content === undefined) return { ok: false, problems: [problem('sidecar-encoding', 'The sidecar is not valid UTF-8; it is not read or written.', sidecarPath)] };
    const parsed = parseSidecar(content, sidecarPath, this.options.parse);
    if (parsed.ok && bytes !== undefined) this.remember(sidecarPath, bytes, parsed);
    return parsed;
  }

  private remember(sidecarPath: string, bytes: Uint8Array, parsed: ParsedSidecar): void {
    this.parsedCache.delete(sidecarPath);
    this.parsedCache.set(sidecarPath, { bytes, parsed });
    if (this.parsedCache.size > SidecarStore.parsedCacheSize) this.parsedCache.delete(this.parsedCache.keys().next().value!);
  }
}

/** What the store knows of a list it wrote (see `settledLists`). */
interface SettledList {
  /** The text every entry is settled in. */
  readonly text: CodePointIndex;
  /** When the list was written without any finding: its entries by id (see `pendingInCleanList`). */
  readonly byId: Map<string, Annotation> | undefined;
}

/** What a change did to the settled list it started from (see `unsettledIndexes`). */
interface ListChange {
  /** The entries that are not the list's own, as refreshed. */
  readonly added: readonly Annotation[];
  /** The list's entries the change left out. */
  readonly dropped: ReadonlySet<Annotation>;
}

/** A change to a list written without any finding: the list, its entries by id, and the change. */
interface CleanStart {
  readonly list: readonly Annotation[];
  readonly byId: Map<string, Annotation>;
  readonly listChange: ListChange;
}

/** Changes up to this many entries take the quick scan; larger ones are checked in full. */
const smallChange = 16;

/** A sidecar's bytes as found on disk (undefined when it does not exist), not yet decoded. */
interface SidecarBytes {
  ok: true;
  data: Uint8Array | undefined;
  version: FileVersion | undefined;
  readOnly: boolean;
}

/**
 * Reads a sidecar without decoding it: the parse cache answers most reads by comparing bytes,
 * and decoding a megabyte of UTF-8 strictly costs several times that. The version's hash is
 * taken only if someone asks for it (see LazilyHashedVersion).
 */
async function readSidecar(fileSystem: FileSystem, path: string): Promise<SidecarBytes | { ok: false; problems: Problem[] }> {
  try {
    // One open for both where the file system offers it: a separate stat was a tenth of reading a corpus.
    const read = fileSystem.readFileWithStatus !== undefined ? await fileSystem.readFileWithStatus(path) : { status: await fileSystem.stat(path), data: await fileSystem.readFile(path) };
    const status = read?.status;
    const data = read?.data;
    if (data === undefined) return { ok: true, data: undefined, version: undefined, readOnly: false };
    const version = new LazilyHashedVersion(data, status?.mtimeMs ?? 0);
    return { ok: true, data, version, readOnly: status?.readOnly === true };
  } catch (error) {
    return { ok: false, problems: [problem('sidecar-unreadable', `The sidecar could not be read: ${describeError(error)}`, path)] };
  }
}

/**
 * Whether the sidecar is still what `snapshot` read: someone outside the lock (an editor, git)
 * may have written it meanwhile. The bytes, not the time, prove it unchanged: equal bytes are
 * what equal hashes stand for, and comparing them costs less than hashing a second read; a
 * different time means someone wrote it.
 */
async function unchangedSince(fileSystem: FileSystem, path: string, snapshot: SidecarBytes): Promise<boolean | StoreFailure> {
  try {
    const status = await fileSystem.stat(path);
    const data = await fileSystem.readFile(path);
    if (snapshot.data === undefined || data === undefined) return snapshot.data === data;
    return snapshot.version?.mtimeMs === (status?.mtimeMs ?? 0) && sameBytes(snapshot.data, data);
  } catch (error) {
    return { ok: false, problems: [problem('sidecar-unreadable', `The sidecar could not be read: ${describeError(error)}`, path)] };
  }
}

/**
 * A version whose hash is taken the first time it is read: the store itself never asks (hashing
 * every sidecar was 4% of a cold `stats`, and hashing the sidecar read and the one written a
 * sixth of a tag in a 5,000-entry file). It holds the bytes until then, which the parse cache
 * keeps anyway. A class, not an object literal with a getter: made by the literal, each version
 * brought its own getter closure, and tagging in a long file then ran 8 to 13 full collections
 * per 120 tags instead of 1 or 2 (measured).
 */
class LazilyHashedVersion implements FileVersion {
  readonly size: number;
  // Private fields are not enumerable: a version compares and prints as its size and time.
  readonly #data: Uint8Array;
  #hash: string | undefined;

  constructor(
    data: Uint8Array,
    readonly mtimeMs: number,
  ) {
    this.size = data.length;
    this.#data = data;
  }

  get sha256(): string {
    return (this.#hash ??= sha256Hex(this.#data));
  }
}

/**
 * The pending entries that may be taken as settled once written: not those with a finding of
 * their own (white space at an edge, an attribute the rules do not know), which each write must
 * report again, as a new store would. Past the listing limit the findings are no longer all
 * listed, so nothing is.
 */
function withoutFindings(annotations: readonly Annotation[], positions: readonly EntryPosition[], pending: ReadonlySet<Annotation>, problems: readonly Problem[]): ReadonlySet<Annotation> {
  if (problems.length === 0) return pending;
  if (problems.some((item) => item.code === 'sidecar-too-many-problems')) return new Set();
  // Each entry is one line of the canonical file, and its findings point into that line.
  const lines = new Set(problems.map((item) => item.line));
  const settling = new Set(pending);
  for (let index = 0; index < annotations.length; index++) if (lines.has(positions[index]?.line)) settling.delete(annotations[index]);
  return settling;
}

/** The store's rule for a suggestion that is fine in this text (`validateSuggestions` reports the others). */
function suggestionHoldsText(suggestion: Suggestion, text: CodePointIndex): boolean {
  return suggestion.start <= suggestion.end && suggestion.end <= text.codePointLength && text.slice(suggestion.start, suggestion.end) === suggestion.text;
}

function isProblem(value: Sidecar | Problem): value is Problem {
  return 'code' in value && 'severity' in value;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The sidecar with each annotation moved to where `placedAt` says it is, when its text is exactly there (see UpdateOptions). */
function startingAt(sidecar: Sidecar, placedAt: ReadonlyMap<string, readonly [number, number]>, text: CodePointIndex): Sidecar {
  const annotations = sidecar.annotations.map((annotation) => {
    const place = placedAt.get(annotation.id);
    if (place === undefined || annotation.fragments !== undefined) return annotation;
    const [start, end] = place;
    if ((start === annotation.start && end === annotation.end) || end > text.codePointLength || start > end || text.slice(start, end) !== annotation.text) return annotation;
    return { ...annotation, start, end };
  });
  return { ...sidecar, annotations };
}
