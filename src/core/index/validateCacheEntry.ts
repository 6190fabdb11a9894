/**
 * Checks one cached file's annotation columns before they are believed: a cache file can be
 * truncated, edited, or written by a buggy build. Anything off and the entry is re-read from
 * its sidecar instead. Linear in the entry's size.
 */
import type { AnnotationColumns } from './fileRecord';

/** ids, start deltas, lengths, form slots, [index, note] pairs, context, split lengths. */
export type CachedColumns = [unknown, unknown, unknown, unknown, unknown, unknown, unknown];

/** The columns with `forms` still holding cache form slots, or undefined when anything is off. */
export function validColumns(slots: CachedColumns, formCount: number): AnnotationColumns | undefined {
  const [ids, startDeltas, lengths, forms, notes, context, splits] = slots;
  if (!Array.isArray(ids) || typeof context !== 'string') return undefined;
  const count = ids.length;
  if (!ids.every((id) => typeof id === 'string')) return undefined;
  if (!isIntegers(startDeltas, count) || !isIntegers(lengths, count) || !isIntegers(forms, count) || !isIntegers(splits, 2 * count)) return undefined;

  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  let start = 0;
  for (let index = 0; index < count; index++) {
    start += startDeltas[index];
    const end = start + lengths[index];
    if (start < 0 || end < 0 || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return undefined;
    starts[index] = start;
    ends[index] = end;
  }
  if (!forms.every((slot) => slot >= 0 && slot < formCount)) return undefined;

  const contextStarts = new Uint32Array(count);
  const beforeLengths = new Uint8Array(count);
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const before = splits[2 * index];
    const after = splits[2 * index + 1];
    if (before < 0 || before > 255 || after < 0) return undefined;
    contextStarts[index] = offset;
    beforeLengths[index] = before;
    offset += before + after;
  }
  if (offset !== context.length) return undefined;

  const noteMap = notesOf(notes, count);
  if (noteMap === null) return undefined;
  return { ids, starts, ends, forms: Int32Array.from(forms), notes: noteMap, context, contextStarts, beforeLengths };
}

function notesOf(value: unknown, count: number): Map<number, string> | undefined | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return undefined;
  const notes = new Map<number, string>();
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2) return null;
    const [index, text] = pair as unknown[];
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= count || typeof text !== 'string' || notes.has(index as number)) return null;
    notes.set(index as number, text);
  }
  return notes;
}

function isIntegers(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((item) => Number.isSafeInteger(item));
}
