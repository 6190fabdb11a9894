import assert from 'node:assert/strict';
import { fileRowDescription, filterArgument } from '../../../src/vscode/corpus/corpusRowText';

describe('Corpus view rows', () => {
  // The words (tooltip) are translated through vscode.l10n in corpusTreeProvider.ts.
  it('shows the tag count and state compactly', () => {
    assert.equal(fileRowDescription({ annotations: 12, state: 'done' }), '12 · ✓');
    assert.equal(fileRowDescription({ annotations: 0, state: 'untouched' }), '0 · ○');
  });

  it('adds the open suggestions, when there are any', () => {
    assert.equal(fileRowDescription({ annotations: 12, state: 'in-progress', suggestions: 3 }), '12 · ◐ · 3?');
    assert.equal(fileRowDescription({ annotations: 12, state: 'in-progress', suggestions: 0 }), '12 · ◐');
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
