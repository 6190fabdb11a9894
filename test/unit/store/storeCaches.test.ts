/**
 * The store keeps a parse per sidecar, a decoding per text and which entries are settled in
 * which text, so a tag in a long file skips most of the work. None of that may show: a store
 * that lived through any sequence of tags, removals, outside edits of the text and of the
 * sidecar must write and report exactly what a new store writes and reports for the same change.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import type { Sidecar } from '../../../src/core/sidecar/model';
import { SidecarStore, type SidecarChange, type UpdateResult } from '../../../src/core/store/sidecarStore';
import type { CodePointIndex } from '../../../src/core/text/codePoints';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { readFixture } from '../sidecar/sidecarTestSupport';

const textPath = 'corpus/article.txt';
const sidecarPath = `${textPath}.ann.yaml`;
const types = ['PERSON', 'LOCATION', 'DATE'];

type Step =
  | { kind: 'tag'; start: number; length: number; type: number; word: boolean }
  | { kind: 'wrong-text'; start: number; length: number }
  | { kind: 'remove'; index: number }
  | { kind: 'retype'; index: number; type: number }
  | { kind: 'duplicate-id'; index: number; start: number }
  | { kind: 'reverse'; index: number }
  | { kind: 'nothing' }
  | { kind: 'edit-text'; at: number; inserted: string }
  | { kind: 'edit-sidecar' };

const step: fc.Arbitrary<Step> = fc.oneof(
  // Mostly whole words, so files often have no finding at all (the store takes its quickest path then).
  { arbitrary: fc.record({ kind: fc.constant('tag' as const), start: fc.nat(400), length: fc.integer({ min: 1, max: 12 }), type: fc.nat(2), word: fc.integer({ min: 0, max: 5 }).map((draw) => draw > 0) }), weight: 6 },
  fc.record({ kind: fc.constant('wrong-text' as const), start: fc.nat(400), length: fc.integer({ min: 1, max: 12 }) }),
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), index: fc.nat(50) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('retype' as const), index: fc.nat(50), type: fc.nat(2) }), weight: 2 },
  fc.record({ kind: fc.constant('duplicate-id' as const), index: fc.nat(50), start: fc.nat(400) }),
  fc.record({ kind: fc.constant('reverse' as const), index: fc.nat(50) }),
  fc.record({ kind: fc.constant('nothing' as const) }),
  fc.record({ kind: fc.constant('edit-text' as const), at: fc.nat(400), inserted: fc.constantFrom('', 'x', 'New ', '\n', 'é🙂') }),
  fc.record({ kind: fc.constant('edit-sidecar' as const) }),
);

/** Random bytes that are the same for both stores: the step's number, repeated. */
const bytesFor =
  (seed: number) =>
  (bytes: Uint8Array): void => {
    for (let index = 0; index < bytes.length; index++) bytes[index] = (seed * 31 + index * 7) & 0xff;
  };

function changeFor(item: Step, seed: number): SidecarChange {
  const created = new Date('2026-12-04T06:00:00Z');
  const span = (text: CodePointIndex, start: number, length: number): [number, number] => {
    const from = start % Math.max(1, text.codePointLength);
    return [from, Math.min(text.codePointLength, from + length)];
  };
  return (sidecar: Sidecar, text: CodePointIndex): Sidecar => {
    const annotations = sidecar.annotations;
    switch (item.kind) {
      case 'tag': {
        const [start, end] = item.word ? wordAt(text, item.start, item.length) : span(text, item.start, item.length);
        return { ...sidecar, annotations: [...annotations, newAnnotation(sidecar, text, { type: types[item.type], start, end, created }, bytesFor(seed))] };
      }
      case 'wrong-text': {
        const [start, end] = span(text, item.start, item.length);
        const entry = newAnnotation(sidecar, text, { type: 'PERSON', start, end, created }, bytesFor(seed));
        return { ...sidecar, annotations: [...annotations, { ...entry, text: `${entry.text}?` }] };
      }
      case 'remove':
        return annotations.length === 0 ? sidecar : { ...sidecar, annotations: annotations.filter((_, index) => index !== item.index % annotations.length) };
      case 'retype':
        return annotations.length === 0 ? sidecar : { ...sidecar, annotations: annotations.map((entry, index) => (index === item.index % annotations.length ? { ...entry, type: types[item.type] } : entry)) };
      case 'duplicate-id': {
        // A new entry under an id the file already has (an import or a merge can bring one).
        if (annotations.length === 0) return sidecar;
        const [start, end] = span(text, item.start, 4);
        const entry = newAnnotation(sidecar, text, { type: 'DATE', start, end, created }, bytesFor(seed));
        return { ...sidecar, annotations: [...annotations, { ...entry, id: annotations[item.index % annotations.length].id }] };
      }
      case 'reverse':
        return annotations.length === 0 ? sidecar : { ...sidecar, annotations: annotations.map((entry, index) => (index === item.index % annotations.length ? { ...entry, start: entry.end, end: entry.start } : entry)) };
      default:
        return sidecar;
    }
  };
}

/** Up to `length` code points of the word at or after `start` (no white space at either end). */
function wordAt(text: CodePointIndex, start: number, length: number): [number, number] {
  const size = text.codePointLength;
  const blank = (at: number) => /\s/u.test(text.slice(at, at + 1));
  let from = start % Math.max(1, size);
  while (from < size && blank(from)) from++;
  if (from >= size) from = 0;
  let to = from;
  while (to < size && to - from < length && !blank(to)) to++;
  return [from, Math.max(to, Math.min(size, from + 1))];
}

/** What a user of the store sees of an update: the outcome, the problems and the file. */
function seen(result: UpdateResult, files: MemoryFileSystem): unknown {
  const problems = result.problems.map((item) => `${item.code}@${item.line ?? ''}:${item.column ?? ''} ${item.message}`);
  return { ok: result.ok, written: result.ok ? result.written : undefined, problems, file: files.readText(sidecarPath) };
}

describe('SidecarStore caches', () => {
  it('a store that lived through any history writes and reports what a new store does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const text = readFixture('article.txt');
        const kept = new MemoryFileSystem({ [textPath]: text });
        const fresh = new MemoryFileSystem({ [textPath]: text });
        const store = new SidecarStore(kept, { knownTypes: new Set(types) });
        for (const [seed, item] of steps.entries()) {
          if (item.kind === 'edit-text' || item.kind === 'edit-sidecar') {
            for (const files of [kept, fresh]) {
              if (item.kind === 'edit-text') {
                const current = [...(files.readText(textPath) ?? '')];
                const at = item.at % (current.length + 1);
                files.writeFile(textPath, [...current.slice(0, at), item.inserted, ...current.slice(at)].join(''));
              } else {
                const current = files.readText(sidecarPath);
                // Hand-edited: a comment added at the end, which the next write drops.
                if (current !== undefined) files.writeFile(sidecarPath, `${current}# looked at\n`);
              }
            }
            continue;
          }
          const change = changeFor(item, seed);
          const lived = seen(await store.update(textPath, change), kept);
          const renewed = seen(await new SidecarStore(fresh, { knownTypes: new Set(types) }).update(textPath, change), fresh);
          assert.deepEqual(lived, renewed, `after step ${seed}: ${JSON.stringify(item)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
