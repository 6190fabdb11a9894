import assert from 'node:assert/strict';
import { fileRowDescription, fileRowTooltip, filterArgument } from '../../../src/vscode/corpus/corpusRowText';

describe('Corpus view rows', () => {
  it('shows the tag count and state compactly, and in words in the tooltip', () => {
    assert.equal(fileRowDescription({ annotations: 12, state: 'done' }), '12 · ✓');
    assert.equal(fileRowDescription({ annotations: 0, state: 'untouched' }), '0 · ○');
    assert.equal(fileRowTooltip('en/a.txt', { annotations: 1, state: 'in-progress', unreadable: false, orphans: 0 }), 'en/a.txt\n1 tag · in progress.');
    assert.equal(fileRowTooltip('en/a.txt', { annotations: 3, state: 'problem', unreadable: false, orphans: 2 }), 'en/a.txt\n3 tags · has problems. 2 tag(s) not found in the text.');
  });
});

describe('Filter Corpus by Status arguments', () => {
  it('takes a list of states as the states to show', () => {
    assert.deepEqual(filterArgument(['done']), ['done']);
    assert.deepEqual(filterArgument(['untouched', 'in-progress']), ['untouched', 'in-progress']);
    assert.deepEqual(filterArgument([]), []);
  });

  it('asks when run from the palette, or from the title bar after a row was clicked (the row comes as the argument)', () => {
    assert.equal(filterArgument(undefined), 'ask');
    assert.equal(filterArgument({ kind: 'file', node: { name: 'a.txt', path: 'en/a.txt' } }), 'ask');
    assert.equal(filterArgument(['done', { kind: 'file' }]), 'ask');
    assert.equal(filterArgument('done'), 'ask');
  });
});
