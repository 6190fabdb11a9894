import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { problemLine, runCli, snapshot, useScratchFolders } from './cliTestSupport';

const sidecarFiles = ['en/cartagena-hangzhou-sister-cities.txt.ann.yaml', 'en/mombasa-port-modernisation-deal.txt.ann.yaml', 'es/feria-comercial-bogota-shanghai.txt.ann.yaml', 'zh/hangzhou-cartagena-friendship-city.txt.ann.yaml'];

describe('news-annotator import', () => {
  const scratch = useScratchFolders();

  it('export yaml, delete the sidecars, import: byte-identical sidecars; importing again changes nothing', async () => {
    const exported = await runCli(['export', '--format', 'yaml', '--out', path.join(scratch.out, 'corpus.yaml')], scratch.corpus);
    assert.equal(exported.code, 0, exported.stderr);
    const original = Object.fromEntries(sidecarFiles.map((file) => [file, readFileSync(path.join(scratch.corpus, file), 'utf8')]));
    for (const file of sidecarFiles) rmSync(path.join(scratch.corpus, file));

    const imported = await runCli(['import', scratch.corpus, '--format', 'yaml', '--from', 'corpus.yaml'], scratch.out);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout, 'Imported 4 documents: 86 annotations added, 0 already present, 0 conflicts, 0 rejected; 0 text files created, 4 sidecars written.\n');
    for (const file of sidecarFiles) assert.equal(readFileSync(path.join(scratch.corpus, file), 'utf8'), original[file], file);

    const before = snapshot(scratch.corpus);
    const again = await runCli(['import', scratch.corpus, '--format', 'yaml', '--from', 'corpus.yaml'], scratch.out);
    assert.equal(again.stdout, 'Imported 4 documents: 0 annotations added, 86 already present, 0 conflicts, 0 rejected; 0 text files created, 0 sidecars written.\n');
    assert.deepEqual(snapshot(scratch.corpus), before);
  });

  it('brat: reports a span that does not fit at path:line:column, imports the rest, exits 1', async () => {
    const brat = path.join(scratch.out, 'brat', 'new');
    mkdirSync(brat, { recursive: true });
    writeFileSync(path.join(brat, 'story.txt'), 'Ana Paz flew to Lima.\n');
    writeFileSync(path.join(brat, 'story.ann'), 'T1\tPERSON 0 7\tAna Paz\nT2\tLOCATION 16 21\tLima!\nT3\tLOCATION 16 20\tLima\n');
    const result = await runCli(['import', '--format', 'brat', '--from', path.join(scratch.out, 'brat'), '--annotator', 'importer'], scratch.corpus);
    assert.equal(result.code, 1);
    const problems = result.stderr.trimEnd().split('\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0], problemLine);
    assert.equal(problems[0], `${path.relative(scratch.corpus, path.join(brat, 'story.ann'))}:2:13: error: The text at 16-21 is "Lima.", not "Lima!"; not imported.`);
    assert.equal(result.stdout, 'Imported 1 document: 2 annotations added, 0 already present, 0 conflicts, 1 rejected; 1 text file created, 1 sidecar written.\n');
    assert.equal(readFileSync(path.join(scratch.corpus, 'new', 'story.txt'), 'utf8'), 'Ana Paz flew to Lima.\n');
    assert.match(readFileSync(path.join(scratch.corpus, 'new', 'story.txt.ann.yaml'), 'utf8'), /annotator: "importer"/);
  });

  it('--dry-run checks and counts but writes nothing', async () => {
    writeFileSync(path.join(scratch.out, 'in.jsonl'), '{"text": "Ana Paz flew to Lima.", "label": [[0, 7, "PERSON"]], "file": "new/ana.txt"}\n{"text": "Lima", "label": [[0, 4, "LOCATION"]], "file": "new/lima.md"}\n');
    const before = snapshot(scratch.corpus);
    const result = await runCli(['import', '--format', 'jsonl', '--from', path.join(scratch.out, 'in.jsonl'), '--dry-run'], scratch.corpus);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, 'Would import 1 document: 1 annotation added, 0 already present, 0 conflicts, 0 rejected; 1 text file to create, 0 sidecars written. (Dry run: nothing was written.)\n');
    assert.equal(result.stderr, `${path.relative(scratch.corpus, path.join(scratch.out, 'in.jsonl'))}:2:1: error: new/lima.md is not included by the project's corpus globs; an import creates only corpus texts and their sidecars. Nothing imported for it.\n`);
    assert.deepEqual(snapshot(scratch.corpus), before);
  });

  it('our own jsonl export imports again with no conflicts and changes nothing', async () => {
    const exported = await runCli(['export', '--format', 'jsonl', '--out', path.join(scratch.out, 'corpus.jsonl')], scratch.corpus);
    assert.equal(exported.code, 0, exported.stderr);
    const before = snapshot(scratch.corpus);
    const imported = await runCli(['import', scratch.corpus, '--format', 'jsonl', '--from', 'corpus.jsonl'], scratch.out);
    assert.equal(imported.stderr, '');
    assert.equal(imported.stdout, 'Imported 4 documents: 0 annotations added, 86 already present, 0 conflicts, 0 rejected; 0 text files created, 0 sidecars written.\n');
    assert.equal(imported.code, 0);
    assert.deepEqual(snapshot(scratch.corpus), before);
  });

  it('exits 2 on bad usage and 1 when --from does not exist', async () => {
    for (const argv of [['--format', 'brat'], ['--from', 'x'], ['--format', 'conll', '--from', 'x'], ['--format', 'brat', '--from', 'x', '--offsets', 'utf16'], ['--format', 'jsonl', '--from', 'x', '--offsets', 'bytes']]) {
      const result = await runCli(['import', ...argv], scratch.corpus);
      assert.equal(result.code, 2, argv.join(' '));
    }
    const missing = await runCli(['import', '--format', 'jsonl', '--from', 'nowhere.jsonl'], scratch.corpus);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'news-annotator import: nowhere.jsonl does not exist.\n');
  });
});
