/**
 * Hostile corpora: nothing is read or written outside the corpus folder, through links or
 * otherwise, and a link's target is never quoted. Real folders: links need a real disk.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { entriesBelow, lines, makeFifo, runWithinBudget, useHostileFolders } from './importsHostileSupport';

const secretPattern = /GITHUB_TOKEN|ghp_/;

describe('hostile corpora: the corpus root is a wall', () => {
  const folders = useHostileFolders();

  it('jsonl: a record naming link-out/new.txt (link-out a link out of the corpus) writes nothing outside and exits 1', async () => {
    symlinkSync('../outside', path.join(folders.corpus, 'link-out'));
    writeFileSync(path.join(folders.top, 'in.jsonl'), JSON.stringify({ text: 'Ana Paz', label: [[0, 7, 'PERSON']], file: 'link-out/new.txt' }) + '\n');
    for (const dryRun of [['--dry-run'], []]) {
      const result = await runWithinBudget(['import', 'corpus', '--format', 'jsonl', '--from', 'in.jsonl', ...dryRun], folders.top);
      assert.equal(result.code, 1, result.stdout);
      assert.deepEqual(lines(result.stderr), ['in.jsonl:1:1: error: link-out/new.txt is outside the corpus folder (a folder on its way is a link that leads out of it). Nothing imported for it.']);
      assert.match(result.stdout, /0 text files (created|to create), 0 sidecars written/);
    }
    assert.deepEqual(entriesBelow(folders.outside), []);
  });

  it('jsonl: a link-out folder that does not exist outside yet is not created either', async () => {
    symlinkSync('../outside/deeper', path.join(folders.corpus, 'link-out'));
    writeFileSync(path.join(folders.top, 'in.jsonl'), JSON.stringify({ text: 'Ana Paz', label: [], file: 'link-out/sub/new.txt' }) + '\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'jsonl', '--from', 'in.jsonl'], folders.top);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^in\.jsonl:1:1: error: link-out\/sub\/new\.txt is outside the corpus folder/);
    assert.deepEqual(entriesBelow(folders.outside), []);
  });

  it('brat: link-out/b.ann creates nothing outside the corpus and exits 1', async () => {
    symlinkSync('../outside', path.join(folders.corpus, 'link-out'));
    mkdirSync(path.join(folders.brat, 'link-out'));
    writeFileSync(path.join(folders.brat, 'link-out', 'b.txt'), 'Ana Paz\n');
    writeFileSync(path.join(folders.brat, 'link-out', 'b.ann'), 'T1\tPERSON 0 7\tAna Paz\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'brat', '--from', 'brat'], folders.top);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), ['brat/link-out/b.ann:1:1: error: link-out/b.txt is outside the corpus folder (a folder on its way is a link that leads out of it). Nothing imported for it.']);
    assert.deepEqual(entriesBelow(folders.outside), []);
  });

  it('brat: a leak.txt that is a link to a readable file is not copied in, and its content is not shown', async () => {
    symlinkSync(folders.secrets, path.join(folders.brat, 'leak.txt'));
    writeFileSync(path.join(folders.brat, 'leak.ann'), 'T1\tMISC 0 12\tGITHUB_TOKEN\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'brat', '--from', 'brat'], folders.top);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), ['brat/leak.txt:1:1: error: leak.txt is a symbolic link; links are not followed, so nothing outside the brat folder is read through them. Nothing imported from brat/leak.ann.']);
    assert.doesNotMatch(result.stdout + result.stderr, /ghp_/);
    assert.equal(existsSync(path.join(folders.corpus, 'leak.txt')), false);
    assert.deepEqual(entriesBelow(folders.corpus), ['a.txt']);
  });

  it('brat: an .ann that is a link, and a linked folder, are not read', async () => {
    symlinkSync(folders.secrets, path.join(folders.brat, 'leak.ann'));
    mkdirSync(path.join(folders.outside, 'more'));
    writeFileSync(path.join(folders.outside, 'more', 'c.ann'), 'T1\tPERSON 0 3\tAna\n');
    writeFileSync(path.join(folders.outside, 'more', 'c.txt'), 'Ana\n');
    symlinkSync('../outside/more', path.join(folders.brat, 'more'));
    writeFileSync(path.join(folders.brat, 'ok.ann'), 'T1\tPERSON 0 7\tAna Paz\n');
    writeFileSync(path.join(folders.brat, 'ok.txt'), 'Ana Paz\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'brat', '--from', 'brat'], folders.top);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), ['brat/leak.ann:1:1: error: leak.ann is a symbolic link; links are not followed, so nothing outside the brat folder is read through them. Not imported.']);
    assert.deepEqual(entriesBelow(folders.corpus), ['a.txt', 'ok.txt', 'ok.txt.ann.yaml']);
  });

  it('validate: a sidecar or project file that is a link to a secrets file is refused without quoting it', async () => {
    symlinkSync('../secrets.env', path.join(folders.corpus, 'a.txt.ann.yaml'));
    symlinkSync('../secrets.env', path.join(folders.corpus, 'news-annotator.yaml'));
    const result = await runWithinBudget(['validate', 'corpus'], folders.top);
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout + result.stderr, secretPattern);
    assert.deepEqual(lines(result.stdout), [
      'corpus/a.txt.ann.yaml:1:1: error: The sidecar could not be read: a.txt.ann.yaml is a symbolic link; links are not followed, so nothing outside the corpus folder is read or written through them.',
      'corpus/news-annotator.yaml:1:1: error: The project file could not be read (news-annotator.yaml is a symbolic link; links are not followed, so nothing outside the corpus folder is read or written through them.); the defaults are used.',
    ]);
  });

  it('validate: texts the globs name that are links, FIFOs or folders are problems, never read or waited on', async () => {
    symlinkSync('../secrets.env', path.join(folders.corpus, 'b.txt'));
    makeFifo(path.join(folders.corpus, 'c.txt'));
    symlinkSync('../outside', path.join(folders.corpus, 'link-out'));
    writeFileSync(path.join(folders.outside, 'far.txt'), 'far away\n');
    const result = await runWithinBudget(['validate', 'corpus'], folders.top);
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout + result.stderr, secretPattern);
    assert.deepEqual(lines(result.stdout), [
      'corpus/b.txt:1:1: error: The text file could not be read: b.txt is a symbolic link; links are not followed, so nothing outside the corpus folder is read or written through them.',
      'corpus/c.txt:1:1: error: The text file could not be read: c.txt is a named pipe (FIFO), not a regular file.',
    ]);
    assert.match(result.stderr, /^Checked 3 files .*: 2 errors, 0 warnings\.\n$/);
  });
});
