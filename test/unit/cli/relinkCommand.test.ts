import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '../export/exportTestSupport';
import { problemLine, runCli, snapshot, useScratchFolders } from './cliTestSupport';

const cartagena = 'en/cartagena-hangzhou-sister-cities.txt';
const mombasa = 'en/mombasa-port-modernisation-deal.txt';
const suffix = '.ann.yaml';

describe('news-annotator relink', () => {
  const scratch = useScratchFolders();
  const file = (relative: string) => path.join(scratch.corpus, ...relative.split('/'));
  /** What `git mv` of a text alone does: the sidecar stays under the old name. */
  const moveText = (from: string, to: string) => {
    mkdirSync(path.dirname(file(to)), { recursive: true });
    renameSync(file(from), file(to));
  };

  it('finds a text renamed outside the editor and moves its sidecar beside it, byte for byte', async () => {
    const sidecar = readFileSync(file(cartagena + suffix));
    moveText(cartagena, 'en/sister-cities.txt');

    const validate = await runCli(['validate'], scratch.corpus);
    assert.match(validate.stdout, /cartagena-hangzhou-sister-cities\.txt\.ann\.yaml:1:1: warning: No corpus text file .* `news-annotator relink` finds it by its content/);

    const result = await runCli(['relink'], scratch.corpus);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, 'en/cartagena-hangzhou-sister-cities.txt.ann.yaml -> en/sister-cities.txt.ann.yaml\n');
    assert.equal(result.stderr, '1 sidecar moved; 0 sidecars without a text left where they are.\n');
    assert.ok(!existsSync(file(cartagena + suffix)), 'the old sidecar is gone');
    assert.deepEqual(readFileSync(file('en/sister-cities.txt' + suffix)), sidecar);

    const after = await runCli(['validate'], scratch.corpus);
    assert.equal(after.code, 0, after.stdout);
    assert.equal(after.stdout, '', 'nothing left to report');
    const stats = JSON.parse((await runCli(['stats', '--json'], scratch.corpus)).stdout) as { perFile: { path: string; annotations: number }[] };
    assert.ok((stats.perFile.find((entry) => entry.path === 'en/sister-cities.txt')?.annotations ?? 0) > 0, 'the tags count for the new name');
  });

  it('follows a text into another folder; --dry-run says so and moves nothing', async () => {
    moveText(mombasa, 'archive/2024/mombasa.txt');
    const before = snapshot(scratch.corpus);
    const dry = await runCli(['relink', '--dry-run', path.basename(scratch.corpus)], path.dirname(scratch.corpus));
    assert.equal(dry.code, 0, dry.stderr);
    const shown = path.basename(scratch.corpus);
    assert.equal(dry.stdout, `${shown}/${mombasa}${suffix} -> ${shown}/archive/2024/mombasa.txt${suffix}\n`);
    assert.equal(dry.stderr, '1 sidecar would move (dry run); 0 sidecars without a text left where they are.\n');
    assert.deepEqual(snapshot(scratch.corpus), before, '--dry-run writes nothing');

    assert.equal((await runCli(['relink'], scratch.corpus)).code, 0);
    assert.ok(existsSync(file(`archive/2024/mombasa.txt${suffix}`)));
  });

  it('leaves a sidecar where it is when its text changed after the move, or exists under two names', async () => {
    moveText(cartagena, 'en/edited.txt');
    writeFileSync(file('en/edited.txt'), `Corrected.\n${readFileSync(file('en/edited.txt'), 'utf8')}`);
    cpSync(file(mombasa), file('en/copy-a.txt'));
    moveText(mombasa, 'en/copy-b.txt');
    const before = snapshot(scratch.corpus);

    const result = await runCli(['relink'], scratch.corpus);
    assert.equal(result.code, 1, 'a sidecar without a text is left');
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stdout);
    for (const line of lines) assert.match(line, problemLine);
    assert.match(result.stdout, /cartagena-hangzhou-sister-cities\.txt\.ann\.yaml:1:1: warning: No text without a sidecar holds what this sidecar was written for/);
    assert.match(result.stdout, /mombasa-port-modernisation-deal\.txt\.ann\.yaml:1:1: warning: Its text is found under 2 names \(en\/copy-a\.txt, en\/copy-b\.txt\)/);
    assert.equal(result.stderr, '0 sidecars moved; 2 sidecars without a text left where they are.\n');
    assert.deepEqual(snapshot(scratch.corpus), before, 'nothing moved');
  });

  it('never reads through a link: a text moved out of the corpus and linked back is not matched', async () => {
    const outside = temporaryFolder('relink-outside-');
    try {
      renameSync(file(cartagena), path.join(outside.folder, 'moved.txt'));
      symlinkSync(path.join(outside.folder, 'moved.txt'), file('en/linked.txt'));
      const before = snapshot(scratch.corpus);
      const result = await runCli(['relink'], scratch.corpus);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /No text without a sidecar holds what this sidecar was written for/);
      assert.deepEqual(snapshot(scratch.corpus), before);
      assert.ok(!existsSync(file(`en/linked.txt${suffix}`)));
    } finally {
      outside.remove();
    }
  });

  it('does nothing, quietly, when every sidecar has its text', async () => {
    const before = snapshot(scratch.corpus);
    const result = await runCli(['relink'], scratch.corpus);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, '0 sidecars moved; 0 sidecars without a text left where they are.\n');
    assert.deepEqual(snapshot(scratch.corpus), before);
  });

  it('has a help text, and the main usage lists it', async () => {
    const help = await runCli(['relink', '--help'], scratch.corpus);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: news-annotator relink \[DIR\] \[--dry-run\]/);
    assert.match((await runCli(['--help'], scratch.corpus)).stdout, /\n {2}relink /);
    const wrong = await runCli(['relink', 'a', 'b'], scratch.corpus);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /expected at most one folder/);
  });
});
