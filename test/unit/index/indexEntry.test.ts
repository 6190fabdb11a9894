import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { entryFromLoad, entryFromSidecar } from '../../../src/core/index/indexEntry';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { decodeText } from '../../../src/core/text/decodeText';
import { indexFixtureFolder } from './indexTestSupport';

const corpus = path.join(indexFixtureFolder(), 'corpus');
const read = (file: string) => readFileSync(path.join(corpus, file), 'utf8');
const text = (file: string) => decodeText(readFileSync(path.join(corpus, file)));

describe('index entries from sidecars', () => {
  it('reads a canonical sidecar without its text', () => {
    const entry = entryFromSidecar(read('en/cartagena-summit.txt.ann.yaml'), 'en/cartagena-summit.txt.ann.yaml');
    assert.equal(entry.hasSidecar, true);
    assert.equal(entry.status, 'in-progress');
    assert.deepEqual(entry.annotations.map((item) => item.text), ['Gustavo Petro', 'CARTAGENA', 'Cartagena', 'ACME Corp.', 'Cartagena', 'Petro']);
    assert.equal(entry.annotations[3].note, 'check the legal name');
    assert.deepEqual([entry.problems, entry.orphans, entry.unreadable], [0, 0, false]);
  });

  it('counts types the project does not know as problems', () => {
    const entry = entryFromSidecar(read('en/cartagena-summit.txt.ann.yaml'), 'x.ann.yaml', { knownTypes: new Set(['PERSON', 'LOCATION']) });
    assert.equal(entry.problems, 1);
  });

  it('gives an untagged entry for a missing sidecar and an unreadable one for a conflicted sidecar', () => {
    assert.deepEqual(entryFromSidecar(undefined, 'x.ann.yaml'), { hasSidecar: false, status: 'untouched', annotations: [], problems: 0, unreadable: false, orphans: 0, sidecarStamp: null, textStamp: null });
    const conflicted = entryFromSidecar(read('broken/conflict.txt.ann.yaml'), 'broken/conflict.txt.ann.yaml');
    assert.equal(conflicted.unreadable, true);
    assert.ok(conflicted.problems >= 1);
    assert.deepEqual(conflicted.annotations, []);
  });

  it('keeps what it can read of a damaged hand-edited sidecar and counts the rest', () => {
    const content = ['format: news-annotator/1', 'annotations:', '  - {id: a, type: PERSON, start: 0, end: 3, text: Ana}', '  - {id: b, type: PERSON, start: 0, end: 4, text: True}', ''].join('\n');
    const entry = entryFromSidecar(content, 'hand.ann.yaml');
    assert.equal(entry.unreadable, false);
    assert.deepEqual(entry.annotations.map((item) => item.id), ['a']);
    assert.ok(entry.problems >= 1);
  });

  it('counts orphans only when given a text that changed', () => {
    const content = read('stale/changed.txt.ann.yaml');
    assert.equal(entryFromSidecar(content, 'c.ann.yaml').orphans, 0);
    assert.equal(entryFromSidecar(content, 'c.ann.yaml', { text: text('stale/changed.txt') }).orphans, 1, '"Lisbon" is gone; "Sophia Archer" only moved');
    assert.equal(entryFromSidecar(read('es/feria-bogota.txt.ann.yaml'), 'f.ann.yaml', { text: text('es/feria-bogota.txt') }).orphans, 0);
  });

  it('takes a loaded document, with moved annotations where they are now', async () => {
    const files = new MemoryFileSystem({
      'changed.txt': readFileSync(path.join(corpus, 'stale/changed.txt')),
      'changed.txt.ann.yaml': read('stale/changed.txt.ann.yaml'),
    });
    const entry = entryFromLoad(await new SidecarStore(files).load('changed.txt'));
    assert.equal(entry.orphans, 1);
    assert.equal(entry.problems, 0);
    assert.deepEqual(entry.annotations.map((item) => [item.text, item.start]), [['Lisbon', 0], ['Sophia Archer', 15]]);
    assert.equal(entryFromLoad(await new SidecarStore(new MemoryFileSystem({ 'a.txt': 'x' })).load('a.txt')).hasSidecar, false);
    assert.equal(entryFromLoad(await new SidecarStore(new MemoryFileSystem()).load('none.txt')).unreadable, true);
  });
});
