import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localBranches } from '../../../src/node/localBranches';

describe('localBranches', () => {
  let repository: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repository, encoding: 'utf8' });

  before(() => {
    repository = mkdtempSync(path.join(tmpdir(), 'branches-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    writeFileSync(path.join(repository, 'a.txt'), 'Ana');
    git('add', '.');
    git('commit', '-q', '-m', 'text');
    git('branch', 'bob/ñandú');
  });

  after(() => rmSync(repository, { recursive: true, force: true }));

  it('lists the local branches, names with slashes and non-ASCII letters included', async () => {
    assert.deepEqual((await localBranches(repository)).sort(), ['bob/ñandú', 'main']);
  });

  it('fails outside a repository', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'no-repository-'));
    try {
      await assert.rejects(localBranches(folder));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
