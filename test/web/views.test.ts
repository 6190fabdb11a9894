import * as vscode from 'vscode';
import { deepEqual, equal, ok } from './check';
import { api, article, eventually, type Fixture, openArticle, removeFixture, select, writeFixture } from './support';

describe('Corpus view, Tags view and Search Tags in the web worker', () => {
  let fixture: Fixture;

  before(async () => {
    fixture = await writeFixture('views', { 'valparaiso.txt': article, 'notes/second.txt': 'Banco Andino opened in Arica.\n' });
  });

  after(async () => {
    await removeFixture(fixture);
  });

  it('lists the texts written through workspace.fs in the Corpus view, and no sidecar', async () => {
    const extension = await api();
    const listed = await eventually(async () => {
      const files = await extension.corpusFiles();
      return files.includes(fixture.path('notes/second.txt')) && files.includes(fixture.path('valparaiso.txt')) ? files : undefined;
    }, 'the fixture files in the corpus index');
    ok(!listed.some((file) => file.endsWith('.ann.yaml')));
    // The view refreshes a moment after the index (its updates are batched).
    const rows = await eventually(async () => {
      const shown = (await extension.corpusRows()).map((row) => row.trim());
      return shown.some((row) => row.startsWith(`${fixture.folder} |`)) ? shown : undefined;
    }, `a Corpus view row for ${fixture.folder}`);
    ok(rows.some((row) => row.startsWith('valparaiso.txt |')), `no row for valparaiso.txt in:\n${rows.join('\n')}`);
    ok(rows.some((row) => row.startsWith('second.txt |')), `no row for notes/second.txt in:\n${rows.join('\n')}`);
  });

  it('shows a new tag in the Tags view under its type', async () => {
    const editor = await openArticle(fixture.uri('valparaiso.txt'));
    editor.selection = select(editor, 'Amaru Quispe-Llanos');
    equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'PERSON' }), 1);
    const rows = await eventually(async () => {
      const found = await (await api()).tagsRows(2);
      return found.some((row) => row.trim().startsWith('Amaru Quispe-Llanos')) ? found : undefined;
    }, 'the tag in the Tags view');
    const person = rows.findIndex((row) => row.startsWith('PERSON |'));
    const name = rows.findIndex((row) => row.trim().startsWith('Amaru Quispe-Llanos'));
    ok(person >= 0 && name > person && rows[name]?.startsWith('  '), `the name is not listed under PERSON:\n${rows.join('\n')}`);
  });

  it('finds the tag with Search Tags', async () => {
    const results = await eventually(async () => {
      const found = (await (await api()).searchTags('Quispe')).filter((line) => line.endsWith(fixture.path('valparaiso.txt')));
      return found.length > 0 ? found : undefined;
    }, 'a search result');
    deepEqual(results, [`PERSON Amaru Quispe-Llanos ${fixture.path('valparaiso.txt')}`]);
  });
});
