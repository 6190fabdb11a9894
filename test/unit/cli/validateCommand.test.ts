import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copySampleCorpus } from '../export/exportTestSupport';
import { problemLine, runCli, snapshot } from './cliTestSupport';

describe('news-annotator validate', () => {
  let corpus: { folder: string; remove: () => void };
  beforeEach(() => (corpus = copySampleCorpus()));
  afterEach(() => corpus.remove());

  it('exits 0 on the sample corpus and prints no problems', async () => {
    const result = await runCli(['validate'], corpus.folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    // The sample corpus has a project file (types with definitions, and guidelines): it is checked too.
    assert.equal(result.stderr, 'Checked 10 files (4 sidecars) and news-annotator.yaml: 0 errors, 0 warnings.\n');
  });

  it('exits 1 and prints each problem as path:line:column relative to the current folder; writes nothing', async () => {
    const sidecar = path.join(corpus.folder, 'en', 'mombasa-port-modernisation-deal.txt.ann.yaml');
    const lines = readFileSync(sidecar, 'utf8').split('\n');
    lines[6] = lines[6].replace('text: "Grace Njeri-Holm"', 'text: "Grace Njeri-Holmes"');
    writeFileSync(sidecar, lines.join('\n'));
    appendFileSync(path.join(corpus.folder, 'zh', 'hangzhou-cartagena-friendship-city.txt.ann.yaml'), '<<<<<<< HEAD\n');
    writeFileSync(path.join(corpus.folder, 'en', 'gone.txt.ann.yaml'), 'format: news-annotator/1\nannotations: []\n');
    writeFileSync(path.join(corpus.folder, 'news-annotator.yaml'), 'version: 1\ntypes:\n  - name: PERSON\n  - name: LOCATION\n  - name: "bad name"\n');
    const before = snapshot(corpus.folder);

    const result = await runCli(['validate', path.basename(corpus.folder)], path.dirname(corpus.folder));
    assert.equal(result.code, 1);
    const printed = result.stdout.trimEnd().split('\n');
    for (const line of printed) assert.match(line, problemLine);
    const name = path.basename(corpus.folder);
    const has = (prefix: string, text: string) => assert.ok(printed.some((line) => line.startsWith(prefix) && line.includes(text)), `${prefix} … ${text} in\n${result.stdout}`);
    has(`${name}/en/mombasa-port-modernisation-deal.txt.ann.yaml:7:`, 'error: The text at 262-278 is "Grace Njeri-Holm", not "Grace Njeri-Holmes"');
    // The text did not change, so the offsets are wrong, not lost: an error, never re-anchored.
    assert.ok(!result.stdout.includes('"Grace Njeri-Holmes" (PERSON) was'), 'no re-anchoring report for invalid offsets');
    has(`${name}/zh/hangzhou-cartagena-friendship-city.txt.ann.yaml:`, 'error:');
    has(`${name}/en/gone.txt.ann.yaml:1:1: warning:`, 'No corpus text file en/gone.txt');
    has(`${name}/en/cartagena-hangzhou-sister-cities.txt.ann.yaml:`, '"ORG" is not one of the project\'s entity types');
    has(`${name}/news-annotator.yaml:5:`, 'error:');
    assert.match(result.stderr, /^Checked 10 files \(4 sidecars, 1 unreadable\) and news-annotator\.yaml: \d+ errors, 1 warning\.\n$/);
    assert.deepEqual(snapshot(corpus.folder), before, 'validate writes nothing');
  });

  it('fails on warnings only with --strict', async () => {
    writeFileSync(path.join(corpus.folder, 'es', 'stray.txt.ann.yaml'), 'format: news-annotator/1\nannotations: []\n');
    assert.equal((await runCli(['validate'], corpus.folder)).code, 0);
    const strict = await runCli(['validate', '--strict', '.'], corpus.folder);
    assert.equal(strict.code, 1);
    assert.equal(strict.stdout, 'es/stray.txt.ann.yaml:1:1: warning: No corpus text file es/stray.txt beside this sidecar (missing, or not included by the corpus globs of news-annotator.yaml). If the text was renamed or moved, `news-annotator relink` finds it by its content and moves this sidecar beside it.\n');
  });

  it('exits 2 on bad usage with the help on stderr, 1 on a missing folder, 0 on --help', async () => {
    for (const argv of [['validate', 'a', 'b'], ['validate', '--nope'], ['frobnicate'], []]) {
      const result = await runCli(argv, corpus.folder);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /Usage: news-annotator/);
    }
    const missing = await runCli(['validate', 'no-such-folder'], corpus.folder);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no-such-folder does not exist/);
    for (const command of ['validate', 'stats', 'export', 'import', 'search']) {
      const help = await runCli([command, '--help'], corpus.folder);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`^Usage: news-annotator ${command} `));
    }
    assert.equal((await runCli(['--version'], corpus.folder)).stdout, 'news-annotator 0.1.0\n');
    assert.match((await runCli(['--help'], corpus.folder)).stdout, /^Usage: news-annotator <command>/);
  });
});
