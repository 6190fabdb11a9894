import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, eventually, openArticle, readSidecarFromDisk, restoreSampleCorpus, select, workspaceFile } from './support';

const sidecarOnDisk = (relative: string) => `${workspaceFile(relative).fsPath}.ann.yaml`;

/** Renames a file as the Explorer does: through a workspace edit, which runs the extensions' rename participants. */
async function rename(from: string, to: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(workspaceFile(from), workspaceFile(to));
  assert.ok(await vscode.workspace.applyEdit(edit), `the rename of ${from} was refused`);
}

/** The sidecar left the old name unchanged, and the editor shows its tags, all in place, on the new one. */
async function assertMovedWithItsTags(from: string, to: string, before: string, tags: readonly { id: string; start: number; end: number }[]): Promise<void> {
  assert.equal(existsSync(sidecarOnDisk(from)), false, 'no sidecar is left under the old name');
  assert.equal(readFileSync(sidecarOnDisk(to), 'utf8'), before, 'the sidecar moved unchanged');
  await openArticle(to);
  const shown = await (await api()).annotationsOf(workspaceFile(to));
  assert.deepEqual(
    shown.map((tag) => [tag.id, tag.start, tag.end, tag.state]),
    tags.map((tag) => [tag.id, tag.start, tag.end, 'ok']),
  );
}

describe('Renaming a text in VS Code', () => {
  after(restoreSampleCorpus);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('takes its sidecar along: the tags show on the new name in the editor and the Corpus view', async () => {
    const from = 'en/mombasa-port-modernisation-deal.txt';
    const to = 'en/mombasa-port-deal-2025.txt';
    const before = readFileSync(sidecarOnDisk(from), 'utf8');
    const tags = readSidecarFromDisk(from)!.annotations;
    assert.ok(tags.length > 0, 'the sample article is tagged');
    await rename(from, to);
    await assertMovedWithItsTags(from, to, before, tags);
    // The index hears of the rename from the file watcher, which can take seconds on a loaded machine.
    await eventually(
      async () => {
        const shownRows = await (await api()).corpusRows();
        const moved = shownRows.some((row) => row.trim().startsWith(`mombasa-port-deal-2025.txt | ${tags.length} · `));
        return moved && !shownRows.some((row) => row.includes('mombasa-port-modernisation-deal.txt')) ? shownRows : undefined;
      },
      'the Corpus view to show the tags under the new name only',
      15_000,
    );
  });

  it('puts no sidecar over another: when the new name has one already, both stay as they were', async () => {
    const from = 'es/feria-comercial-bogota-shanghai.txt';
    const to = 'es/feria-2025.txt';
    const mine = readFileSync(sidecarOnDisk(from), 'utf8');
    // A sidecar left behind by an earlier rename outside VS Code. It records the hash of the text
    // about to arrive, so the index's background settle (which rewrites a sidecar without one in the
    // canonical layout) has nothing to do, and any change to it is the rename's doing.
    const sha256 = createHash('sha256').update(readFileSync(workspaceFile(from).fsPath)).digest('hex');
    const stray = `format: news-annotator/1\nsource: {file: "feria-2025.txt", sha256: "${sha256}"}\nstatus: done\nannotations: []\n`;
    writeFileSync(sidecarOnDisk(to), stray);
    await rename(from, to);
    assert.ok(existsSync(workspaceFile(to).fsPath), 'the text itself is renamed');
    assert.equal(readFileSync(sidecarOnDisk(from), 'utf8'), mine, 'its sidecar stays, unchanged, under the old name');
    assert.equal(readFileSync(sidecarOnDisk(to), 'utf8'), stray, 'the sidecar already there is not overwritten');
  });

  it('leaves a text without a sidecar, and a renamed sidecar, as the rename made them', async () => {
    await rename('en/nile-basin-water-project.txt', 'en/nile-basin.txt');
    assert.equal(existsSync(sidecarOnDisk('en/nile-basin.txt')), false);
    await rename('en/cartagena-hangzhou-sister-cities.txt.ann.yaml', 'en/cartagena.txt.ann.yaml');
    assert.ok(existsSync(workspaceFile('en/cartagena.txt.ann.yaml').fsPath));
    assert.ok(existsSync(workspaceFile('en/cartagena-hangzhou-sister-cities.txt').fsPath), 'the text stays where it was');
  });

  it('waits for a writer holding the sidecar, so what it writes moves with the sidecar instead of staying under the old name', async () => {
    await restoreSampleCorpus();
    const from = 'en/mombasa-port-modernisation-deal.txt';
    const to = 'en/mombasa-renamed.txt';
    const sidecar = sidecarOnDisk(from);
    // Another writer (a command-line run, another window) holds the sidecar's lock, about to write.
    const lock = path.join(path.dirname(sidecar), `.${path.basename(sidecar)}.lock`);
    writeFileSync(lock, `${JSON.stringify({ pid: process.pid, host: os.hostname(), time: new Date().toISOString(), token: 'renames-test' })}\n`);
    const written = readFileSync(sidecar, 'utf8').replace('status: "in-progress"', 'status: "done"');
    assert.ok(written.includes('status: "done"'));
    const renaming = rename(from, to);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Its write lands, then it lets go.
      writeFileSync(sidecar, written);
    } finally {
      rmSync(lock, { force: true });
    }
    await renaming;
    assert.equal(existsSync(sidecar), false, 'no sidecar under the old name');
    assert.equal(readFileSync(sidecarOnDisk(to), 'utf8'), written, 'the sidecar moved with what the other writer wrote');
  });

  it('keeps a tag written during the rename: it moves with the sidecar, never into a second one under the old name', async () => {
    await restoreSampleCorpus();
    // A tag still being written when the rename starts, three times over, each on a new word.
    const names = ['en/cartagena-hangzhou-sister-cities.txt', 'en/sister-cities-1.txt', 'en/sister-cities-2.txt', 'en/sister-cities-3.txt'];
    for (const [step, word] of ['tourism', 'heritage', 'logistics'].entries()) {
      const from = names[step];
      const to = names[step + 1];
      const editor = await openArticle(from);
      editor.selection = select(editor, word);
      const tagging = vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'MISC' });
      await rename(from, to);
      const added = await tagging;
      assert.equal(existsSync(sidecarOnDisk(from)), false, `no sidecar under the old name ${from}`);
      const moved = readSidecarFromDisk(to)?.annotations.some((tag) => tag.text === word) === true;
      // Either the tag was written before the sidecar moved (and moved with it), or it waited and failed loudly.
      assert.equal(moved, added === 1, `"${word}": written ${String(added)}, in the moved sidecar ${String(moved)}`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('outside VS Code leaves the sidecar behind, and Reattach Sidecars of Moved Texts puts it beside the text', async () => {
    await restoreSampleCorpus(); // the tests above leave sidecars behind on purpose
    const from = 'zh/hangzhou-cartagena-friendship-city.txt';
    const to = 'zh/archive/hangzhou-cartagena.txt';
    const before = readFileSync(sidecarOnDisk(from), 'utf8');
    const tags = readSidecarFromDisk(from)!.annotations;
    // As `git mv` or a shell does it: the text alone, where VS Code cannot take part.
    await vscode.workspace.fs.createDirectory(workspaceFile('zh/archive'));
    renameSync(workspaceFile(from).fsPath, workspaceFile(to).fsPath);
    const outcome = await vscode.commands.executeCommand<{ moved: string[]; left: number } | undefined>('newsAnnotator.relinkSidecars', { all: true });
    assert.deepEqual(outcome, { moved: [`${to}.ann.yaml`], left: 0 });
    await assertMovedWithItsTags(from, to, before, tags);
    // The Corpus view counts them under the new name, in a folder of one file (said in the singular).
    await eventually(
      async () => {
        const rows = await (await api()).corpusRows();
        return rows.some((row) => new RegExp(`^archive \\| 1 file · 1 to do · ${tags.length} tags$`).test(row.trim())) ? rows : undefined;
      },
      `the Corpus view to show zh/archive with one file and ${tags.length} tags`,
      15_000,
    );
    const again = await vscode.commands.executeCommand<{ moved: string[]; left: number } | undefined>('newsAnnotator.relinkSidecars', { all: true });
    assert.deepEqual(again, { moved: [], left: 0 }, 'nothing left to do');
  });
});
