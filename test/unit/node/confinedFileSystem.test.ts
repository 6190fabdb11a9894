import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RootedFileSystem } from '../../../src/core/corpus/rootedFileSystem';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { ConfinedFileSystem } from '../../../src/node/confinedFileSystem';
import { temporaryFolder } from '../export/exportTestSupport';

const encoder = new TextEncoder();

describe('ConfinedFileSystem', () => {
  let temporary: { folder: string; remove: () => void };
  let root: string;
  let outside: string;
  beforeEach(() => {
    temporary = temporaryFolder('confined-');
    root = path.join(temporary.folder, 'corpus');
    outside = path.join(temporary.folder, 'outside');
    mkdirSync(path.join(root, 'en'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(root, 'en', 'a.txt'), 'inside');
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
  });
  afterEach(() => temporary.remove());

  const refusal = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof Error);
      assert.doesNotMatch(error.message, /SECRET/);
      return error.message;
    }
    assert.fail('expected a refusal');
  };

  it('reads and stats regular files inside, and answers undefined for missing ones', async () => {
    const files = await ConfinedFileSystem.open(root);
    assert.equal(new TextDecoder().decode(await files.readFile('en/a.txt')), 'inside');
    assert.equal((await files.stat('en/a.txt'))?.size, 6);
    assert.equal(await files.readFile('en/missing.txt'), undefined);
    assert.equal(await files.stat('nowhere/missing.txt'), undefined);
    assert.equal(await files.readFile('en/a.txt/below'), undefined);
  });

  it('refuses links, folders, FIFOs and paths that leave the root, without reading them', async () => {
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'));
    symlinkSync('a.txt', path.join(root, 'en', 'alias.txt'));
    symlinkSync('../outside', path.join(root, 'link-out'));
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    const files = await ConfinedFileSystem.open(root);
    const linkMessage = 'leak.txt is a symbolic link; links are not followed, so nothing outside the corpus folder is read or written through them.';
    assert.equal(await refusal(files.readFile('leak.txt')), linkMessage);
    assert.equal(await refusal(files.stat('leak.txt')), linkMessage);
    assert.match(await refusal(files.readFile('en/alias.txt')), /^en\/alias\.txt is a symbolic link/, 'a link is refused even when it stays inside');
    assert.equal(await refusal(files.readFile('link-out/secret.txt')), 'link-out/secret.txt is outside the corpus folder (a folder on its way is a link that leads out of it).');
    assert.equal(await refusal(files.readFile('en')), 'en is a folder, not a file.');
    assert.equal(await refusal(files.readFile('pipe.txt')), 'pipe.txt is a named pipe (FIFO), not a regular file.');
    for (const bad of ['../outside/secret.txt', '/etc/passwd', 'en/../../outside/secret.txt', '']) {
      assert.match(await refusal(files.readFile(bad)), /is not a path inside the corpus folder/);
    }
  });

  it('a root that is itself a link is resolved once, and works', async () => {
    symlinkSync(root, path.join(temporary.folder, 'alias'));
    const files = await ConfinedFileSystem.open(path.join(temporary.folder, 'alias'));
    assert.equal(new TextDecoder().decode(await files.readFile('en/a.txt')), 'inside');
  });

  it('writes create folders one level at a time inside the root, and never through a link', async () => {
    symlinkSync('../outside', path.join(root, 'link-out'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'en', 'b.txt'));
    const files = await ConfinedFileSystem.open(root, { createFolders: true });
    await files.writeFileAtomic('new/deeper/c.txt', encoder.encode('new'));
    assert.equal(readFileSync(path.join(root, 'new', 'deeper', 'c.txt'), 'utf8'), 'new');
    assert.match(await refusal(files.writeFileAtomic('link-out/x.txt', encoder.encode('x'))), /^link-out\/x\.txt is outside the corpus folder/);
    assert.match(await refusal(files.writeFileAtomic('link-out/sub/x.txt', encoder.encode('x'))), /^link-out\/sub\/x\.txt is outside the corpus folder/);
    assert.match(await refusal(files.writeFileAtomic('en/b.txt', encoder.encode('x'))), /^en\/b\.txt is a symbolic link/);
    assert.equal(readFileSync(path.join(outside, 'secret.txt'), 'utf8'), 'SECRET');
    assert.deepEqual(execFileSync('find', ['.'], { cwd: outside, encoding: 'utf8' }).split('\n').filter(Boolean).sort(), ['.', './secret.txt']);
    assert.equal(await files.writeRefusal('link-out/y.txt'), 'link-out/y.txt is outside the corpus folder (a folder on its way is a link that leads out of it).');
    assert.equal(await files.writeRefusal('fresh/y.txt'), undefined);
  });

  it('without createFolders, a write into a missing folder fails as on any disk', async () => {
    const files = await ConfinedFileSystem.open(root);
    await assert.rejects(files.writeFileAtomic('missing/x.txt', encoder.encode('x')), /ENOENT/);
  });

  it('the core RootedFileSystem, which cannot see links, still refuses paths that climb out or are absolute', async () => {
    const inner = new MemoryFileSystem({ 'corpus/a.txt': 'a', 'secret.txt': 'SECRET' });
    const files = new RootedFileSystem(inner, 'corpus');
    assert.equal(new TextDecoder().decode(await files.readFile('a.txt')), 'a');
    for (const bad of ['../secret.txt', '/secret.txt', 'x/../../secret.txt', '']) {
      await assert.rejects(files.readFile(bad), /is not a path inside the corpus folder/);
      await assert.rejects(files.writeFileAtomic(bad, encoder.encode('x')), /is not a path inside the corpus folder/);
    }
    assert.equal(inner.readText('secret.txt'), 'SECRET');
  });
});
