import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { IndexCache, indexCacheFormat, indexCacheVersion, serializeIndexCache } from '../../../src/core/index/indexCache';
import { entry, mention } from './indexTestSupport';

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

function restoreAll(text: string, fingerprint = ''): CorpusIndex {
  const cache = IndexCache.parse(text, fingerprint);
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

  it('ignores a cache that is damaged or of another format, version or fingerprint', () => {
    const text = serializeIndexCache(sample(), 'types=A');
    assert.ok(IndexCache.parse(text, 'types=A'));
    for (const bad of [undefined, '', 'not json', text.slice(0, text.length / 2), 'null', '[]', '{}', text.replace(indexCacheFormat, 'other')]) {
      assert.equal(IndexCache.parse(bad, 'types=A'), undefined, String(bad).slice(0, 30));
    }
    assert.equal(IndexCache.parse(text, 'types=B'), undefined);
    assert.equal(IndexCache.parse(text.replace(`"version":${indexCacheVersion}`, `"version":${indexCacheVersion + 1}`), 'types=A'), undefined);
    // A cache of an earlier version (before suggestions and relations were indexed) is not read as this one.
    assert.equal(IndexCache.parse(text.replace(`"version":${indexCacheVersion}`, '"version":1'), 'types=A'), undefined);
    assert.equal(IndexCache.parse(text.replace(`"version":${indexCacheVersion}`, '"version":2'), 'types=A'), undefined);
    assert.equal(IndexCache.parse(text.replace('"formTypes":[', '"formTypes":[99,'), 'types=A'), undefined);
  });

  it('refuses a damaged entry without touching the index, and keeps the others', () => {
    const data = JSON.parse(serializeIndexCache(sample())) as { files: unknown[][] };
    const damaged: [string, (file: unknown[]) => void][] = [
      ['form out of range', (file) => ((file[10] as number[])[0] = 999)],
      ['context too short', (file) => (file[12] = 'x')],
      ['suggestion without its text', (file) => (file[14] = [['id', 'PERSON', 0, 5]])],
      ['suggestion ending before it starts', (file) => (file[14] = [['id', 'PERSON', 5, 1, 'x']])],
      ['id not a string', (file) => ((file[7] as unknown[])[0] = 5)],
      ['columns of different lengths', (file) => (file[8] as number[]).push(1)],
      ['negative offset', (file) => ((file[8] as number[])[0] = -1)],
      ['note past the end', (file) => (file[11] = [[7, 'x']])],
      ['bad status', (file) => (file[3] = 'finished')],
      ['bad stamp', (file) => (file[1] = [1])],
    ];
    for (const [what, damage] of damaged) {
      const copy = structuredClone(data);
      damage(copy.files.find((file) => file[0] === 'a.txt')!);
      const cache = IndexCache.parse(JSON.stringify(copy))!;
      const index = new CorpusIndex();
      assert.equal(cache.restore(index, 'a.txt'), false, what);
      assert.equal(index.size, 0, what);
      assert.equal(cache.restore(index, 'b/c.txt'), true, what);
    }
  });

  it('never throws on garbage', () => {
    const text = serializeIndexCache(sample());
    fc.assert(
      fc.property(fc.nat({ max: text.length }), fc.string({ maxLength: 5 }), (at, insert) => {
        const cache = IndexCache.parse(text.slice(0, at) + insert + text.slice(at + insert.length));
        const index = new CorpusIndex();
        for (const path of cache?.paths() ?? []) cache!.restore(index, path);
      }),
    );
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
