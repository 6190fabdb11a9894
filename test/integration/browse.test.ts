import assert from 'node:assert/strict';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, eventually, openArticle, select, workspaceFile, restoreSampleCorpus } from './support';

/** The entity rows listed under one type in the Tags view's rows (depth 2). */
function entitiesOf(rows: readonly string[], type: string): string[] {
  const start = rows.findIndex((row) => row.startsWith(`${type} | `));
  if (start < 0) return [];
  const end = rows.findIndex((row, index) => index > start && !row.startsWith('  '));
  return rows.slice(start + 1, end < 0 ? undefined : end).map((row) => row.trim());
}

async function rowMatching(rows: () => Promise<readonly string[]>, pattern: RegExp, what: string): Promise<string> {
  try {
    return await eventually(async () => (await rows()).find((row) => pattern.test(row)), what);
  } catch (error) {
    // Say what the view showed instead: a timeout alone does not tell a slow update from a wrong one.
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the rows:\n${(await rows()).join('\n')}`);
  }
}

describe('Browsing: Corpus view, Tags view, Search Tags', () => {
  after(restoreSampleCorpus);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists folders and files with tag counts and status', async () => {
    const corpus = () => api().then((extension) => extension.corpusRows());
    await rowMatching(corpus, /^en \| 4 files · \d+ to do · \d+ tags$/, 'the en folder row');
    await rowMatching(corpus, /^ {2}cartagena-hangzhou-sister-cities\.txt \| \d+ · ✓$/, 'a done file');
    await rowMatching(corpus, /^ {2}nile-basin-water-project\.txt \| 0 · ○$/, 'an untagged file');
  });

  it('shows types with totals, entities with counts, and mentions with file and line', async () => {
    const rows = await (await api()).tagsRows(3);
    assert.ok(rows.some((row) => /^LOCATION \| \d+ mentions · \d+ entities$/.test(row)), rows.slice(0, 10).join('\n'));
    const cartagena = rows.find((row) => /^ {2}Cartagena \| \d+ in \d+ files?$/.test(row));
    assert.ok(cartagena, 'Cartagena is one entity across files');
    assert.ok(rows.some((row) => /^ {4}.*Cartagena.* \| en\/cartagena-hangzhou-sister-cities\.txt:\d+$/.test(row)), 'a mention shows its file and line');
  });

  it('groups a decomposed accent with the precomposed name', async () => {
    const rows = await (await api()).tagsRows(2);
    const bogota = rows.filter((row) => /^ {2}Bogot/.test(row));
    assert.equal(bogota.length, 1, `one entity for Bogotá however its accent is written: ${bogota.join(' / ')}`);
  });

  it('updates both views when a tag is added in the editor', async () => {
    const editor = await openArticle('en/nile-basin-water-project.txt');
    editor.selection = select(editor, 'Helena Okwuosa-Brandt');
    await vscode.commands.executeCommand('newsAnnotator.tagSelection', { type: 'PERSON' });
    const extension = await api();
    await rowMatching(() => extension.corpusRows(), /^ {2}nile-basin-water-project\.txt \| 1 · /, 'the new count in the Corpus view');
    await rowMatching(() => extension.tagsRows(2), /^ {2}Helena Okwuosa-Brandt \| 1 in 1 file$/, 'the new entity in the Tags view');
  });

  it('updates when a sidecar changes on disk', async () => {
    const file = 'en/mombasa-port-modernisation-deal.txt';
    const path = `${workspaceFile(file).fsPath}.ann.yaml`;
    const content = readFileSync(path, 'utf8');
    const line = content.split('\n').find((candidate) => candidate.includes('text: "Kenya Ports Authority"'))!;
    assert.ok(line.includes('type: "ORG"'));
    assert.ok(!entitiesOf(await (await api()).tagsRows(2), 'EVENT').some((row) => row.startsWith('Kenya Ports Authority')));
    // Another window (or a git pull) re-types the entry on disk.
    writeFileSync(path, content.replace(line, line.replace('type: "ORG"', 'type: "EVENT"')));
    try {
      await eventually(async () => (entitiesOf(await (await api()).tagsRows(2), 'EVENT').some((row) => row.startsWith('Kenya Ports Authority | 1 in 1 file')) ? true : undefined), 'the re-typed entity under EVENT');
    } finally {
      writeFileSync(path, content);
    }
  });

  it('follows articles created, renamed and deleted on disk', async () => {
    const extension = await api();
    const created = workspaceFile('en/new-wire-story.txt').fsPath;
    writeFileSync(created, 'Reuters reports that the port of Mombasa reopened.\n');
    await rowMatching(() => extension.corpusRows(), /^ {2}new-wire-story\.txt \| 0 · ○$/, 'the new article');
    renameSync(created, workspaceFile('en/renamed-wire-story.txt').fsPath);
    await rowMatching(() => extension.corpusRows(), /^ {2}renamed-wire-story\.txt \| 0 · ○$/, 'the renamed article');
    await eventually(async () => ((await extension.corpusRows()).some((row) => row.includes('new-wire-story.txt')) ? undefined : true), 'the old name to go');
    unlinkSync(workspaceFile('en/renamed-wire-story.txt').fsPath);
    await eventually(async () => ((await extension.corpusRows()).some((row) => row.includes('renamed-wire-story.txt')) ? undefined : true), 'the deleted article to go');
  });

  it('reveals a mention: the file opens with the span selected', async () => {
    const file = 'zh/hangzhou-cartagena-friendship-city.txt';
    const codePoints = Array.from(readFileSync(workspaceFile(file).fsPath, 'utf8'));
    const start = codePoints.findIndex((character, index) => character === '陈' && codePoints[index + 1] === '𠮷');
    assert.ok(start > 0);
    await vscode.commands.executeCommand('newsAnnotator.revealMention', { uri: workspaceFile(file).toString(), start, end: start + 3, id: 'sample', text: '陈𠮷生' });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), '陈𠮷生', 'code-point offsets select the astral name exactly');
  });

  it('acts on every mention of an entity: tag the untagged ones, retype all, remove all, undo', async () => {
    const extension = await api();
    const entity = { type: 'PERSON', text: 'Zhou Mingyuan' };
    const added = await vscode.commands.executeCommand<number>('newsAnnotator.tagEntityEverywhere', entity);
    assert.ok(added >= 1, 'the Spanish article mentions Zhou Mingyuan untagged');
    const count = async (type: string) => {
      const row = entitiesOf(await extension.tagsRows(2), type).find((candidate) => candidate.startsWith('Zhou Mingyuan |'));
      return row ? Number(/\| (\d+) in/.exec(row)?.[1]) : 0;
    };
    const total = await eventually(async () => ((await count('PERSON')) >= 1 + added ? count('PERSON') : undefined), 'the new mentions in the Tags view');
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.changeEntityType', entity, 'MISC'), total);
    await eventually(async () => ((await count('MISC')) === total ? true : undefined), 'all mentions under MISC');
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(async () => ((await count('PERSON')) === total && (await count('MISC')) === 0 ? true : undefined), 'one undo to bring them all back to PERSON');
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.removeEntity', entity, true), total);
    await eventually(async () => ((await count('PERSON')) === 0 ? true : undefined), 'every mention removed');
    await vscode.commands.executeCommand('newsAnnotator.undo');
    await eventually(async () => ((await count('PERSON')) === total ? true : undefined), 'removal undone');
  });

  it('finds typo’d and unaccented names, and narrows by type', async () => {
    const extension = await api();
    assert.ok((await extension.searchTags('bogota')).some((result) => result.startsWith('LOCATION Bogot')), 'bogota finds Bogotá');
    assert.ok((await extension.searchTags('cartagna')).some((result) => result.startsWith('LOCATION Cartagena')), 'cartagna finds Cartagena');
    assert.ok((await extension.searchTags('zhuo mingyuan')).some((result) => result.startsWith('PERSON Zhou Mingyuan')), 'a swapped letter still finds Zhou Mingyuan');
    const people = await extension.searchTags('type:PERSON lucia');
    assert.ok(people.length > 0 && people.every((result) => result.startsWith('PERSON ')), people.join(' / '));
  });

  it('Search Tags: Enter reveals the chosen span', async () => {
    void vscode.commands.executeCommand('newsAnnotator.searchTags', 'Gao Liyun');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const editor = await eventually(() => (vscode.window.activeTextEditor?.document.uri.path.endsWith('mombasa-port-modernisation-deal.txt') ? vscode.window.activeTextEditor : undefined), 'the revealed article');
    assert.equal(editor.document.getText(editor.selection), 'Gao Liyun');
  });
});
