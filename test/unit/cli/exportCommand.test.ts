import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { problemLine, runCli, snapshot, useScratchFolders } from './cliTestSupport';

describe('news-annotator export', () => {
  const scratch = useScratchFolders();

  it('writes every format from the sample corpus and says what it wrote', async () => {
    for (const format of ['yaml', 'jsonl', 'spacy', 'conll']) {
      const result = await runCli(['export', scratch.corpus, '--format', format, '--out', `sample.${format}`], scratch.out);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `Exported 4 documents and ${format === 'conll' ? 84 : 86} annotations as ${format} to sample.${format}.\n`);
      assert.ok(readFileSync(path.join(scratch.out, `sample.${format}`), 'utf8').length > 1000);
    }
    const brat = await runCli(['export', scratch.corpus, '--format', 'brat', '--out', 'brat'], scratch.out);
    assert.equal(brat.code, 0, brat.stderr);
    assert.deepEqual(readdirSync(path.join(scratch.out, 'brat', 'en')).sort(), ['cartagena-hangzhou-sister-cities.ann', 'cartagena-hangzhou-sister-cities.txt', 'mombasa-port-modernisation-deal.ann', 'mombasa-port-modernisation-deal.txt']);
    const warnings = brat.stderr.split('\n').filter((line) => line.includes(': warning: '));
    assert.ok(warnings.length >= 3 && warnings.every((line) => problemLine.test(line)));
    assert.ok(warnings.some((line) => line.includes('en/mombasa-port-modernisation-deal.txt:1:1: warning: has CRLF line endings')));
    assert.ok(warnings.some((line) => line.includes('es/feria-comercial-bogota-shanghai.txt:1:1: warning: starts with a byte-order mark')));
  });

  it('exports only the statuses asked for, and files without sidecars with --all', async () => {
    const done = await runCli(['export', '--format', 'jsonl', '--out', path.join(scratch.out, 'done.jsonl'), '--status', 'done'], scratch.corpus);
    assert.equal(done.stdout.split(' and ')[0], 'Exported 1 document');
    const all = await runCli(['export', '--format', 'jsonl', '--out', path.join(scratch.out, 'all.jsonl'), '--all'], scratch.corpus);
    assert.equal(readFileSync(path.join(scratch.out, 'all.jsonl'), 'utf8').trimEnd().split('\n').length, 10, all.stderr);
  });

  it('refuses to write into the corpus what the corpus would read as its own, and writes nothing then', async () => {
    const before = snapshot(scratch.corpus);
    const brat = await runCli(['export', '--format', 'brat', '--out', 'brat-export'], scratch.corpus);
    assert.equal(brat.code, 1);
    assert.match(brat.stderr, /Refusing to export: brat-export\/en\/cartagena-hangzhou-sister-cities\.txt would be written inside the corpus/);
    const text = await runCli(['export', '--format', 'conll', '--out', 'en/out.txt'], scratch.corpus);
    assert.equal(text.code, 1);
    assert.deepEqual(snapshot(scratch.corpus), before);
    const allowed = await runCli(['export', '--format', 'yaml', '--out', 'corpus-export.yaml'], scratch.corpus);
    assert.equal(allowed.code, 0, 'a file the corpus does not read is fine');
    assert.ok(existsSync(path.join(scratch.corpus, 'corpus-export.yaml')));
  });

  it('exits 2 on bad usage and 1 when part of the corpus could not be read (the rest is still written)', async () => {
    for (const argv of [['--out', 'x'], ['--format', 'yaml'], ['--format', 'csv', '--out', 'x'], ['--format', 'yaml', '--out', 'x', '--offsets', 'utf16'], ['--format', 'jsonl', '--out', 'x', '--status', 'finished']]) {
      const result = await runCli(['export', ...argv], scratch.corpus);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /^news-annotator export: .+\n\nUsage: news-annotator export/);
    }
    appendFileSync(path.join(scratch.corpus, 'en', 'mombasa-port-modernisation-deal.txt.ann.yaml'), '>>>>>>> theirs\n');
    const result = await runCli(['export', '--format', 'yaml', '--out', path.join(scratch.out, 'partial.yaml')], scratch.corpus);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^en\/mombasa-port-modernisation-deal\.txt\.ann\.yaml:\d+:1: error: /m);
    assert.match(result.stderr, /the export is incomplete: 1 file could not be read in full/);
    assert.equal(result.stdout, `Exported 3 documents and 72 annotations as yaml to ${path.relative(scratch.corpus, path.join(scratch.out, 'partial.yaml'))}.\n`);
  });

  it('shows progress on a terminal only', async () => {
    const quiet = await runCli(['export', '--format', 'yaml', '--out', path.join(scratch.out, 'a.yaml')], scratch.corpus, { isTerminal: false });
    assert.ok(!quiet.stderr.includes('\r'));
    const shown = await runCli(['export', '--format', 'yaml', '--out', path.join(scratch.out, 'b.yaml')], scratch.corpus, { isTerminal: true });
    assert.ok(shown.stderr.includes('\rReading the corpus: 10/10\r\u001b[K'), JSON.stringify(shown.stderr));
  });
});
