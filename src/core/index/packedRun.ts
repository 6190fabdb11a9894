/**
 * A run of files read into index records by another thread, in a form that crosses to the main
 * thread cheaply and that the index adopts without touching each annotation again: the run's
 * columns as the index keeps them (fileRecord.ts), one array of each kind for the whole run (a
 * few dozen objects to copy, not five arrays per file: the main thread's collector spent more
 * time on those than the run took to adopt), with forms numbered within the run. Adopting
 * interns the run's forms in the order the run first met them and renumbers the forms; each
 * file's columns are then views into the run's arrays. Runs adopted in file order therefore give
 * the very index one thread reading the files in order builds (same form and entity numbers),
 * and so the same cache file. Ids and snippet context cross already encoded as the cache stores
 * them and stay so until someone reads them: adopting a string per annotation made this thread's
 * collector copy 224,000 ids at 10,000 documents, and the cache write encode them again.
 */
import { EncodedColumns, encodeText, type EncodedText, type StoredText } from './cachedColumns';
import type { CorpusIndex } from './corpusIndex';
import { columnsOf, metaOf, type FileMeta, type FormInterner } from './fileRecord';
import type { IndexEntry } from './indexEntry';

export interface PackedRun {
  readonly paths: readonly string[];
  readonly metas: readonly FileMeta[];
  /** Per file: whether its sidecar was read (the loader counts those), and how many annotations it has. */
  readonly sidecars: readonly boolean[];
  readonly counts: Uint32Array;
  /** The run's annotations, file after file. `forms` numbers the run's forms until adopted. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly forms: Int32Array;
  /** Each annotation's context start within its own file's context, and its "before" length. */
  readonly contextStarts: Uint32Array;
  readonly beforeLengths: Uint8Array;
  /** Where each annotation's id ends in its own file's ids, joined (UTF-16 units). */
  readonly idEnds: Uint32Array;
  /**
   * Each file's ids (joined) and snippet context, encoded as the cache stores them
   * (cachedColumns.ts), one after another: the thread that adopts the run keeps a few byte
   * arrays instead of a string per annotation, and writes the cache without encoding them again.
   */
  readonly idBytes: Uint8Array;
  readonly idTexts: readonly StoredText[];
  readonly contextBytes: Uint8Array;
  readonly contextTexts: readonly StoredText[];
  /** The few notes: [annotation index in the run, note]. */
  readonly notes: readonly (readonly [number, string])[];
  /** The run's forms, in the order the run first met them. */
  readonly formTypes: readonly string[];
  readonly formTexts: readonly string[];
}

/** Numbers forms within one run. */
class RunForms implements FormInterner {
  readonly types: string[] = [];
  readonly texts: string[] = [];
  private readonly byType = new Map<string, Map<string, number>>();

  internForm(type: string, text: string): number {
    let forms = this.byType.get(type);
    if (forms === undefined) this.byType.set(type, (forms = new Map<string, number>()));
    let form = forms.get(text);
    if (form === undefined) {
      form = this.types.length;
      forms.set(text, form);
      this.types.push(type);
      this.texts.push(text);
    }
    return form;
  }
}

/** One file's columns in an adopted run: views into the run's arrays, text decoded on first use. */
class RunColumns extends EncodedColumns {
  constructor(
    readonly starts: Float64Array,
    readonly ends: Float64Array,
    readonly forms: Int32Array,
    readonly notes: ReadonlyMap<number, string> | undefined,
    readonly contextStarts: Uint32Array,
    readonly beforeLengths: Uint8Array,
    readonly idEnds: Uint32Array,
    readonly storedIds: EncodedText,
    readonly storedContext: EncodedText,
  ) {
    super();
  }
}

/** `parts` one after another in one array. */
function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/** Lays out `entries` (in file order) as one run. */
export function packRun(entries: readonly { path: string; entry: IndexEntry }[]): PackedRun {
  const forms = new RunForms();
  const columns = entries.map(({ entry }) => columnsOf(entry.annotations, forms));
  let total = 0;
  for (const file of columns) total += file.forms.length;
  const ids = columns.map((file) => encodeText(file.ids.join('')));
  const context = columns.map((file) => encodeText(file.context));
  const run = {
    paths: entries.map(({ path }) => path),
    metas: entries.map(({ entry }) => metaOf(entry)),
    sidecars: entries.map(({ entry }) => entry.hasSidecar),
    counts: new Uint32Array(entries.length),
    starts: new Float64Array(total),
    ends: new Float64Array(total),
    forms: new Int32Array(total),
    contextStarts: new Uint32Array(total),
    beforeLengths: new Uint8Array(total),
    idEnds: new Uint32Array(total),
    idBytes: joinBytes(ids.map((text) => text.bytes)),
    idTexts: ids.map((text) => text.stored),
    contextBytes: joinBytes(context.map((text) => text.bytes)),
    contextTexts: context.map((text) => text.stored),
    notes: [] as [number, string][],
    formTypes: forms.types,
    formTexts: forms.texts,
  };
  let at = 0;
  columns.forEach((file, index) => {
    const count = file.forms.length;
    run.counts[index] = count;
    let idEnd = 0;
    for (let annotation = 0; annotation < count; annotation++) run.idEnds[at + annotation] = idEnd += file.ids[annotation].length;
    run.starts.set(file.starts, at);
    run.ends.set(file.ends, at);
    run.forms.set(file.forms, at);
    run.contextStarts.set(file.contextStarts, at);
    run.beforeLengths.set(file.beforeLengths, at);
    for (const [annotation, note] of file.notes ?? []) run.notes.push([at + annotation, note]);
    at += count;
  });
  return run;
}

/** Adds a run's files to `index`, renumbering their forms as the index's; `onFile` after each (with whether its sidecar was read). */
export function adoptRun(index: CorpusIndex, run: PackedRun, onFile?: (hasSidecar: boolean) => void): void {
  const numbers = new Int32Array(run.formTypes.length);
  for (let form = 0; form < numbers.length; form++) numbers[form] = index.table.internForm(run.formTypes[form], run.formTexts[form]);
  for (let annotation = 0; annotation < run.forms.length; annotation++) run.forms[annotation] = numbers[run.forms[annotation]];
  let note = 0;
  let at = 0;
  let idAt = 0;
  let contextAt = 0;
  for (let file = 0; file < run.paths.length; file++) {
    const end = at + run.counts[file];
    let notes: Map<number, string> | undefined;
    for (; note < run.notes.length && run.notes[note][0] < end; note++) (notes ??= new Map()).set(run.notes[note][0] - at, run.notes[note][1]);
    const ids = run.idTexts[file];
    const context = run.contextTexts[file];
    const columns = new RunColumns(
      run.starts.subarray(at, end),
      run.ends.subarray(at, end),
      run.forms.subarray(at, end),
      notes,
      run.contextStarts.subarray(at, end),
      run.beforeLengths.subarray(at, end),
      run.idEnds.subarray(at, end),
      { bytes: run.idBytes.subarray(idAt, idAt + ids.bytes), stored: ids },
      { bytes: run.contextBytes.subarray(contextAt, contextAt + context.bytes), stored: context },
    );
    index.setColumns(run.paths[file], run.metas[file], () => columns);
    onFile?.(run.sidecars[file]);
    at = end;
    idAt += ids.bytes;
    contextAt += context.bytes;
  }
}
