import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { IndexCache, indexCacheFormat, indexCacheVersion, Row, serializeIndexCache } from '../../../src/core/index/indexCache';
import { blockLayout } from '../../../src/core/index/cachedColumns';
import { entry, mention } from './indexTestSupport';

interface Header {
  format: string;
  version: number;
  formTypes: number[];
  formTexts: string[];
  paths: string[];
  extras: unknown[][];
}

/** The cache file's JSON header (after a Uint32 of its length and one of the marker). */
function headerOf(bytes: Uint8Array): Header {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header;
}

/** Where the first block starts: after the header, at a multiple of 8. */
function bodyStart(bytes: Uint8Array): number {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  return Math.ceil((8 + length) / 8) * 8;
}

/** The numbers of file `position` (its row), as a view into `bytes`: changing it changes them. */
function rowOf(bytes: Uint8Array, position: number): Float64Array {
  return new Float64Array(bytes.buffer, bytes.byteOffset + bodyStart(bytes) + 8 * Row.Size * position, Row.Size);
}

/** Where the first block starts: after the rows. */
function blocksStart(bytes: Uint8Array): number {
  return bodyStart(bytes) + 8 * Row.Size * headerOf(bytes).paths.length;
}

/** A file's block sizes, from its row: annotations, [ids' length, bytes], [context's length, bytes]. */
function sizesOf(bytes: Uint8Array, position: number): [number, number[], number[]] {
  const row = rowOf(bytes, position);
  return [row[Row.Count], [row[Row.IdsLength], row[Row.IdsBytes]], [row[Row.ContextLength], row[Row.ContextBytes]]];
}

/** The same cache with its header changed (the rows and blocks moved to follow it). */
function withHeader(bytes: Uint8Array, change: (header: Header) => void): Uint8Array {
  const header = headerOf(bytes);
  change(header);
  const text = new TextEncoder().encode(JSON.stringify(header));
  const body = bytes.subarray(bodyStart(bytes));
  const start = Math.ceil((8 + text.length) / 8) * 8;
  const result = new Uint8Array(start + body.length);
  result.set(bytes.subarray(0, 8));
  new DataView(result.buffer).setUint32(0, text.length, true);
  result.set(text, 8);
  result.set(body, start);
  return result;
}

const stamp = (size: number, mtimeMs = 1_000_000) => ({ size, mtimeMs });

function sample(): CorpusIndex {
  const index = new CorpusIndex();
  index.setFile('a.txt', entry([mention('PERSON', 'Petro', 0, { note: 'check', prefix: 'x\ny 😀', suffix: '👩‍👩‍👧 z' }), mention('LOCATION', 'Bogota\u0301', 40)], { sidecarStamp: stamp(10), textStamp: stamp(20) }));
  // Odd but readable data: a reversed span, an id with a quote, no context.
  index.setFile('b/c.txt', entry([{ id: 'q"1', type: 'ORG', start: 9, end: 4, text: 'UN' }], { status: 'done', problems: 1, relationTypes: { meets: 2, located_in: 1 }, sidecarStamp: stamp(11), textStamp: null }));
  index.setFile('d.txt', entry([], { hasSidecar: false, status: 'untouched', sidecarStamp: null, textStamp: null }));
  return index;
}

/** What a restored index must show exactly as the original did. */
function contents(index: CorpusIndex) {
  return { summary: index.summary(), files: index.files(), annotations: index.paths().map((path) => index.annotations(path)) };
}

function restoreAll(bytes: Uint8Array, fingerprint = ''): CorpusIndex {
  const cache = IndexCache.parse(bytes, fingerprint);
  assert.ok(cache);
  const index = new CorpusIndex();
  for (const path of cache.paths()) assert.ok(cache.restore(index, path), path);
  return index;
}

describe('index cache', () => {
  it('restores every file exactly as it was indexed', () => {
    const original = sample();
    assert.deepEqual(contents(restoreAll(serializeIndexCache(original))), contents(original));
  });

  it('round-trips any entries', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const annotation = fc.record({
      id: text,
      type: fc.constantFrom('PERSON', 'ORG', 'X Y'),
      start: fc.nat({ max: 1e9 }),
      length: fc.integer({ min: -3, max: 50 }),
      text: text,
      note: fc.option(text, { nil: undefined }),
      prefix: text,
      suffix: text,
    });
    fc.assert(
      fc.property(fc.array(fc.array(annotation, { maxLength: 6 }), { maxLength: 4 }), (files) => {
        const index = new CorpusIndex();
        files.forEach((annotations, at) => {
          const items = annotations.map(({ length, note, ...rest }) => ({ ...rest, end: Math.max(0, rest.start + length), ...(note !== undefined ? { note } : {}) }));
          index.setFile(`f${at}.txt`, entry(items, { sidecarStamp: stamp(at), textStamp: null }));
        });
        assert.deepEqual(contents(restoreAll(serializeIndexCache(index, 'fp'), 'fp')), contents(index));
      }),
      { numRuns: 100 },
    );
  });

  it('matches entries only to the stamps they were made from', () => {
    const cache = IndexCache.parse(serializeIndexCache(sample()))!;
    assert.equal(cache.isCurrent('a.txt', stamp(10), stamp(20)), true);
    assert.equal(cache.isCurrent('a.txt', stamp(10, 1_000_001), stamp(20)), false, 'sidecar touched');
    assert.equal(cache.isCurrent('a.txt', stamp(10), stamp(21)), false, 'text changed');
    assert.equal(cache.isCurrent('a.txt', stamp(10), null), false);
    assert.equal(cache.isCurrent('b/c.txt', stamp(11), null), true);
    assert.equal(cache.isCurrent('nope.txt', stamp(1), null), false);
  });

  it('leaves out entries whose stamps are unknown or too close to when they were read', () => {
    const index = new CorpusIndex();
    index.setFile('unknown.txt', entry([mention('PERSON', 'Ana')]));
    index.setFile('racy.txt', entry([], { sidecarStamp: stamp(1, 50_000), textStamp: null, readAt: 51_000 }));
    index.setFile('settled.txt', entry([], { sidecarStamp: stamp(1, 50_000), textStamp: null, readAt: 60_000 }));
    assert.deepEqual(IndexCache.parse(serializeIndexCache(index))!.paths(), ['settled.txt']);
  });

  it('keeps ids and context with lone surrogates exactly, and writes a restored index back unchanged', () => {
    const index = new CorpusIndex();
    index.setFile('odd.txt', entry([mention('PERSON', 'Ana', 3, { id: 'x\ud800y', prefix: 'lone \udc00', suffix: '\ud83d end' })], { sidecarStamp: stamp(5), textStamp: null }));
    const bytes = serializeIndexCache(index);
    const restored = restoreAll(bytes);
    assert.deepEqual(contents(restored), contents(index));
    // Entries read from a cache go back as they came, whether or not their text was decoded.
    const original = sample();
    assert.deepEqual(serializeIndexCache(restoreAll(serializeIndexCache(original))), serializeIndexCache(original));
    assert.deepEqual(serializeIndexCache(restored), bytes);
  });

  it('ignores a cache that is damaged or of another format, version or fingerprint', () => {
    const bytes = serializeIndexCache(sample(), 'types=A');
    assert.ok(IndexCache.parse(bytes, 'types=A'));
    const encode = (text: string) => new TextEncoder().encode(text);
    const grown = new Uint8Array(bytes.length + 8);
    grown.set(bytes);
    for (const bad of [undefined, new Uint8Array(0), encode('not json'), encode('{}'), bytes.subarray(0, bytes.length / 2), bytes.subarray(0, bytes.length - 8), grown]) {
      assert.equal(IndexCache.parse(bad, 'types=A'), undefined, String(bad?.length));
    }
    assert.equal(IndexCache.parse(bytes, 'types=B'), undefined);
    const changed = (change: (header: Header) => void) => IndexCache.parse(withHeader(bytes, change), 'types=A');
    assert.ok(changed(() => undefined), 'the helper keeps a good cache good');
    assert.equal(headerOf(bytes).format, indexCacheFormat);
    assert.equal(changed((header) => (header.format = 'other')), undefined);
    assert.equal(changed((header) => (header.version = indexCacheVersion + 1)), undefined);
    // A cache of an earlier version (JSON only; numbers in the header) is not read as this one.
    for (const version of [1, 2, 3, 4]) assert.equal(changed((header) => (header.version = version)), undefined);
    assert.equal(changed((header) => header.formTypes.unshift(99)), undefined);
    // More paths than rows, or extras that are not [position, notes, suggestions, relations].
    assert.equal(changed((header) => header.paths.push('more.txt')), undefined);
    assert.equal(changed((header) => header.extras.push([1, []])), undefined);
    // A block size that does not add up leaves every later block unplaceable.
    const damagedRow = (damage: (row: Float64Array) => void) => {
      const copy = bytes.slice();
      damage(rowOf(copy, 0));
      return IndexCache.parse(copy, 'types=A');
    };
    assert.equal(damagedRow((row) => (row[Row.Count] += 1)), undefined);
    assert.equal(damagedRow((row) => (row[Row.ContextBytes] += 8)), undefined);
    assert.equal(damagedRow((row) => (row[Row.IdsWide] = 2)), undefined);
    assert.equal(damagedRow((row) => (row[Row.IdsBytes] = -8)), undefined);
  });

  it('refuses a damaged entry without touching the index, and keeps the others', () => {
    const bytes = serializeIndexCache(sample());
    assert.equal(headerOf(bytes).paths[0], 'a.txt');
    const [count, ids, context] = sizesOf(bytes, 0);
    const layout = blockLayout(count, ids[1], context[1]);
    const block = blocksStart(bytes);
    const numbers = (copy: Uint8Array) => ({
      starts: new Float64Array(copy.buffer, block, count),
      forms: new Int32Array(copy.buffer, block + layout.forms, count),
      contextStarts: new Uint32Array(copy.buffer, block + layout.contextStarts, count),
      idEnds: new Uint32Array(copy.buffer, block + layout.idEnds, count),
      beforeLengths: new Uint8Array(copy.buffer, block + layout.beforeLengths, count),
    });
    const inBlock: [string, (columns: ReturnType<typeof numbers>) => void][] = [
      ['form out of range', (columns) => (columns.forms[0] = 999)],
      ['negative form', (columns) => (columns.forms[0] = -1)],
      ['negative offset', (columns) => (columns.starts[0] = -1)],
      ['offset not a whole number', (columns) => (columns.starts[1] = 2.5)],
      ['offset not a number', (columns) => (columns.starts[1] = Number.NaN)],
      ['context not starting at 0', (columns) => (columns.contextStarts[0] = 1)],
      ['context pieces out of order', (columns) => (columns.contextStarts[1] = 0)],
      ['context past its end', (columns) => (columns.contextStarts[1] = context[0] + 1)],
      ['before-part longer than its piece', (columns) => (columns.beforeLengths[1] = 200)],
      ['ids past their end', (columns) => (columns.idEnds[0] = ids[0] + 1)],
    ];
    const inRow: [string, (row: Float64Array) => void][] = [
      ['bad status', (row) => (row[Row.Status] = 3)],
      ['status not a whole number', (row) => (row[Row.Status] = 0.5)],
      ['stamp size not a whole number', (row) => (row[Row.SidecarSize] = 2.5)],
      ['stamp time not a number', (row) => (row[Row.TextMtime] = Number.NaN)],
      ['negative problems', (row) => (row[Row.Problems] = -1)],
      ['unreadable neither 0 nor 1', (row) => (row[Row.Unreadable] = 2)],
      ['ids shorter than they end', (row) => (row[Row.IdsLength] -= 1)],
    ];
    // a.txt has a note, so it has extras: [position, notes, suggestions, relations].
    const inExtras: [string, (extra: unknown[]) => void][] = [
      ['suggestion without its text', (extra) => (extra[2] = [['id', 'PERSON', 0, 5]])],
      ['suggestion ending before it starts', (extra) => (extra[2] = [['id', 'PERSON', 5, 1, 'x']])],
      ['note past the end', (extra) => (extra[1] = [[7, 'x']])],
      ['note not a string', (extra) => (extra[1] = [[0, 7]])],
      ['relations not counts', (extra) => (extra[3] = { meets: -1 })],
    ];
    const cases: [string, Uint8Array][] = [
      ...inBlock.map(([what, damage]): [string, Uint8Array] => {
        const copy = bytes.slice();
        damage(numbers(copy));
        return [what, copy];
      }),
      ...inRow.map(([what, damage]): [string, Uint8Array] => {
        const copy = bytes.slice();
        damage(rowOf(copy, 0));
        return [what, copy];
      }),
      ...inExtras.map(([what, damage]): [string, Uint8Array] => [what, withHeader(bytes, (changed) => damage(changed.extras.find((extra) => extra[0] === 0)!))]),
    ];
    for (const [what, damaged] of cases) {
      const cache = IndexCache.parse(damaged);
      assert.ok(cache, what);
      const index = new CorpusIndex();
      assert.equal(cache.restore(index, 'a.txt'), false, what);
      assert.equal(index.size, 0, what);
      assert.equal(cache.restore(index, 'b/c.txt'), true, what);
    }
  });

  it('never throws on garbage, and what it restores from damaged text keeps its lengths', () => {
    const bytes = serializeIndexCache(sample());
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 5 }), (at, insert) => {
        const damaged = bytes.slice();
        damaged.set(insert.slice(0, bytes.length - at), at);
        const cache = IndexCache.parse(damaged);
        const index = new CorpusIndex();
        for (const path of cache?.paths() ?? []) cache!.restore(index, path);
        for (const path of index.paths()) {
          const record = index.record(path)!;
          assert.equal(record.columns.ids.length, record.count);
          for (let annotation = 0; annotation < record.count; annotation++) {
            const { before, after } = record.context(annotation);
            assert.equal(typeof before + typeof after, 'stringstring');
          }
          index.annotations(path);
        }
      }),
      { numRuns: 300 },
    );
    // Bytes that are not UTF-8 in a file's context: restored, decoded to the recorded length.
    const [count, ids, context] = sizesOf(bytes, 0);
    const damaged = bytes.slice();
    damaged.fill(0xff, blocksStart(bytes) + blockLayout(count, ids[1], context[1]).context, blocksStart(bytes) + blockLayout(count, ids[1], context[1]).context + 4);
    const index = new CorpusIndex();
    assert.ok(IndexCache.parse(damaged)!.restore(index, 'a.txt'));
    assert.equal(index.record('a.txt')!.columns.context.length, context[0]);
  });

  it('restores a cache whose form table names one form twice (so a slot cannot be its form id) exactly', () => {
    const original = sample();
    const bytes = serializeIndexCache(original);
    const [count, ids, context] = sizesOf(bytes, 0);
    let twin = -1;
    const changed = withHeader(bytes, (header) => {
      twin = header.formTexts.length;
      header.formTypes.push(header.formTypes[0]);
      header.formTexts.push(header.formTexts[0]);
    });
    // a.txt's first mention now names the second copy of its form.
    const forms = new Int32Array(changed.buffer, blocksStart(changed) + blockLayout(count, ids[1], context[1]).forms, count);
    assert.equal(forms[0], 0);
    forms[0] = twin;
    assert.deepEqual(contents(restoreAll(changed)), contents(original));
  });

  it('does not trust a form id remembered from a file that has since gone', () => {
    const original = new CorpusIndex();
    original.setFile('a.txt', entry([mention('PERSON', 'Ana')], { sidecarStamp: stamp(1), textStamp: null }));
    original.setFile('b.txt', entry([mention('PERSON', 'Ana')], { sidecarStamp: stamp(2), textStamp: null }));
    const cache = IndexCache.parse(serializeIndexCache(original))!;
    const index = new CorpusIndex();
    cache.restore(index, 'a.txt');
    index.removeFile('a.txt');
    index.setFile('c.txt', entry([mention('ORG', 'Other')]));
    cache.restore(index, 'b.txt');
    assert.deepEqual(index.annotations('b.txt').map((item) => [item.type, item.text]), [['PERSON', 'Ana']]);
  });
});
