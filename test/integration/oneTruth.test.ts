import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { run } from '../../src/cli/run';
import { api, eventually, openArticle, readSidecarFromDisk, restoreSampleCorpus, select, workspaceFile } from './support';

/** Runs the command line in-process on the workspace folder; returns what it printed. */
async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await run(args, { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: workspaceFile('.').fsPath, isTerminal: false });
  return { code, stdout };
}

/** A file's status as each of the six places that show it says it. */
async function statusEverywhere(file: string): Promise<Record<string, string>> {
  const extension = await api();
  const name = path.basename(file);
  const row = (await extension.corpusRows()).find((candidate) => candidate.trim().startsWith(`${name} |`)) ?? '';
  const symbols: Record<string, string> = { '○': 'untouched', '◐': 'in-progress', '✓': 'done' };
  // The row reads `tags · status`, then ` · N?` when the file has open suggestions (the
  // annotator's tagging makes some: the name's other occurrences).
  const corpusView = symbols[/· ([○◐✓])(?: · \d+\?)?$/.exec(row)?.[1] ?? ''] ?? `(row: ${row})`;
  const statusBar = /· (Untouched|In progress|Done)/.exec(extension.statusBarText())?.[1]?.toLowerCase().replace(' ', '-') ?? `(status bar: ${extension.statusBarText()})`;
  const sidecar = readSidecarFromDisk(file)?.status ?? '(no sidecar)';
  const stats = JSON.parse((await cli(['stats', '.', '--json'])).stdout) as { perFile: { path: string; status: string }[] };
  const statsStatus = stats.perFile.find((entry) => entry.path === file)?.status ?? '(not in stats)';
  const filtered: string[] = [];
  for (const status of ['untouched', 'in-progress', 'done']) {
    await vscode.commands.executeCommand('newsAnnotator.filterCorpus', [status]);
    if ((await extension.corpusRows()).some((candidate) => candidate.trim().startsWith(`${name} |`))) filtered.push(status);
  }
  await vscode.commands.executeCommand('newsAnnotator.filterCorpus', []);
  const exported: string[] = [];
  const out = mkdtempSync(path.join(tmpdir(), 'status-export-'));
  try {
    for (const status of ['untouched', 'in-progress', 'done']) {
      const target = path.join(out, `${status}.jsonl`);
      await cli(['export', '.', '--format', 'jsonl', '--status', status, '--out', target]);
      if (readFileSync(target, 'utf8').includes(`"${file}"`)) exported.push(status);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { corpusView, statusBar, sidecar, stats: statsStatus, filter: filtered.join('+'), export: exported.join('+') };
}

function same(status: string): Record<string, string> {
  return { corpusView: status, statusBar: status, sidecar: status, stats: status, filter: status, export: status };
}

describe('One truth: status, settled offsets, reveal', () => {
  after(restoreSampleCorpus);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the status agrees in the sidecar, status bar, Corpus view, filter, stats and export after tagging, marking done and undoing', async () => {
    const file = 'en/senegal-colombia-vaccine-cold-chain.txt';
    const editor = await openArticle(file);
    const extension = await api();
    const settle = async (expected: string, what: string) =>
      eventually(async () => {
        const seen = await statusEverywhere(file);
        assert.deepEqual(seen, same(expected));
        return seen;
      }, what, 10_000);
    editor.selection = select(editor, 'Senegal');
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'LOCATION' }), 1);
    await settle('in-progress', 'in progress everywhere after tagging');
    assert.equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.markDone'), true);
    await settle('done', 'done everywhere after marking done');
    await vscode.commands.executeCommand('newsAnnotator.undo');
    assert.deepEqual(await extension.annotationsOf(editor.document.uri), []);
    await settle('done', 'still done everywhere after undoing the tag (the file stays marked)');
  });

  it('a line prepended outside VS Code: the offsets are settled on disk, and the Tags view and Search Tags select exactly the tag', async () => {
    const file = 'en/mombasa-port-modernisation-deal.txt';
    const textPath = workspaceFile(file).fsPath;
    writeFileSync(textPath, `UPDATED 4 June: corrects the operator's name.\r\n${readFileSync(textPath, 'utf8')}`);
    // Closed file: the index settles its offsets in the background, once.
    await eventually(() => {
      const entry = readSidecarFromDisk(file)?.annotations.find((annotation) => annotation.text === 'Gao Liyun');
      return entry && entry.start === 1177 + 47 ? entry : undefined;
    }, 'the settled offsets of Gao Liyun on disk', 10_000);

    const extension = await api();
    const mention = await eventually(async () => (await extension.tagsItems(3)).find((item) => /^ {4}.*Gao Liyun.* \| en\/mombasa-port-modernisation-deal\.txt:\d+$/.test(item.row)), 'the mention row');
    assert.ok(mention.command);
    await vscode.commands.executeCommand(mention.command.command, ...((mention.command.arguments ?? []) as unknown[]));
    let editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'Gao Liyun', 'the Tags view selects the tag');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    void vscode.commands.executeCommand('newsAnnotator.searchTags', 'Gao Liyun');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    editor = await eventually(() => (vscode.window.activeTextEditor?.document.uri.path.endsWith(file) ? vscode.window.activeTextEditor : undefined), 'the revealed article');
    assert.equal(editor.document.getText(editor.selection), 'Gao Liyun', 'Search Tags selects the tag');
  });

  it('a reveal with offsets that no longer hold the tag finds the tag where it is now', async () => {
    const file = 'en/mombasa-port-modernisation-deal.txt';
    // Offsets from before a change (what a stale index would hold) must not select other words.
    await vscode.commands.executeCommand('newsAnnotator.revealMention', { uri: workspaceFile(file).toString(), start: 1177 - 20, end: 1186 - 20, id: 'd3fhtuiv', text: 'Gao Liyun' });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'Gao Liyun');
  });

  it('a tag whose words were deleted outside VS Code becomes an orphan in the editor, not a tag on another mention', async () => {
    const file = 'en/global-times-byline.txt';
    const textPath = workspaceFile(file).fsPath;
    const filler = Array.from({ length: 20 }, (_, line) => `Paragraph ${line + 1} of the report on the port expansion.`).join('\n');
    writeFileSync(textPath, `2024-10-11 09:04:50Global Times Editor Li Wen\n${filler}\nA spokesman told the Global Times the deal was signed.\n`);
    let editor = await openArticle(file);
    editor.selection = select(editor, 'Global Times');
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'ORG' }), 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(textPath, readFileSync(textPath, 'utf8').replace('09:04:50Global Times Editor', '09:04:50 Editor'));
    editor = await openArticle(file);
    // The closed document may still be cached by VS Code until it sees the change on disk.
    await eventually(() => (editor.document.getText().includes('09:04:50 Editor') ? true : undefined), 'the editor to show the changed text');
    const annotation = await eventually(async () => {
      const [found] = await (await api()).annotationsOf(editor.document.uri);
      assert.equal(found?.state, 'orphan', `the ORG tag must not move to "told the Global Times": ${JSON.stringify(found)}`);
      return found;
    }, 'the tag to be an orphan');
    assert.equal(annotation.start, 19);
    assert.match(readFileSync(`${textPath}.ann.yaml`, 'utf8'), /start: 19, end: 31, text: "Global Times"/, 'the orphan is kept in the sidecar as it was');
  });
});
