/**
 * A run of files read into index records by another thread, in a form that crosses to the main
 * thread cheaply and that the index adopts without touching each annotation again: the run's
 * columns as the index keeps them (fileRecord.ts), one array of each kind for the whole run (a
 * few dozen objects to copy, not five arrays per file: the main thread's collector spent more
 * time on those than the run took to adopt), with forms numbered within the run. Adopting
 * interns the run's forms in the order the run first met them and renumbers the forms; each
 * file's columns are then views into the run's arrays. Runs adopted in file order therefore give
 * the very index one thread reading the files in order builds (same form and entity numbers),
 * and so the same cache file.
 */
import type { CorpusIndex } from './corpusIndex';
import { columnsOf, metaOf, type AnnotationColumns, type FileMeta, type FormInterner } from './fileRecord';
import type { IndexEntry } from './indexEntry';

export interface PackedRun {
  readonly paths: readonly string[];
  readonly metas: readonly FileMeta[];
  /** Per file: whether its sidecar was read (the loader counts those), and how many annotations it has. */
  readonly sidecars: readonly boolean[];
  readonly counts: Uint32Array;
  /** The run's annotations, file after file. `forms` numbers the run's forms until adopted. */
  readonly ids: readonly string[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly forms: Int32Array;
  /** Each annotation's context start within its own file's context, and its "before" length. */
  readonly contextStarts: Uint32Array;
  readonly beforeLengths: Uint8Array;
  /** Every file's snippet context, one after another, and each file's length of it. */
  readonly context: string;
  readonly contextLengths: Uint32Array;
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

/** Lays out `entries` (in file order) as one run. */
export function packRun(entries: readonly { path: string; entry: IndexEntry }[]): PackedRun {
  const forms = new RunForms();
  const columns = entries.map(({ entry }) => columnsOf(entry.annotations, forms));
  let total = 0;
  for (const file of columns) total += file.forms.length;
  const run = {
    paths: entries.map(({ path }) => path),
    metas: entries.map(({ entry }) => metaOf(entry)),
    sidecars: entries.map(({ entry }) => entry.hasSidecar),
    counts: new Uint32Array(entries.length),
    ids: new Array<string>(total),
    starts: new Float64Array(total),
    ends: new Float64Array(total),
    forms: new Int32Array(total),
    contextStarts: new Uint32Array(total),
    beforeLengths: new Uint8Array(total),
    context: columns.map((file) => file.context).join(''),
    contextLengths: new Uint32Array(entries.length),
    notes: [] as [number, string][],
    formTypes: forms.types,
    formTexts: forms.texts,
  };
  let at = 0;
  columns.forEach((file, index) => {
    const count = file.forms.length;
    run.counts[index] = count;
    run.contextLengths[index] = file.context.length;
    for (let annotation = 0; annotation < count; annotation++) run.ids[at + annotation] = file.ids[annotation];
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
  let contextAt = 0;
  for (let file = 0; file < run.paths.length; file++) {
    const end = at + run.counts[file];
    let notes: Map<number, string> | undefined;
    for (; note < run.notes.length && run.notes[note][0] < end; note++) (notes ??= new Map()).set(run.notes[note][0] - at, run.notes[note][1]);
    const contextEnd = contextAt + run.contextLengths[file];
    const columns: AnnotationColumns = {
      ids: run.ids.slice(at, end),
      starts: run.starts.subarray(at, end),
      ends: run.ends.subarray(at, end),
      forms: run.forms.subarray(at, end),
      notes,
      context: run.context.slice(contextAt, contextEnd),
      contextStarts: run.contextStarts.subarray(at, end),
      beforeLengths: run.beforeLengths.subarray(at, end),
    };
    index.setColumns(run.paths[file], run.metas[file], () => columns);
    onFile?.(run.sidecars[file]);
    at = end;
    contextAt = contextEnd;
  }
}
