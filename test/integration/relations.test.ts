import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, eventually, openArticle, restoreSampleCorpus, select, workspaceFile } from './support';

const article = 'en/cartagena-hangzhou-sister-cities.txt';

interface StoredSidecar {
  annotations: { id: string; type: string; start: number; end: number; text: string; fragments?: [number, number][]; attributes?: Record<string, unknown>; links?: string[] }[];
  relations?: { id: string; type: string; from: string; to: string }[];
}

/** The sidecar as the general YAML reader sees it on disk (fragments make `text` differ from the slice, so no slice check here). */
function stored(): StoredSidecar {
  return parse(readFileSync(`${workspaceFile(article).fsPath}.ann.yaml`, 'utf8')) as StoredSidecar;
}

const idOf = (text: string) => stored().annotations.find((entry) => entry.text === text)?.id;
const entryOf = (text: string) => stored().annotations.find((entry) => entry.text === text);

/**
 * Runs a command that asks with quick picks and takes the first offered item of each, the way
 * Enter does: there is no event for a pick being shown, so the accept is repeated until the
 * command ends (an accept with no pick open does nothing).
 */
async function acceptingFirstItems<T>(command: string, ...args: unknown[]): Promise<T> {
  let done = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => (done = true));
  for (let attempt = 0; attempt < 50 && !done; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return running;
}
const hints = async () => (await api()).relationHints(workspaceFile(article)).hints;

describe('Relations and discontinuous spans in the editor', () => {
  after(restoreSampleCorpus);
  before(async () => {
    await restoreSampleCorpus();
    await api();
  });

  it('links two tags selected with multi-cursor, shows the hint, and removing the source tag removes the relation; undo brings both back', async () => {
    const editor = await openArticle(article);
    const from = idOf('Lucía Ferrán Osorio');
    const to = idOf('Zhou Mingyuan');
    assert.ok(from && to);
    editor.selections = [select(editor, 'Lucía Ferrán Osorio'), select(editor, 'Zhou Mingyuan', 0)];
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.linkTag', { type: 'meets' }), 1);
    assert.deepEqual(stored().relations?.map(({ type, from: source, to: target }) => [type, source, target]), [['meets', from, to]]);
    await eventually(async () => ((await hints()).includes('→ meets: Zhou Mingyuan') ? true : undefined), 'the hint after the source tag');

    // A type the project does not allow for PERSON → PERSON is refused, and nothing is written.
    editor.selections = [select(editor, 'Lucía Ferrán Osorio'), select(editor, 'Zhou Mingyuan', 0)];
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.linkTag', { type: 'located_in' }), 0);
    assert.equal(stored().relations?.length, 1);

    // Removing the source tag removes its relation in the same step.
    editor.selection = select(editor, 'Lucía Ferrán Osorio');
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.removeTag'), 1);
    assert.equal(stored().relations, undefined);
    assert.equal(idOf('Lucía Ferrán Osorio'), undefined);
    await eventually(async () => ((await hints()).length === 0 ? true : undefined), 'the hint gone with the tag');

    // One undo restores the tag and its relation.
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(() => (stored().relations?.length === 1 ? true : undefined), 'the relation back after undo');
    assert.equal(idOf('Lucía Ferrán Osorio'), from);
    await eventually(async () => ((await hints()).includes('→ meets: Zhou Mingyuan') ? true : undefined), 'the hint back after undo');

    // Remove Relation (the hover's link) removes only the relation.
    const relation = stored().relations![0];
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.removeRelation', { uri: workspaceFile(article).toString(), id: relation.id }), 1);
    assert.equal(stored().relations, undefined);
    assert.equal(idOf('Lucía Ferrán Osorio'), from);
  });

  it('with word wrap on, draws relation hints as inlay hints the editor wraps, after the tag\'s own label', async () => {
    // Decoration text is not counted when the editor wraps a line: it pushed the row's end out of sight.
    const editor = await openArticle(article);
    editor.selections = [select(editor, 'Lucía Ferrán Osorio'), select(editor, 'Zhou Mingyuan', 0)];
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.linkTag', { type: 'meets' }), 1);
    await eventually(async () => ((await hints()).includes('→ meets: Zhou Mingyuan') ? true : undefined), 'the hint as decoration text with word wrap off');
    const sourceEnd = select(editor, 'Lucía Ferrán Osorio').end;
    const hintsAtSource = async () => {
      const found = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0))) ?? [];
      return found.filter((hint) => hint.position.isEqual(sourceEnd)).map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
    };
    const settings = vscode.workspace.getConfiguration('editor');
    await settings.update('wordWrap', 'on', vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => ((await hintsAtSource()).length === 2 ? true : undefined), 'two inlay hints after the source tag');
      assert.deepEqual(await hintsAtSource(), ['PERSON', '→ meets: Zhou Mingyuan']);
      assert.deepEqual(await hints(), [], 'no decoration text with word wrap on');
    } finally {
      await settings.update('wordWrap', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => ((await hints()).includes('→ meets: Zhou Mingyuan') ? true : undefined), 'the decoration text back with word wrap off');
    assert.deepEqual(await hintsAtSource(), []);
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(() => (stored().relations === undefined ? true : undefined), 'the relation undone');
  });

  it('tags two selections as one discontinuous span, drawn piece by piece, and undoes it in one step', async () => {
    const editor = await openArticle(article);
    const before = (await api()).relationHints(workspaceFile(article)).filledRanges;
    editor.selections = [select(editor, 'Chinese Embassy'), select(editor, 'Bogotá')];
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelectionsAsOneSpan', { type: 'ORG' }), 1);
    const entry = stored().annotations.find((item) => item.fragments !== undefined);
    assert.ok(entry, 'an entry with fragments');
    assert.equal(entry.type, 'ORG');
    assert.equal(entry.text, 'Chinese Embassy Bogotá');
    const codePoints = Array.from(readFileSync(workspaceFile(article).fsPath, 'utf8'));
    assert.deepEqual(entry.fragments!.map(([start, end]) => codePoints.slice(start, end).join('')), ['Chinese Embassy', 'Bogotá']);
    assert.deepEqual([entry.start, entry.end], [entry.fragments![0][0], entry.fragments![1][1]]);
    // Each piece is filled on its own, not the words between them.
    await eventually(async () => ((await api()).relationHints(workspaceFile(article)).filledRanges === before + 2 ? true : undefined), 'two more filled ranges');
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(() => (stored().annotations.some((item) => item.fragments !== undefined) ? undefined : true), 'the discontinuous tag undone');
  });

  it('draws the article with its arcs in the arc view and redraws when a relation is added', async () => {
    const editor = await openArticle(article);
    editor.selections = [select(editor, 'Marisol Quintero Baena'), select(editor, 'APC-Colombia', 1)];
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.linkTag', { type: 'works_for' }), 1);
    assert.equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.showArcs'), true);
    const tags = stored().annotations.length;
    const first = await eventually(() => (api().then((value) => value.arcDrawing())), 'the arc view drawn', 15_000);
    assert.equal(first.spans, tags);
    assert.equal(first.arcs, 1);
    // Another link (the view opened beside, the article keeps the focus) redraws it.
    editor.selections = [select(editor, 'Teatro Adolfo Mejía'), select(editor, 'Cartagena', 1)];
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.linkTag', { type: 'located_in' }), 1);
    await eventually(async () => ((await api()).arcDrawing()?.arcs === 2 ? true : undefined), 'the arc view redrawn with two arcs', 10_000);
  });

  it('lists relations per type in the Tags view, and Search Tags finds a relation type', async () => {
    // The two relations the previous test drew are still in the sidecar.
    const rows = await eventually(async () => {
      const found = await (await api()).tagsRows(3);
      return found.some((row) => row.startsWith('Relations | ')) ? found : undefined;
    }, 'a Relations group in the Tags view', 10_000);
    const group = rows.indexOf('Relations | 2 relations');
    assert.ok(group >= 0, rows.join('\n'));
    assert.deepEqual(rows.slice(group + 1, group + 5).sort(), [
      '  located_in | 1 relation',
      '    Teatro Adolfo Mejía → Cartagena | en/cartagena-hangzhou-sister-cities.txt',
      '  works_for | 1 relation',
      '    Marisol Quintero Baena → APC-Colombia | en/cartagena-hangzhou-sister-cities.txt',
    ].sort());
    // A relation row reveals its source tag.
    const item = (await (await api()).tagsItems(3)).find((row) => row.row.startsWith('    Marisol Quintero Baena → '));
    assert.ok(item?.command);
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    // The arc view is open beside the article, so look at every visible editor, not only the active one.
    const selected = () => vscode.window.visibleTextEditors.map((editor) => editor.document.getText(editor.selection));
    await eventually(() => (selected().includes('Marisol Quintero Baena') ? true : undefined), 'the source tag selected');
    assert.deepEqual(await (await api()).searchRelationTypes('work'), ['works_for 1']);
    assert.deepEqual(await (await api()).searchRelationTypes('zzz'), []);
  });

  it('Link Tag… from the cursor offers the nearest tag the project allows first, not the nearest tag', async () => {
    await restoreSampleCorpus();
    const editor = await openArticle(article);
    // "Hangzhou" (LOCATION) stands between the two names, but the project allows PERSON → PERSON
    // (meets) and PERSON → ORG (works_for) only; meets being the one type, no type is asked.
    editor.selection = select(editor, 'Lucía Ferrán Osorio');
    assert.equal(await acceptingFirstItems<number>('newsAnnotator.linkTag'), 1);
    assert.deepEqual(stored().relations?.map(({ type, from, to }) => [type, from, to]), [['meets', idOf('Lucía Ferrán Osorio'), idOf('Zhou Mingyuan')]]);
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(() => (stored().relations === undefined ? true : undefined), 'the link undone');
  });

  it('Set Attribute… and Set Knowledge-Base Link… write what was picked, each undone in one step', async () => {
    await restoreSampleCorpus();
    const editor = await openArticle(article);
    editor.selection = select(editor, 'Zhou Mingyuan');
    // The project's first attribute, Negated, is yes/no: picking it sets it without a value question.
    assert.equal(await acceptingFirstItems<boolean>('newsAnnotator.setAttribute'), true);
    assert.deepEqual(entryOf('Zhou Mingyuan')?.attributes, { Negated: true });
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(() => (entryOf('Zhou Mingyuan')?.attributes === undefined ? true : undefined), 'the attribute undone');

    // The link is picked from the project's local lookup (kb/wikidata.tsv: its first row is Colombia).
    editor.selection = select(editor, 'Colombia');
    assert.equal(await acceptingFirstItems<boolean>('newsAnnotator.setKnowledgeBaseLink'), true);
    assert.deepEqual(entryOf('Colombia')?.links, ['wikidata:Q739']);
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(() => (entryOf('Colombia')?.links === undefined ? true : undefined), 'the link undone');
  });
});
