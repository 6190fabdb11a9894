import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FoldersFileSystem } from '../../../src/node/foldersFileSystem';

describe('FoldersFileSystem (the editor’s files)', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'folders-fs-'));
    mkdirSync(path.join(scratch, 'corpus'));
    mkdirSync(path.join(scratch, 'outside'));
    writeFileSync(path.join(scratch, 'corpus', 'a.txt'), 'inside');
    writeFileSync(path.join(scratch, 'outside', 'secret.txt'), 'GITHUB_TOKEN=ghp_x');
    symlinkSync(path.join(scratch, 'outside'), path.join(scratch, 'corpus', 'link-out'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('reads and writes files inside a workspace folder', async () => {
    const files = new FoldersFileSystem();
    await files.setFolders([path.join(scratch, 'corpus')]);
    assert.equal(new TextDecoder().decode(await files.readFile(path.join(scratch, 'corpus', 'a.txt'))), 'inside');
    await files.writeFileAtomic(path.join(scratch, 'corpus', 'a.txt.ann.yaml'), new TextEncoder().encode('x'));
  });

  it('refuses a path through a link out of the folder, and a path in no folder, without reading it', async () => {
    const files = new FoldersFileSystem();
    await files.setFolders([path.join(scratch, 'corpus')]);
    await assert.rejects(files.readFile(path.join(scratch, 'corpus', 'link-out', 'secret.txt')), (error: Error) => !error.message.includes('GITHUB_TOKEN') && /outside|link/.test(error.message));
    await assert.rejects(files.writeFileAtomic(path.join(scratch, 'corpus', 'link-out', 'planted.txt.ann.yaml'), new Uint8Array()), /outside|link/);
    await assert.rejects(files.readFile(path.join(scratch, 'outside', 'secret.txt')), /not inside a workspace folder/);
  });

  it('finds a folder that arrived after start-up (a .code-workspace window) without a change event', async () => {
    const roots: string[] = [];
    const files = new FoldersFileSystem(() => roots);
    await files.setFolders(roots);
    roots.push(path.join(scratch, 'corpus'));
    assert.equal(new TextDecoder().decode(await files.readFile(path.join(scratch, 'corpus', 'a.txt'))), 'inside');
  });
});
