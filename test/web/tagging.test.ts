import * as vscode from 'vscode';
import { equal, ok } from './check';
import { api, article, eventually, type Fixture, openArticle, readSidecar, readText, removeFixture, select, texts, writeFixture } from './support';

/** The sidecar of a text, beside it. */
const sidecar = (uri: vscode.Uri) => uri.with({ path: `${uri.path}.ann.yaml` });

describe('Tagging in the web worker', () => {
  let fixture: Fixture;

  before(async () => {
    fixture = await writeFixture('tagging', { 'valparaiso.txt': article });
  });

  after(async () => {
    await removeFixture(fixture);
  });

  it('tags the selection and writes the sidecar with code-point offsets', async () => {
    const uri = fixture.uri('valparaiso.txt');
    const editor = await openArticle(uri);
    equal(await readSidecar(uri), undefined, 'no sidecar before tagging');
    editor.selection = select(editor, 'Banco Andino');
    equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'ORG' }), 1);
    const sidecar = await eventually(() => readSidecar(uri), 'the sidecar');
    const [entry] = sidecar.annotations;
    ok(entry && sidecar.annotations.length === 1, `one entry expected, got ${sidecar.annotations.length}`);
    // The 🌊 before it is one code point but two UTF-16 units: the sidecar counts code points.
    const expectedStart = Array.from(article.slice(0, article.indexOf('Banco Andino'))).length;
    equal(entry.start, expectedStart, 'start offset in code points');
    equal(entry.end, expectedStart + 'Banco Andino'.length, 'end offset in code points');
    equal(editor.document.offsetAt(editor.selection.start), expectedStart + 1, 'the editor counts the emoji as two units');
    equal(editor.document.isDirty, false, 'tagging must not leave the text unsaved');
  });

  it('tags all other occurrences with Tag All and undoes them in one step', async () => {
    const uri = fixture.uri('valparaiso.txt');
    const editor = await openArticle(uri);
    editor.selection = select(editor, 'Valparaíso', 1);
    equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'LOCATION' }), 1);
    const added = await vscode.commands.executeCommand<number>('newsAnnotator.tagAllOccurrences', { type: 'LOCATION', scope: 'file', wholeWord: true, caseSensitive: true });
    equal(added, 2, 'the two other occurrences');
    const count = async () => (await readSidecar(uri))?.annotations.filter((entry) => entry.text === 'Valparaíso').length;
    equal(await count(), 3);
    await vscode.commands.executeCommand('newsAnnotator.undo');
    equal(await count(), 1, 'one undo removes everything Tag All added');
    await vscode.commands.executeCommand('newsAnnotator.redo');
    equal(await count(), 3, 'redo puts them back');
  });

  it('adds a note to a tag', async () => {
    const uri = fixture.uri('valparaiso.txt');
    const editor = await openArticle(uri);
    const organisation = (await (await api()).annotationsOf(uri)).find((item) => item.text === 'Banco Andino');
    ok(organisation, 'the ORG tag of the first test');
    await vscode.commands.executeCommand('newsAnnotator.editNote', { uri: editor.document.uri.toString(), id: organisation.id, note: 'regional bank, check the full name' });
    equal((await readSidecar(uri))?.annotations.find((entry) => entry.id === organisation.id)?.note, 'regional bank, check the full name');
  });

  it('shows the tag count and status in the status bar, and marks the file done', async () => {
    const uri = fixture.uri('valparaiso.txt');
    await openArticle(uri);
    const extension = await api();
    const tags = (await readSidecar(uri))?.annotations.length ?? 0;
    await eventually(() => (extension.statusBarText().includes(`${tags} tags · In progress`) ? true : undefined), `“${tags} tags · In progress” in the status bar (it reads “${extension.statusBarText()}”)`);
    await vscode.commands.executeCommand('newsAnnotator.markDone');
    equal((await readSidecar(uri))?.status, 'done');
    await eventually(() => (extension.statusBarText().includes('Done') ? true : undefined), 'Done in the status bar');
  });

  it('paints the tags in the editor and shows the type on hover', async () => {
    const uri = fixture.uri('valparaiso.txt');
    const editor = await openArticle(uri);
    const extension = await api();
    extension.paintNow();
    ok(extension.lastPaintedRanges(uri) >= 4, `painted ${extension.lastPaintedRanges(uri)} ranges`);
    const name = select(editor, 'Banco Andino');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, name.start.translate(0, 2));
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    ok(text.includes('ORG'), `the hover does not name the type:\n${text}`);
    ok(texts((await readSidecar(uri))?.annotations).includes('ORG:Banco Andino'));
  });

  it('takes the sidecar along when the text is renamed', async () => {
    const from = fixture.uri('valparaiso.txt');
    const to = fixture.uri('valparaiso-2025.txt');
    const before = await readText(sidecar(from));
    ok(before !== undefined, 'the earlier tests tagged the article');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    ok(await vscode.workspace.applyEdit(edit), 'the rename was refused');
    equal(await readText(sidecar(from)), undefined, 'no sidecar is left under the old name');
    equal(await readText(sidecar(to)), before, 'the sidecar moved unchanged');
  });

  it('finds a text renamed behind its back, and Reattach Sidecars of Moved Texts puts the sidecar beside it', async () => {
    const from = fixture.uri('valparaiso-2025.txt');
    const to = fixture.uri('moved/valparaiso.txt');
    const before = await readText(sidecar(from));
    ok(before !== undefined, 'the rename above moved the sidecar here');
    // workspace.fs renames without asking the rename participants: as git or a shell would.
    await vscode.workspace.fs.createDirectory(fixture.uri('moved'));
    await vscode.workspace.fs.rename(from, to);
    equal(await readText(sidecar(to)), undefined, 'the sidecar stayed behind');
    const outcome = await vscode.commands.executeCommand<{ moved: string[]; left: number } | undefined>('newsAnnotator.relinkSidecars', { all: true });
    ok(outcome?.moved.includes(fixture.path('moved/valparaiso.txt.ann.yaml')) === true, `moved: ${JSON.stringify(outcome)}`);
    equal(await readText(sidecar(from)), undefined, 'no sidecar is left under the old name');
    equal(await readText(sidecar(to)), before, 'the sidecar moved unchanged');
  });
});
