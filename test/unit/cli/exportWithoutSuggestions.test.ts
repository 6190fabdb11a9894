import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import { openCorpus } from '../../../src/node/openCorpus';
import { temporaryFolder } from '../export/exportTestSupport';
import { runCli } from './cliTestSupport';

function allText(target: string): string {
  if (!statSync(target).isDirectory()) return readFileSync(target, 'utf8');
  return readdirSync(target).map((name) => allText(path.join(target, name))).join('\n');
}

describe('exports and stats with suggestions', () => {
  it('no export format carries suggestions, open or rejected', async () => {
    const corpus = temporaryFolder('suggest-export-');
    const out = temporaryFolder('suggest-export-out-');
    try {
      writeFileSync(path.join(corpus.folder, 'a.txt'), 'Ana Ruiz met Gustavo Petro in Quibdo.\n');
      writeFileSync(path.join(out.folder, 'names.tsv'), 'Gustavo Petro\tPERSON\nQuibdo\tLOCATION\n');
      const opened = await openCorpus(corpus.folder);
      assert.ok(!('error' in opened));
      const tagged = await opened.store.update('a.txt', (sidecar, text) => ({ ...sidecar, annotations: [newAnnotation(sidecar, text, { type: 'PERSON', start: 0, end: 8 })] }));
      assert.ok(tagged.ok);
      assert.equal((await runCli(['suggest', '--gazetteer', path.join(out.folder, 'names.tsv')], corpus.folder)).code, 0);
      const sidecar = readFileSync(path.join(corpus.folder, 'a.txt.ann.yaml'), 'utf8');
      writeFileSync(path.join(corpus.folder, 'a.txt.ann.yaml'), sidecar.replace(/(text: "Quibdo".*score: 1)/, '$1, rejected: true'));
      assert.match(readFileSync(path.join(corpus.folder, 'a.txt.ann.yaml'), 'utf8'), /rejected: true/);

      // stats counts the open suggestion, not the rejected one.
      const stats = await runCli(['stats', '--json', '--no-cache'], corpus.folder);
      assert.equal((JSON.parse(stats.stdout) as { suggestions?: number }).suggestions, 1, stats.stdout);
      assert.match((await runCli(['stats', '--no-cache'], corpus.folder)).stdout, /^Open suggestions: 1 /m);

      for (const format of ['yaml', 'jsonl', 'spacy', 'brat', 'conll']) {
        const target = path.join(out.folder, format === 'brat' ? 'brat' : `corpus.${format}`);
        const result = await runCli(['export', '--format', format, '--out', target], corpus.folder);
        assert.equal(result.code, 0, `${format}: ${result.stdout}${result.stderr}`);
        const written = allText(target);
        assert.ok(!written.includes('gazetteer:') && !written.includes('suggestion'), `${format} holds a suggestion`);
        if (format === 'brat') assert.deepEqual(written.split('\n').filter((line) => /^T\d/.test(line)).map((line) => line.split('\t')[2]), ['Ana Ruiz']);
        if (format === 'conll') assert.ok(/^Gustavo\s.*\bO$/m.test(written) && /^Quibdo\s.*\bO$/m.test(written), written);
        if (format === 'yaml') assert.ok(!written.includes('Gustavo Petro"') || !/type: "PERSON", start: 13/.test(written), written);
      }

      // search finds the open one with is:suggestion, and says it is one.
      const searched = await runCli(['search', 'is:suggestion petro'], corpus.folder);
      assert.equal(searched.code, 0, searched.stderr);
      assert.match(searched.stdout, /a\.txt:1:14: PERSON \(suggestion\) "Gustavo Petro"/);
      assert.doesNotMatch((await runCli(['search', 'is:suggestion quibdo'], corpus.folder)).stdout, /Quibdo"/);

      // The merged YAML holds them when asked, open and rejected, under their own key; no other format does.
      const merged = path.join(out.folder, 'with-suggestions.yaml');
      const withSuggestions = await runCli(['export', '--format', 'yaml', '--with-suggestions', '--out', merged], corpus.folder);
      assert.equal(withSuggestions.code, 0, withSuggestions.stderr);
      const yaml = readFileSync(merged, 'utf8');
      const listed = yaml.slice(yaml.indexOf('    suggestions:\n'));
      assert.match(listed, /^ {6}- \{id: "[a-z2-7]{8}", type: "PERSON", start: 13, end: 26, text: "Gustavo Petro", source: "gazetteer:names.tsv", score: 1\}$/m);
      assert.match(listed, /text: "Quibdo".*rejected: true\}$/m);
      assert.match(yaml, /totals: \{documents: 1, annotations: 1,/);
      const refused = await runCli(['export', '--format', 'jsonl', '--with-suggestions', '--out', path.join(out.folder, 'x.jsonl')], corpus.folder);
      assert.equal(refused.code, 2, refused.stderr);
      assert.match(refused.stderr, /--with-suggestions applies to --format yaml only/);
    } finally {
      corpus.remove();
      out.remove();
    }
  });
});
