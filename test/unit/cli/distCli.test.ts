import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository's root (the folder above this file with package.json) and its built dist/cli.js. */
function bundle(): { root: string; cli: string } {
  let root = __dirname;
  while (!existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  return { root, cli: path.join(root, 'dist', 'cli.js') };
}

describe('dist/cli.js (the bundled `news-annotator` bin)', () => {
  it('prints its help and exits 0 when run with node', function () {
    const { cli } = bundle();
    if (!existsSync(cli)) {
      console.warn(`\n  dist/cli.js not found (run npm run build): the bundled command line was not tested.\n`);
      this.skip();
    }
    const result = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Usage: news-annotator <command>/);
  });

  it('splits agree over worker threads from the bundle, with the same report as one thread', function () {
    const { root, cli } = bundle();
    if (!existsSync(cli)) this.skip();
    // The worker is its own bundle beside cli.js; without it agree would quietly use one thread.
    assert.ok(existsSync(path.join(root, 'dist', 'agreeWorker.js')), 'dist/agreeWorker.js is built');
    const sample = path.join(root, 'sample-corpus');
    const run = (jobs: string) => spawnSync(process.execPath, [cli, 'agree', sample, sample, '--json', '--jobs', jobs], { encoding: 'utf8' });
    const single = run('1');
    const split = run('3');
    assert.equal(single.status, 0, single.stderr);
    assert.equal(split.status, 0, split.stderr);
    assert.equal(split.stdout, single.stdout);
    const report = JSON.parse(split.stdout) as { exact: { f1: number; matched: number } };
    assert.equal(report.exact.f1, 1);
    assert.ok(report.exact.matched > 10, String(report.exact.matched));
  });

  it('splits stats and validate over worker threads from the bundle, with the same output as one thread', function () {
    const { root, cli } = bundle();
    if (!existsSync(cli)) this.skip();
    assert.ok(existsSync(path.join(root, 'dist', 'summaryWorker.js')), 'dist/summaryWorker.js is built');
    const sample = path.join(root, 'sample-corpus');
    for (const command of [['stats', '--json'], ['validate']]) {
      const run = (jobs: string) => spawnSync(process.execPath, [cli, ...command, sample, '--no-cache', '--jobs', jobs], { encoding: 'utf8' });
      const single = run('1');
      const split = run('3');
      assert.equal(single.status, 0, single.stderr);
      assert.deepEqual({ status: split.status, stdout: split.stdout, stderr: split.stderr }, { status: single.status, stdout: single.stdout, stderr: single.stderr }, command.join(' '));
    }
  });

  it('splits a suggest run over worker threads from the bundle, counting what one thread counts', function () {
    const { root, cli } = bundle();
    if (!existsSync(cli)) this.skip();
    assert.ok(existsSync(path.join(root, 'dist', 'suggestWorker.js')), 'dist/suggestWorker.js is built');
    // A dry run writes nothing, so the repository's sample corpus can be read in place.
    const run = (jobs: string) => spawnSync(process.execPath, [cli, 'suggest', path.join(root, 'sample-corpus'), '--from-tags', '--dry-run', '--json', '--jobs', jobs], { encoding: 'utf8' });
    const single = run('1');
    const split = run('3');
    assert.equal(single.status, 0, single.stderr);
    assert.ok((JSON.parse(single.stdout) as { added: number }).added > 0, single.stdout);
    assert.deepEqual({ status: split.status, stdout: split.stdout, stderr: split.stderr }, { status: single.status, stdout: single.stdout, stderr: single.stderr });
  });
});
