import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, eventually, openArticle, readSidecarFromDisk, restoreSampleCorpus, select, workspaceFile } from './support';

// Issue 12: what a newcomer hit. (Typing into the tag picker and right-to-left text need real
// keys and a rendered page: test/ui/editorNewcomer.mjs drives those in the workbench.)
const article = 'en/beijing-talks.txt';
const text = 'Talks were held in Beijing on Monday. Officials in  Beijing  said more talks would follow.\n';

/** Which rows the view shows (names only: counts may still be catching up with the tests before). */
function shownNames(rows: readonly string[]): string[] {
  return rows.map((row) => row.split(' | ')[0]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('Newcomer in the editor (issue 12)', () => {
  after(restoreSampleCorpus);

  before(async () => {
    writeFileSync(workspaceFile(article).fsPath, text);
    const extension = await api();
    await eventually(async () => ((await extension.corpusFiles()).includes(article) ? true : undefined), 'the new article in the index');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('stores a selection taken with the spaces around a name as the name alone, with its own offsets', async () => {
    const editor = await openArticle(article);
    editor.selection = select(editor, ' Beijing ');
    assert.equal(editor.document.getText(editor.selection), ' Beijing ');
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'LOCATION' }), 1);
    const entries = readSidecarFromDisk(article)?.annotations ?? [];
    assert.deepEqual(
      entries.map((entry) => ({ text: entry.text, start: entry.start, end: entry.end })),
      [{ text: 'Beijing', start: text.indexOf('Beijing'), end: text.indexOf('Beijing') + 'Beijing'.length }],
    );
    assert.equal(readFileSync(workspaceFile(article).fsPath, 'utf8'), text, 'the article itself is untouched');
  });

  it('Tag All from a selection with spaces matches the name and stores it trimmed', async () => {
    const editor = await openArticle(article);
    editor.selection = select(editor, '  Beijing  ');
    const added = await vscode.commands.executeCommand<number>('newsAnnotator.tagAllOccurrences', { type: 'LOCATION', scope: 'file', wholeWord: true, caseSensitive: true });
    assert.equal(added, 1, 'the one occurrence not tagged yet');
    const entries = readSidecarFromDisk(article)?.annotations ?? [];
    assert.deepEqual(entries.map((entry) => entry.text), ['Beijing', 'Beijing']);
  });

  it('Filter Corpus by Status run from the title bar after a row was clicked asks, and does not break the view', async () => {
    const extension = await api();
    const rowsBefore = shownNames(await extension.corpusRows());
    // What VS Code passes to a view/title command once a row has been clicked: that row's element.
    const clickedRow = { kind: 'file', node: { name: 'nile-basin-water-project.txt', path: 'en/nile-basin-water-project.txt' } };
    const running = vscode.commands.executeCommand('newsAnnotator.filterCorpus', clickedRow);
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await running; // rejects if the command threw
    assert.deepEqual(shownNames(await extension.corpusRows()), rowsBefore, 'cancelling the question leaves the view as it was');

    // With a filter set, the question opens with it ticked; accepting keeps it.
    await vscode.commands.executeCommand('newsAnnotator.filterCorpus', ['done']);
    const doneRows = (await extension.corpusRows()).filter((row) => row.startsWith('  '));
    assert.ok(doneRows.length > 0 && doneRows.every((row) => row.endsWith('· ✓')), doneRows.join('\n'));
    const again = vscode.commands.executeCommand('newsAnnotator.filterCorpus', clickedRow);
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await again;
    assert.deepEqual((await extension.corpusRows()).filter((row) => row.startsWith('  ')), doneRows);

    // From the palette (no argument) as well.
    const palette = vscode.commands.executeCommand('newsAnnotator.filterCorpus');
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await palette;
    await vscode.commands.executeCommand('newsAnnotator.filterCorpus', []);
    assert.deepEqual(shownNames(await extension.corpusRows()), rowsBefore, 'an empty list shows every file again');
  });

  it('shows each file row as a compact count and status symbol', async () => {
    const rows = await (await api()).corpusRows();
    assert.ok(rows.some((row) => /^ {2}cartagena-hangzhou-sister-cities\.txt \| \d+ · ✓$/.test(row)), rows.join('\n'));
    assert.ok(rows.some((row) => /^ {2}nile-basin-water-project\.txt \| 0 · ○$/.test(row)), rows.join('\n'));
  });
});
