import fc from 'fast-check';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { attributesLine, commandPaths, driverCommand, shellWord, withAttributesLine } from '../../../src/core/merge/driverSetup';
import { installMergeDriver, mergeDriverState } from '../../../src/node/installMergeDriver';

describe('setting up the merge driver', () => {
  it('quotes words so sh reads them back unchanged (spaces, quotes, $, backquotes, backslashes)', function () {
    this.timeout(60_000);
    const word = fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '$', '`', '\\', '!', '*', '/', 'é', '(', ';', '%'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(word, (text) => {
        const result = spawnSync('sh', ['-c', `printf '%s' ${shellWord(text)}`], { encoding: 'utf8' });
        assert.equal(result.stdout, text);
        assert.deepEqual(commandPaths(`${shellWord('/' + text)} x`), ['/' + text]);
      }),
      { numRuns: 60 },
    );
  });

  it('writes a driver command with the launcher first and git\'s placeholders last', () => {
    assert.equal(driverCommand(['/usr/bin/node', '/opt/news annotator/dist/cli.js']), "/usr/bin/node '/opt/news annotator/dist/cli.js' merge-file --marker-size %L %O %A %B %P");
    assert.equal(
      driverCommand(['/Applications/Visual Studio Code.app/Contents/MacOS/Code Helper'], { ELECTRON_RUN_AS_NODE: '1' }),
      "ELECTRON_RUN_AS_NODE=1 '/Applications/Visual Studio Code.app/Contents/MacOS/Code Helper' merge-file --marker-size %L %O %A %B %P",
    );
    assert.deepEqual(commandPaths(`"/a b/node" '/c'\\''d/cli.js' C:\\\\x\\\\cli.js merge-file %O`), ['/a b/node', "/c'd/cli.js", 'C:\\x\\cli.js']);
  });

  it('adds the .gitattributes line once, keeping every other line and the line break', () => {
    assert.deepEqual(withAttributesLine(undefined), { text: `${attributesLine}\n`, changed: true });
    assert.deepEqual(withAttributesLine('*.txt text eol=lf'), { text: `*.txt text eol=lf\n${attributesLine}\n`, changed: true });
    assert.deepEqual(withAttributesLine('*.txt text\r\n'), { text: `*.txt text\r\n${attributesLine}\r\n`, changed: true });
    assert.deepEqual(withAttributesLine(`# corpus\n*.ann.yaml   merge=news-annotator\n`), { text: `# corpus\n*.ann.yaml   merge=news-annotator\n`, changed: false });
  });

  describe('in a repository', function () {
    this.timeout(30_000);
    let folder: string;
    const environment = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
    beforeEach(() => {
      folder = mkdtempSync(path.join(os.tmpdir(), 'driver setup '));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('writes .gitattributes at the top and the driver into that repository\'s config; a second run changes nothing', async () => {
      assert.equal(spawnSync('git', ['init', '-q'], { cwd: folder, env: environment }).status, 0);
      mkdirSync(path.join(folder, 'corpus', '2026'), { recursive: true });
      writeFileSync(path.join(folder, '.gitattributes'), '*.txt text eol=lf\n');
      assert.equal((await mergeDriverState(path.join(folder, 'corpus'))).kind, 'missing');
      const launcher = { launcher: [process.execPath, path.join(folder, 'cli.js')] };
      const first = await installMergeDriver(path.join(folder, 'corpus', '2026'), launcher);
      assert.ok(first.ok && first.attributesChanged && first.previousCommand === undefined, JSON.stringify(first));
      assert.equal(readFileSync(path.join(folder, '.gitattributes'), 'utf8'), `*.txt text eol=lf\n${attributesLine}\n`);
      const configured = spawnSync('git', ['config', '--get', 'merge.news-annotator.driver'], { cwd: folder, env: environment, encoding: 'utf8' }).stdout.trim();
      assert.equal(configured, driverCommand(launcher.launcher));
      // The script named in the command does not exist yet: a stale set-up.
      assert.equal((await mergeDriverState(folder)).kind, 'stale');
      writeFileSync(path.join(folder, 'cli.js'), '');
      assert.equal((await mergeDriverState(folder)).kind, 'configured');
      const second = await installMergeDriver(folder, launcher);
      assert.ok(second.ok && !second.attributesChanged && second.previousCommand === undefined);
    });

    it('says so when the folder is in no repository', async () => {
      const outcome = await installMergeDriver(folder, { launcher: ['/usr/bin/node', '/x/cli.js'] });
      assert.ok(!outcome.ok && /not in a git repository/.test(outcome.message));
      assert.equal((await mergeDriverState(folder)).kind, 'not-a-repository');
    });
  });
});
