import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { folderSummaries } from '../../../src/core/index/folderSummaries';
import { untaggedEntry, type IndexEntry } from '../../../src/core/index/indexEntry';
import { TagsTree } from '../../../src/core/index/tagsTree';
import { entry, mention } from './indexTestSupport';

/** Everything an index reports, in a comparable form. */
function snapshot(index: CorpusIndex) {
  const tree = new TagsTree(index);
  return {
    summary: index.summary(),
    files: index.files(),
    entities: tree.types('name').map((type) => ({ type: type.type, items: tree.entities(type.type, 'name').items })),
    // Each entity's mentions in file order, also from part way (which skips by the per-file counts).
    mentions: tree.types('name').flatMap((type) =>
      tree.entities(type.type, 'name').items.map((item) => [tree.mentions(item.key).items, tree.mentions(item.key, { offset: 1 }).items].map((page) => page.map((found) => `${found.file}:${found.start}`))),
    ),
  };
}

describe('CorpusIndex', () => {
  it('counts files, states, annotations and types as files are added', () => {
    const index = new CorpusIndex();
    index.setFile('a/one.txt', entry([mention('PERSON', 'Petro'), mention('LOCATION', 'Cartagena', 10)]));
    index.setFile('a/two.txt', entry([mention('PERSON', 'Petro')], { status: 'done' }));
    index.setFile('b/three.txt', untaggedEntry());
    const summary = index.summary();
    assert.equal(summary.files, 3);
    assert.equal(summary.annotations, 3);
    assert.deepEqual(summary.states, { untouched: 1, 'in-progress': 1, done: 1, problem: 0 });
    assert.equal(summary.notDone, 2);
    assert.deepEqual(summary.types, [
      { type: 'LOCATION', mentions: 1, entities: 1 },
      { type: 'PERSON', mentions: 2, entities: 1 },
    ]);
  });

  it('replaces a changed file and reports what changed', () => {
    const index = new CorpusIndex();
    index.setFile('one.txt', entry([mention('PERSON', 'Petro'), mention('LOCATION', 'Lisbon', 10)]));
    index.setFile('two.txt', entry([mention('PERSON', 'Petro')]));
    const change = index.setFile('one.txt', entry([mention('PERSON', 'Petro'), mention('ORG', 'ACME', 20)], { status: 'done' }));
    assert.equal(change.before?.state, 'in-progress');
    assert.equal(change.after?.state, 'done');
    assert.deepEqual([...change.types].sort(), ['LOCATION', 'ORG', 'PERSON']);
    assert.ok(change.entities.includes('["LOCATION","lisbon"]'));
    assert.deepEqual(index.summary().types, [
      { type: 'ORG', mentions: 1, entities: 1 },
      { type: 'PERSON', mentions: 2, entities: 1 },
    ]);
    assert.equal(new TagsTree(index).entity('["LOCATION","lisbon"]'), undefined, 'an entity without mentions is gone');
  });

  it('removes files, and forgets what only they mentioned', () => {
    const index = new CorpusIndex();
    index.setFile('one.txt', entry([mention('PERSON', 'Petro', 0, { note: 'check' })]));
    assert.equal(index.removeFile('missing.txt'), undefined);
    const change = index.removeFile('one.txt');
    assert.equal(change?.after, undefined);
    assert.deepEqual(change?.entities, ['["PERSON","petro"]']);
    assert.deepEqual(index.summary(), { files: 0, annotations: 0, states: { untouched: 0, 'in-progress': 0, done: 0, problem: 0 }, notDone: 0, types: [] });
    assert.deepEqual([...index.notes.ids()], []);
  });

  it('puts files with problems in their own state', () => {
    const index = new CorpusIndex();
    index.setFile('unreadable.txt', entry([], { unreadable: true, problems: 1 }));
    index.setFile('orphans.txt', entry([mention('PERSON', 'Ana')], { status: 'done', orphans: 1 }));
    index.setFile('tagged.txt', entry([mention('PERSON', 'Ana')], { status: 'untouched' }));
    index.setFile('empty.txt', entry([], { status: 'untouched' }));
    assert.deepEqual(
      index.files().map((file) => [file.path, file.state]),
      [['empty.txt', 'untouched'], ['orphans.txt', 'problem'], ['tagged.txt', 'in-progress'], ['unreadable.txt', 'problem']],
    );
    assert.deepEqual(index.files({ states: ['problem'] }).map((file) => file.path), ['orphans.txt', 'unreadable.txt']);
  });

  it('lists files in the Corpus view order and finds the next untagged one', () => {
    const index = new CorpusIndex();
    for (const path of ['b/file10.txt', 'b/file9.txt', 'a.txt', 'b/c/deep.txt', 'B2.txt']) index.setFile(path, untaggedEntry());
    index.setFile('b/file9.txt', entry([mention('PERSON', 'Ana')]));
    assert.deepEqual(index.paths(), ['b/c/deep.txt', 'b/file9.txt', 'b/file10.txt', 'a.txt', 'B2.txt']);
    assert.equal(index.nextFile(), 'b/c/deep.txt');
    assert.equal(index.nextFile('b/c/deep.txt'), 'b/file10.txt', 'skips the tagged file');
    assert.equal(index.nextFile('B2.txt'), 'b/c/deep.txt', 'wraps around');
    assert.equal(index.nextFile('a.txt', ['in-progress']), 'b/file9.txt');
    assert.equal(index.nextFile(undefined, ['done']), undefined);
    assert.deepEqual(index.files({ folder: 'b' }).map((file) => file.path), ['b/c/deep.txt', 'b/file9.txt', 'b/file10.txt']);
  });

  it('keeps the view order as files come and go', () => {
    const index = new CorpusIndex();
    index.setFile('m.txt', untaggedEntry());
    assert.deepEqual(index.paths(), ['m.txt']);
    index.setFile('a.txt', untaggedEntry());
    index.setFile('z/x.txt', untaggedEntry());
    index.removeFile('m.txt');
    // A rename reaches the index as the file watcher reports it: a deletion and a creation.
    index.removeFile('a.txt');
    index.setFile('zz.txt', untaggedEntry());
    assert.deepEqual(index.paths(), ['z/x.txt', 'zz.txt']);
    assert.deepEqual([index.rank(index.record('z/x.txt')!.id), index.rank(index.record('zz.txt')!.id)], [0, 1]);
  });

  it('sums folders for the Corpus view', () => {
    const index = new CorpusIndex();
    index.setFile('en/a.txt', entry([mention('PERSON', 'Ana'), mention('PERSON', 'Bo', 5)], { status: 'done' }));
    index.setFile('en/sub/b.txt', entry([mention('PERSON', 'Ana')]));
    index.setFile('top.txt', untaggedEntry());
    const folders = folderSummaries(index);
    assert.deepEqual([...folders.keys()].sort(), ['', 'en', 'en/sub']);
    assert.deepEqual({ ...folders.get('en')! }, { path: 'en', files: 2, notDone: 1, annotations: 3, states: { untouched: 0, 'in-progress': 1, done: 1, problem: 0 } });
    assert.equal(folders.get('')!.files, 3);
    assert.equal(folderSummaries(index, ['untouched']).get('en')?.files, undefined);
  });

  it('gives each annotation its snippet, cut at line breaks', () => {
    const index = new CorpusIndex();
    const long = 'x'.repeat(40);
    index.setFile('a.txt', entry([mention('PERSON', 'Ana', 3, { prefix: 'first line\nthe mayor ', suffix: ' said\r\nmore', note: 'n' }), mention('ORG', 'UN', 9, { prefix: long + '😀', suffix: '😀' + long })]));
    const [first, second] = index.annotations('a.txt');
    assert.deepEqual({ ...first }, { file: 'a.txt', id: first.id, type: 'PERSON', text: 'Ana', start: 3, end: 6, note: 'n', before: 'the mayor ', after: ' said', entity: '["PERSON","ana"]' });
    assert.equal([...second.before].length, 24);
    assert.ok(second.before.endsWith('😀') && second.after.startsWith('😀'), 'astral characters are never split');
  });

  it('gives the same answers after any sequence of updates as an index built afresh', () => {
    const types = fc.constantFrom('PERSON', 'ORG', 'LOCATION');
    const texts = fc.constantFrom('Petro', 'PETRO', 'Bogotá', 'Bogota\u0301', 'bogotá ', 'ACME', 'Ana  Bo', 'ana bo');
    const annotation = fc.record({ type: types, text: texts, note: fc.option(fc.constantFrom('check', 'ok'), { nil: undefined }) });
    const paths = fc.constantFrom('a.txt', 'b.txt', 'x/c.txt', 'x/y/d.txt');
    const entryArbitrary = fc.record({
      annotations: fc.array(annotation, { maxLength: 5 }),
      status: fc.constantFrom('untouched' as const, 'in-progress' as const, 'done' as const),
      orphans: fc.nat({ max: 1 }),
    });
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), path: paths, entry: entryArbitrary }),
      fc.record({ kind: fc.constant('remove' as const), path: paths }),
      // Reading the views part way: the per-file counts a load defers are put in, and later updates go on from there.
      fc.record({ kind: fc.constant('look' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        const index = new CorpusIndex();
        const model = new Map<string, IndexEntry>();
        for (const step of operations) {
          if (step.kind === 'set') {
            const made = entry(
              step.entry.annotations.map((item, at) => mention(item.type, item.text, at * 10, item.note ? { note: item.note } : {})),
              { status: step.entry.status, orphans: step.entry.orphans },
            );
            index.setFile(step.path, made);
            model.set(step.path, made);
          } else if (step.kind === 'remove') {
            index.removeFile(step.path);
            model.delete(step.path);
          } else {
            snapshot(index);
          }
        }
        const fresh = new CorpusIndex();
        for (const [path, made] of model) fresh.setFile(path, made);
        assert.deepEqual(snapshot(index), snapshot(fresh));
        const notes = (built: CorpusIndex) => [...built.notes.ids()].map((id) => built.notes.text(id)).sort();
        assert.deepEqual(notes(index), notes(fresh));
      }),
      { numRuns: 300 },
    );
  });
});
