import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportCorpus } from '../../../src/core/export/exportCorpus';
import { exportFormats } from '../../../src/core/export/exportTypes';
import { runCli, useScratchFolders } from '../cli/cliTestSupport';
import { exportText, memoryCorpus } from '../export/exportTestSupport';
import { budgetGuardMs } from '../../support/budget';

describe('hostile exports', () => {
  const scratch = useScratchFolders();

  it('exports a 10 MB token in CoNLL and spaCy within budget (the tokenizer regex overflowed the stack)', async () => {
    const token = 'a'.repeat(10_000_000);
    const corpus = await memoryCorpus({ 'long.txt': `Bogotá ${token} end.` }, { 'long.txt': [{ type: 'LOCATION', start: 0, end: 6 }] });
    for (const format of ['conll', 'spacy'] as const) {
      const started = Date.now();
      const text = exportText(exportCorpus(format, { documents: corpus.documents, config: corpus.config }));
      assert.ok(Date.now() - started < budgetGuardMs, `${format} took ${Date.now() - started} ms`);
      if (format === 'conll') assert.equal(text, `-DOCSTART- -X- -X- O\n\nBogotá _ _ B-LOCATION\n${token} _ _ O\nend _ _ O\n. _ _ O\n\n`);
      else assert.deepEqual((JSON.parse(text) as { tokens: Array<{ end: number }> }).tokens.map((item) => item.end), [6, 10_000_007, 10_000_011, 10_000_012]);
    }
  });

  it('exports a 4 MB article in every format, each within budget', async () => {
    const paragraph = 'The Kenya Ports Authority signed a deal in Mombasa on 31 May 2024, said Amina Wekesa.\n\n';
    const text = paragraph.repeat(Math.ceil(4_000_000 / paragraph.length));
    const at = paragraph.indexOf('Mombasa');
    const tags = Array.from({ length: 500 }, (_, index) => ({ type: 'LOCATION', start: index * 50 * paragraph.length + at, end: index * 50 * paragraph.length + at + 7 }));
    const corpus = await memoryCorpus({ 'big.txt': text }, { 'big.txt': tags });
    for (const format of exportFormats) {
      const started = Date.now();
      const output = exportCorpus(format, { documents: corpus.documents, config: corpus.config });
      let length = 0;
      for (const file of output.files) if ('chunks' in file) for (const chunk of file.chunks()) length += chunk.length;
      assert.ok(Date.now() - started < budgetGuardMs, `${format} took ${Date.now() - started} ms`);
      assert.equal(output.annotations, 500, format);
      // yaml and brat do not hold the text (brat copies the file).
      assert.ok(format === 'brat' || format === 'yaml' || length > 1_000_000, format);
    }
  });

  it('replaces an existing --out only if it is an earlier export of that format, else asks for --force', async () => {
    const readme = path.join(scratch.out, 'README.md');
    writeFileSync(readme, '# Our project\n');
    const refused = await runCli(['export', scratch.corpus, '--format', 'jsonl', '--out', 'README.md'], scratch.out);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, `news-annotator export: ${readme} exists and is not an earlier jsonl export; use --force to replace it.\n`);
    assert.equal(readFileSync(readme, 'utf8'), '# Our project\n');
    for (const format of exportFormats.filter((name) => name !== 'brat')) {
      const file = `again.${format}`;
      for (let round = 0; round < 2; round++) assert.equal((await runCli(['export', scratch.corpus, '--format', format, '--out', file], scratch.out)).code, 0, `${format} round ${round}`);
      // A spaCy export is not a doccano one, and the other way round.
      const other = format === 'jsonl' ? 'spacy' : format === 'spacy' ? 'jsonl' : format === 'yaml' ? 'conll' : 'yaml';
      assert.equal((await runCli(['export', scratch.corpus, '--format', other, '--out', file], scratch.out)).code, 1, `${other} over ${format}`);
    }
    mkdirSync(path.join(scratch.out, 'photos'));
    writeFileSync(path.join(scratch.out, 'photos', 'cat.jpg'), 'jpeg');
    const folder = await runCli(['export', scratch.corpus, '--format', 'brat', '--out', 'photos'], scratch.out);
    assert.equal(folder.code, 1);
    assert.match(folder.stderr, /photos is a folder that is not an earlier brat export \(no annotation\.conf of ours\); use --force to write into it anyway\.\n$/);
    assert.equal((await runCli(['export', scratch.corpus, '--format', 'brat', '--out', 'brat'], scratch.out)).code, 0);
    assert.equal((await runCli(['export', scratch.corpus, '--format', 'brat', '--out', 'brat'], scratch.out)).code, 0);
    const forced = await runCli(['export', scratch.corpus, '--format', 'jsonl', '--out', 'README.md', '--force'], scratch.out);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(readFileSync(readme, 'utf8').startsWith('{"text":'));
    assert.ok(existsSync(path.join(scratch.out, 'photos', 'cat.jpg')));
  });

  it('prints one line, never a JavaScript stack, when a command fails unexpectedly, and exits 2', async () => {
    const failing = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const result = await runCli(['search', scratch.corpus, 'Mombasa'], scratch.out, { search: failing });
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      'news-annotator search: internal error, nothing more was done: RangeError: Maximum call stack size exceeded\n' +
        'Please report it with the command you ran; NEWS_ANNOTATOR_DEBUG=1 shows where it happened.\n',
    );
  });
});
