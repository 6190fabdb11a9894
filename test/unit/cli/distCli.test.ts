import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

describe('dist/cli.js (the bundled `news-annotator` bin)', () => {
  it('prints its help and exits 0 when run with node', function () {
    let root = __dirname;
    while (!existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
    const cli = path.join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) {
      console.warn(`\n  dist/cli.js not found (run npm run build): the bundled command line was not tested.\n`);
      this.skip();
    }
    const result = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Usage: news-annotator <command>/);
  });
});
