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
    let rows: string[] = [];
    await eventually(async () => {
      rows = (await extension.corpusRows()).map((row) => row.trim());
      return ['valparaiso.txt |', 'notes |', 'second.txt |'].every((start) => rows.some((row) => row.startsWith(start))) ? true : undefined;
    }, 'rows for valparaiso.txt, notes/ and notes/second.txt in the Corpus view').catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; it shows:\n${rows.join('\n')}`);
    });
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

  it('draws the article in the arc view, its page script and style loaded from the extension', async () => {
    await openArticle(fixture.uri('valparaiso.txt'));
    equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.showArcs'), true);
    // The page reports what it drew only once its script (dist/webview/arcView.js) ran.
    const drawn = await eventually(async () => {
      const drawing = (await api()).arcDrawing();
      return drawing !== undefined && drawing.spans > 0 ? drawing : undefined;
    }, 'the arc view drawn');
    ok(drawn.uri.endsWith('valparaiso.txt'), `drew ${drawn.uri}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
