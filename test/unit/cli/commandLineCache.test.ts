import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summariseForCommand } from '../../../src/cli/loadForCommand';
import { readFrame } from '../../../src/core/index/framedCache';
import { SummaryRow } from '../../../src/core/index/summaryCacheFile';
import { commandLineCacheFileName, commandLineCacheFolder } from '../../../src/node/commandLineCache';
import { copySampleCorpus } from '../export/exportTestSupport';
import { runCli } from './cliTestSupport';

const anHourAgo = new Date(Date.now() - 3_600_000);

/** Dates every file an hour back: a corpus copied a moment ago is (rightly) too fresh to cache. */
function backdate(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), anHourAgo, anHourAgo);
  }
}

const sidecar = 'en/cartagena-hangzhou-sister-cities.txt.ann.yaml';

describe('the command line cache (stats, validate)', () => {
  let corpus: { folder: string; remove: () => void };
  let cacheHome: string;
  const io = () => ({ stdout: () => undefined, stderr: () => undefined, cwd: '/', isTerminal: false, env: { XDG_CACHE_HOME: cacheHome } });
  const summarise = async (cache = true) => {
    const result = await summariseForCommand(io(), corpus.folder, { cache });
    if ('exitCode' in result) throw new Error(`exit ${result.exitCode}`);
    return result;
  };
  beforeEach(() => {
    corpus = copySampleCorpus();
    backdate(corpus.folder);
    cacheHome = mkdtempSync(path.join(tmpdir(), 'cli-cache-test-'));
  });
  afterEach(() => {
    corpus.remove();
    rmSync(cacheHome, { recursive: true, force: true });
  });

  it('answers a second run from the cache, with the same output, and reads no file', async () => {
    const first = await runCli(['stats', corpus.folder, '--json'], '/', { cacheHome });
    const firstValidate = await runCli(['validate', corpus.folder], '/', { cacheHome });
    assert.equal((await summarise()).read, 0);
    assert.deepEqual(await runCli(['stats', corpus.folder, '--json'], '/', { cacheHome }), first);
    assert.deepEqual(await runCli(['validate', corpus.folder], '/', { cacheHome }), firstValidate);
    const folder = commandLineCacheFolder(realpathSync(corpus.folder), { XDG_CACHE_HOME: cacheHome });
    assert.ok(folder.startsWith(path.join(cacheHome, 'news-annotator', 'cli') + path.sep), folder);
    assert.equal(statSync(folder).mode & 0o777, 0o700);
  });

  it('reads a file again when its sidecar changed, even to the same size, and counts the change', async () => {
    await summarise();
    const file = path.join(corpus.folder, sidecar);
    const before = readFileSync(file, 'utf8');
    // Same size, one annotation's type changed: only the mtime tells.
    writeFileSync(file, before.replace('type: "PERSON"', 'type: "EVENT "'));
    const changed = new Date(Date.now() - 1_800_000);
    utimesSync(file, changed, changed);
    const again = await summarise();
    assert.equal(again.read, 1);
    const stats = JSON.parse((await runCli(['stats', corpus.folder, '--json'], '/', { cacheHome })).stdout) as { types: Record<string, number> };
    assert.equal(stats.types['EVENT '], 1);
  });

  it('does not keep a file changed within the racy window: it is read again next time', async () => {
    const file = path.join(corpus.folder, sidecar);
    utimesSync(file, new Date(), new Date());
    await summarise();
    assert.equal((await summarise()).read, 1);
  });

  it('reads a text again when the text changed (orphans appear), though its sidecar did not', async () => {
    const before = await runCli(['validate', corpus.folder], '/', { cacheHome });
    assert.doesNotMatch(before.stdout, /not found in the text/);
    const text = path.join(corpus.folder, 'en/cartagena-hangzhou-sister-cities.txt');
    writeFileSync(text, 'Nothing of the old article is left.\n');
    utimesSync(text, anHourAgo, new Date(Date.now() - 1_800_000));
    const result = await runCli(['validate', corpus.folder], '/', { cacheHome });
    assert.match(result.stdout, /en\/cartagena-hangzhou-sister-cities\.txt\.ann\.yaml:\d+:\d+: warning: .*not found in the text any more/);
  });

  it('ignores a cache file that was edited or truncated, and one of other project types', async () => {
    const expected = await runCli(['stats', corpus.folder, '--json'], '/', { cacheHome });
    const cacheFile = path.join(commandLineCacheFolder(realpathSync(corpus.folder), { XDG_CACHE_HOME: cacheHome }), commandLineCacheFileName);
    const content = readFileSync(cacheFile);
    // A count made up by hand must not be believed: the entry's numbers are checked, the file re-read.
    const frame = readFrame(new Uint8Array(content), 0x4c43414e)!;
    const position = (frame.header['paths'] as string[]).indexOf(sidecar.replace(/\.ann\.yaml$/, ''));
    assert.ok(position >= 0);
    const edited = new Uint8Array(frame.bytes);
    for (const [field, value] of [['Annotations', -5], ['Annotations', 1e9], ['Unplaced', 1e9], ['Status', 7], ['Types', 1e6]] as const) {
      const copy = edited.slice();
      new Float64Array(copy.buffer, frame.bodyAt + 8 * (position * SummaryRow.Size + SummaryRow[field]), 1)[0] = value;
      writeFileSync(cacheFile, copy);
      assert.deepEqual(await runCli(['stats', corpus.folder, '--json'], '/', { cacheHome }), expected, `${field} made ${value}`);
      writeFileSync(cacheFile, copy);
      assert.equal((await summarise()).read, 1, `${field} made ${value}: only that file is read again`);
    }
    writeFileSync(cacheFile, content.subarray(0, content.length / 2));
    assert.deepEqual(await runCli(['stats', corpus.folder, '--json'], '/', { cacheHome }), expected);
    assert.equal((await summarise()).read, 0);
    writeFileSync(path.join(corpus.folder, 'news-annotator.yaml'), 'types:\n  - name: PERSON\n');
    assert.equal((await summarise()).read, 10, 'other types find other problems: nothing is taken from the cache');
  });

  it('reads the files when the cache file is a FIFO or a folder, without waiting on it', async () => {
    const folder = commandLineCacheFolder(realpathSync(corpus.folder), { XDG_CACHE_HOME: cacheHome });
    mkdirSync(folder, { recursive: true });
    execFileSync('mkfifo', [path.join(folder, commandLineCacheFileName)]);
    assert.equal((await summarise()).read, 10);
    rmSync(path.join(folder, commandLineCacheFileName));
    mkdirSync(path.join(folder, commandLineCacheFileName));
    assert.equal((await summarise()).read, 10);
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    const result = await runCli(['stats', corpus.folder, '--no-cache'], '/', { cacheHome });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(existsSync(path.join(cacheHome, 'news-annotator')), false);
    assert.equal((await summarise(false)).read, 10);
  });
});
