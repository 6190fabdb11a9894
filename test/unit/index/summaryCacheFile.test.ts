import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validSummary, type FileSummary } from '../../../src/core/index/fileSummary';
import { frameOf, readFrame, writeFrame } from '../../../src/core/index/framedCache';
import { encodeSummaryCache, SummaryCacheFile, SummaryRow, type SummaryCacheEntry } from '../../../src/core/index/summaryCacheFile';
import { sidecarStatuses } from '../../../src/core/sidecar/model';

const identity = { root: '/corpus', fingerprint: '{"types":["ORG","PERSON"]}' };
const marker = 0x4c43414e;

/** Counts per name that add up to `total` (every annotation has one type and one annotator). */
function countsArbitrary(names: string[], total: number): fc.Arbitrary<Record<string, number>> {
  if (total === 0) return fc.constant({});
  return fc.shuffledSubarray(names, { minLength: 1, maxLength: Math.min(names.length, total) }).chain((chosen) =>
    fc.array(fc.nat(total), { minLength: chosen.length - 1, maxLength: chosen.length - 1 }).map((cuts) => {
      // Cut 0..total into chosen.length non-empty parts.
      const points = [...new Set(cuts.map((cut) => 1 + (cut % Math.max(1, total - 1))))].sort((left, right) => left - right).slice(0, chosen.length - 1);
      const bounds = [0, ...points, total];
      const record: Record<string, number> = {};
      for (let index = 0; index + 1 < bounds.length; index++) record[chosen[index]] = bounds[index + 1] - bounds[index];
      return record;
    }),
  );
}

const problem = fc.record({ code: fc.constantFrom('text-mismatch' as const, 'annotation-orphaned' as const), severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const), message: fc.string(), file: fc.string({ minLength: 1 }), line: fc.nat(1000), column: fc.nat(1000) });

const stamp = fc.record({ size: fc.nat(1 << 30), mtimeMs: fc.double({ min: 0, max: 4e12, noNaN: true }) });

const entryArbitrary = (path: string): fc.Arbitrary<SummaryCacheEntry> =>
  fc
    .record({
      annotations: fc.nat(40),
      unplacedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      orphanShare: fc.double({ min: 0, max: 1, noNaN: true }),
      status: fc.constantFrom(...sidecarStatuses),
      hasSidecar: fc.boolean(),
      suggestions: fc.nat(3),
      problems: fc.array(problem, { maxLength: 2 }),
      relationTypes: fc.option(fc.dictionary(fc.constantFrom('works_for', 'located_in', '名前'), fc.integer({ min: 1, max: 9 }), { minKeys: 1 }).map((record) => ({ ...record })), { nil: undefined }),
      encoding: fc.option(fc.record({ utf8: fc.constant(false as const), likely: fc.constantFrom('WINDOWS-1252' as const, 'UTF-16LE' as const), byteOffset: fc.nat(), byte: fc.nat(255), line: fc.nat(), column: fc.nat() }), { nil: undefined }),
      stamps: fc.record({ sidecar: fc.option(stamp, { nil: null }), text: stamp }),
    })
    .chain((base) =>
      fc.record({ types: countsArbitrary(['PERSON', 'ORG', 'LOC', 'ДАТА', '😀EMOJI', '123'], base.annotations), annotators: countsArbitrary(['alice', 'bob', '(unknown)'], base.annotations) }).map(({ types, annotators }) => {
        const unplaced = Math.floor(base.annotations * base.unplacedShare);
        const summary: FileSummary = {
          path,
          readable: true,
          problems: base.problems,
          hasSidecar: base.hasSidecar,
          status: base.status,
          annotations: base.annotations,
          unplaced,
          orphans: Math.floor(unplaced * base.orphanShare),
          types,
          annotators,
          ...(base.relationTypes === undefined ? {} : { relationTypes: base.relationTypes }),
          ...(base.suggestions > 0 ? { suggestions: base.suggestions } : {}),
          ...(base.encoding === undefined ? {} : { encoding: base.encoding }),
        };
        // Cloned: fast-check may make null-prototype objects, which a cache cannot give back.
        return { path, stamps: base.stamps, summary: structuredClone(summary) };
      }),
    );

const entriesArbitrary = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 12 }).chain((paths) => fc.tuple(...paths.map(entryArbitrary)));

function oneEntry(): SummaryCacheEntry {
  const summary: FileSummary = { path: 'a.txt', readable: true, problems: [], hasSidecar: true, status: 'done', annotations: 5, unplaced: 2, orphans: 1, types: { PERSON: 3, ORG: 2 }, annotators: { alice: 5 } };
  return { path: 'a.txt', stamps: { sidecar: { size: 120, mtimeMs: 1764700000123.25 }, text: { size: 900, mtimeMs: 1764700000000 } }, summary };
}

describe('the command line cache file (summaryCacheFile)', () => {
  it('property: every entry reads back equal, in the same key order, under exactly its stamps', () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const file = SummaryCacheFile.read(encodeSummaryCache(identity, entries), identity);
        assert.ok(file !== undefined);
        assert.deepEqual([...file.paths()], entries.map((entry) => entry.path));
        for (const { path, stamps, summary } of entries) {
          const read = file.lookup(path, stamps);
          assert.deepEqual(read, summary);
          // Output follows the records' key order: types as they first occur in the file.
          assert.deepEqual(Object.keys(read.types), Object.keys(summary.types));
          assert.deepEqual(Object.keys(read), Object.keys(summary));
          const moved = { ...stamps, text: { ...stamps.text, mtimeMs: stamps.text.mtimeMs + 1 } };
          assert.equal(file.lookup(path, moved), undefined, 'a text touched since is read again');
          const grown = { ...stamps, text: { ...stamps.text, size: stamps.text.size + 1 } };
          assert.equal(file.lookup(path, grown), undefined);
          const sidecar = stamps.sidecar === null ? { size: 0, mtimeMs: 0 } : null;
          assert.equal(file.lookup(path, { ...stamps, sidecar }), undefined, 'a sidecar made or removed since is read again');
        }
      }),
    );
  });

  it('property: damaged bytes never throw, and what is still used has a summary\'s shape', () => {
    fc.assert(
      fc.property(entriesArbitrary, fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 8 }), (entries, flips) => {
        const bytes = encodeSummaryCache(identity, entries);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        const file = SummaryCacheFile.read(bytes, identity);
        for (const { path, stamps } of entries) {
          const summary = file?.lookup(path, stamps);
          if (summary !== undefined) assert.equal(validSummary(summary, path), summary, `${path}: ${JSON.stringify(summary)}`);
        }
      }),
    );
  });

  it('is not used for another corpus root, another fingerprint, or when cut short or padded', () => {
    const bytes = encodeSummaryCache(identity, [oneEntry()]);
    assert.ok(SummaryCacheFile.read(bytes, identity) !== undefined);
    assert.equal(SummaryCacheFile.read(bytes, { ...identity, root: '/other' }), undefined);
    assert.equal(SummaryCacheFile.read(bytes, { ...identity, fingerprint: '{"types":["ORG"]}' }), undefined);
    for (const length of [0, 7, 8, 40, bytes.length - 4, bytes.length - 1]) assert.equal(SummaryCacheFile.read(bytes.subarray(0, length), identity), undefined, `cut to ${length}`);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes);
    assert.equal(SummaryCacheFile.read(padded, identity), undefined);
  });

  it('reads a file that does not start on an 8-byte boundary (a pooled buffer)', () => {
    const bytes = encodeSummaryCache(identity, [oneEntry()]);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const file = SummaryCacheFile.read(shifted.subarray(3), identity);
    assert.deepEqual(file?.lookup('a.txt', oneEntry().stamps), oneEntry().summary);
  });

  it('ignores an entry whose numbers were edited, and keeps the others', () => {
    const second = { ...oneEntry(), path: 'b.txt', summary: { ...oneEntry().summary, path: 'b.txt' } };
    const bytes = encodeSummaryCache(identity, [oneEntry(), second]);
    const frame = readFrame(bytes, marker)!;
    const edits: Array<[keyof typeof SummaryRow, number]> = [
      ['Annotations', -5], ['Annotations', 6], ['Annotations', 2.5], ['Annotations', Number.NaN], ['Unplaced', 6], ['Orphans', 3], ['Status', 3], ['Status', -1],
      ['HasSidecar', 2], ['Suggestions', -1], ['Types', 3], ['Types', 1e9], ['Annotators', 0], ['FirstPair', 1], ['FirstPair', 1e12],
    ];
    for (const [field, value] of edits) {
      const copy = frame.bytes.slice();
      new Float64Array(copy.buffer, frame.bodyAt + 8 * SummaryRow[field], 1)[0] = value;
      const file = SummaryCacheFile.read(copy, identity);
      assert.ok(file !== undefined, `${field} = ${value}: the rest of the file is still used`);
      assert.equal(file.lookup('a.txt', oneEntry().stamps), undefined, `${field} = ${value}`);
      assert.deepEqual(file.lookup('b.txt', second.stamps), second.summary, `${field} = ${value}: the other entry`);
    }
  });

  it('ignores an entry whose counts name an unknown or repeated name, or a count of zero', () => {
    const bytes = encodeSummaryCache(identity, [oneEntry()]);
    const frame = readFrame(bytes, marker)!;
    const pairsAt = frame.bodyAt + 8 * SummaryRow.Size;
    // Pairs: (PERSON 3) (ORG 2) (alice 5); names: PERSON, ORG, alice. Another known name in
    // a pair cannot be told from the truth, but a name twice, a count of 0 or a wrong sum can.
    const edits: Array<[number, number]> = [[0, 7], [2, 0], [3, 0], [5, 0], [5, 4]];
    for (const [index, value] of edits) {
      const copy = frame.bytes.slice();
      new Uint32Array(copy.buffer, pairsAt, 6)[index] = value;
      assert.equal(SummaryCacheFile.read(copy, identity)?.lookup('a.txt', oneEntry().stamps), undefined, `pair value ${index} = ${value}`);
    }
  });

  it('ignores an entry whose problems are not problems', () => {
    const entry = oneEntry();
    const withProblem = { ...entry, summary: { ...entry.summary, problems: [{ code: 'annotation-orphaned' as const, severity: 'warning' as const, message: 'gone', file: 'a.txt.ann.yaml', line: 3, column: 5 }] } };
    const bytes = encodeSummaryCache(identity, [withProblem]);
    assert.deepEqual(SummaryCacheFile.read(bytes, identity)?.lookup('a.txt', entry.stamps), withProblem.summary);
    const frame = readFrame(bytes, marker)!;
    const header = JSON.parse(JSON.stringify(frame.header).replace('"severity":"warning"', '"severity":"loud"')) as unknown;
    assert.equal(SummaryCacheFile.read(reframed(header, frame.bytes.subarray(frame.bodyAt)), identity)?.lookup('a.txt', entry.stamps), undefined);
  });
});

/** The same body under another header. */
function reframed(header: unknown, body: Uint8Array): Uint8Array {
  const frame = frameOf(header);
  const buffer = new ArrayBuffer(frame.bodyAt + body.length);
  writeFrame(buffer, frame, marker);
  new Uint8Array(buffer).set(body, frame.bodyAt);
  return new Uint8Array(buffer);
}
