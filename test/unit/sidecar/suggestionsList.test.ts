import assert from 'node:assert/strict';
import { applyChange, invertChange, isEmptyChange } from '../../../src/core/editing/annotationChange';
import type { Sidecar, Suggestion } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar, serializeSidecarBytes } from '../../../src/core/sidecar/serializeSidecar';
import { loaded, setup, sidecarPath, textPath } from '../store/storeTestSupport';
import { readFixture } from './sidecarTestSupport';

const archer: Suggestion = { id: 's1', type: 'PERSON', start: 131, end: 137, text: 'Archer', source: 'tags', score: 0.9 };
const lisbon: Suggestion = { id: 's2', type: 'LOCATION', start: 28, end: 34, text: 'Lisbon', source: 'gazetteer:places.tsv', score: 1, link: 'wikidata:Q597', rejected: true };

function read(content: string): Sidecar {
  const parsed = parseSidecar(content, 'a.ann.yaml');
  assert.ok(parsed.ok, JSON.stringify(parsed.problems));
  return parsed.sidecar;
}

describe('the suggestions list of a sidecar', () => {
  it('is written last, one per line in canonical order, and read back by the fast path', () => {
    const base = read(readFixture('article.txt.ann.yaml'));
    const content = serializeSidecar({ ...base, suggestions: [archer, lisbon] });
    const lines = content.split('\n');
    const at = lines.indexOf('suggestions:');
    assert.deepEqual(lines.slice(at), [
      'suggestions:',
      '  - {id: "s2", type: "LOCATION", start: 28, end: 34, text: "Lisbon", source: "gazetteer:places.tsv", score: 1, link: "wikidata:Q597", rejected: true}',
      '  - {id: "s1", type: "PERSON", start: 131, end: 137, text: "Archer", source: "tags", score: 0.9}',
      '',
    ]);
    const parsed = parseSidecar(content, 'a.ann.yaml');
    assert.ok(parsed.ok && parsed.canonical, 'the fast path reads it');
    assert.deepEqual(parsed.sidecar.suggestions, [lisbon, archer]);
    assert.deepEqual(parsed.suggestionPositions?.map((position) => position.line), [at + 2, at + 3]);
    assert.equal(new TextDecoder().decode(serializeSidecarBytes({ ...base, suggestions: [archer, lisbon] })), content);
  });

  it('writes nothing when there are none, so files without suggestions stay byte for byte the same', () => {
    const original = readFixture('article.txt.ann.yaml');
    const base = read(original);
    assert.equal(serializeSidecar({ ...base, suggestions: [] }), serializeSidecar(base));
    assert.ok(!serializeSidecar({ ...base, suggestions: [] }).includes('suggestions'));
  });

  it('is read by the yaml reader from a hand-written block list, with bad entries as problems at their line', () => {
    const base = serializeSidecar(read(readFixture('article.txt.ann.yaml')));
    const good = parseSidecar(`${base}suggestions:\n  - id: s1\n    type: PERSON\n    start: 131\n    end: 137\n    text: Archer\n    source: tags\n    score: 0.9\n`, 'a.ann.yaml');
    assert.ok(good.ok && !good.canonical);
    assert.deepEqual(good.sidecar.suggestions, [archer]);
    const bad = parseSidecar(`${base}suggestions:\n  - {id: "s1", type: "PERSON", start: 1, end: 2, text: "x", source: "tags", score: "high"}\n`, 'a.ann.yaml');
    assert.ok(bad.ok);
    const problem = bad.problems.find((item) => item.code === 'invalid-field');
    assert.ok(problem !== undefined && problem.line === base.split('\n').length + 1, JSON.stringify(bad.problems));
  });

  it('a suggestion that does not hold its text is a warning at its line, and the file is still written', async () => {
    const original = readFixture('article.txt.ann.yaml');
    const wrong: Suggestion = { ...archer, text: 'Archez' };
    const { files, store } = setup(serializeSidecar({ ...read(original), suggestions: [wrong] }));
    const result = await loaded(store);
    const warning = result.problems.find((item) => item.code === 'suggestion-mismatch');
    assert.ok(warning !== undefined && warning.severity === 'warning', JSON.stringify(result.problems));
    assert.equal(warning.line, files.readText(sidecarPath)!.split('\n').indexOf('suggestions:') + 2);
    const updated = await store.update(textPath, (sidecar) => ({ ...sidecar, status: 'done' }));
    assert.ok(updated.ok && updated.written);
  });

  it('moves with the text when the article changes, and drops the ones it cannot find again', async () => {
    const original = readFixture('article.txt.ann.yaml');
    const gone: Suggestion = { id: 's3', type: 'PERSON', start: 164, end: 172, text: 'Mr. True', source: 'tags', score: 1 };
    const { files, store } = setup(serializeSidecar({ ...read(original), suggestions: [archer, gone] }));
    files.writeFile(textPath, 'BREAKING: ' + readFixture('article.txt').replace('Mr. True', 'Ms. Other'));
    const updated = await store.update(textPath, (sidecar) => sidecar);
    assert.ok(updated.ok, JSON.stringify(updated.problems));
    assert.deepEqual(updated.sidecar.suggestions, [{ ...archer, start: archer.start + 10, end: archer.end + 10 }]);
  });

  it('changes to suggestions apply, invert and count as changes', () => {
    const base = read(readFixture('article.txt.ann.yaml'));
    const withOne: Sidecar = { ...base, suggestions: [archer] };
    const reject = { removed: [], added: [], removedSuggestions: [archer], addedSuggestions: [{ ...archer, rejected: true as const }] };
    assert.equal(isEmptyChange(reject), false);
    const rejected = applyChange(withOne, reject);
    assert.deepEqual(rejected.suggestions, [{ ...archer, rejected: true }]);
    assert.deepEqual(applyChange(rejected, invertChange(reject)).suggestions, [archer]);
    const accept = { removed: [], added: [], removedSuggestions: [archer] };
    assert.equal(applyChange(withOne, accept).suggestions, undefined);
  });
});
