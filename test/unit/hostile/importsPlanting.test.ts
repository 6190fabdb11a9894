/**
 * Hostile imports: an import creates corpus texts and their sidecars, nothing else. Hidden files,
 * tool settings, hooks, the project file and files tools run are refused line by line, exit 1.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { entriesBelow, lines, runWithinBudget, useHostileFolders } from './importsHostileSupport';

const tasks = JSON.stringify({ version: '2.0.0', tasks: [{ label: 'x', type: 'shell', command: 'touch /tmp/pwned', runOptions: { runOn: 'folderOpen' } }] });

describe('hostile corpora: imports create only corpus files', () => {
  const folders = useHostileFolders();

  it('jsonl: .vscode/tasks.json, .gitattributes, git hooks, the project file and files tools run are refused, each on its line', async () => {
    const records = [
      { text: tasks, file: '.vscode/tasks.json' },
      { text: '* filter=evil\n', file: '.gitattributes' },
      { text: '#!/bin/sh\ntouch /tmp/pwned\n', file: '.git/hooks/post-checkout' },
      { text: 'include: ["**/*"]\n', file: 'news-annotator.yaml' },
      { text: 'all:\n\ttouch /tmp/pwned\n', file: 'Makefile' },
      { text: 'execute_process(COMMAND touch /tmp/pwned)\n', file: 'tools/CMakeLists.txt' },
      { text: 'touch /tmp/pwned\n', file: 'run.sh.txt' },
      { text: 'A note.\n', file: 'notes.md' },
      { text: 'Ana Paz flew to Lima.', file: 'news/ok.txt' },
    ];
    writeFileSync(path.join(folders.top, 'in.jsonl'), records.map((record) => JSON.stringify({ ...record, label: [] })).join('\n') + '\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'jsonl', '--from', 'in.jsonl'], folders.top);
    assert.equal(result.code, 1);
    const refusals = lines(result.stderr);
    assert.deepEqual(
      refusals.map((line) => line.replace(/: error: .*/, '')),
      ['in.jsonl:1:1', 'in.jsonl:2:1', 'in.jsonl:3:1', 'in.jsonl:4:1', 'in.jsonl:5:1', 'in.jsonl:6:1', 'in.jsonl:8:1'],
    );
    assert.equal(refusals[0], 'in.jsonl:1:1: error: ".vscode/tasks.json" is hidden (a name starting with a dot, where tools keep settings and hooks); an import creates only corpus texts and their sidecars. Line not imported.');
    assert.equal(refusals[3], 'in.jsonl:4:1: error: "news-annotator.yaml" names a sidecar or the project file, not a text file. Line not imported.');
    assert.equal(refusals[4], 'in.jsonl:5:1: error: "Makefile" is a file that tools run or act on (make); an import creates only corpus texts and their sidecars. Line not imported.');
    assert.equal(refusals[6], "in.jsonl:8:1: error: notes.md is not included by the project's corpus globs; an import creates only corpus texts and their sidecars. Nothing imported for it.");
    // run.sh.txt is a text by its name: corpus, created like any other.
    assert.deepEqual(entriesBelow(folders.corpus), ['a.txt', 'news', 'news/ok.txt', 'news/ok.txt.ann.yaml', 'run.sh.txt', 'run.sh.txt.ann.yaml']);
    assert.match(result.stdout, /2 text files created, 2 sidecars written/);
  });

  it('brat: hidden .ann files and files tools run are refused', async () => {
    writeFileSync(path.join(folders.brat, '.hidden.ann'), 'T1\tPERSON 0 3\tAna\n');
    writeFileSync(path.join(folders.brat, '.hidden.txt'), 'Ana\n');
    mkdirSync(path.join(folders.brat, 'x'));
    writeFileSync(path.join(folders.brat, 'x', 'CMakeLists.ann'), 'T1\tPERSON 0 3\tAna\n');
    writeFileSync(path.join(folders.brat, 'x', 'CMakeLists.txt'), 'Ana\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'brat', '--from', 'brat'], folders.top);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), [
      'brat/.hidden.ann:1:1: error: .hidden.txt is hidden (a name starting with a dot, where tools keep settings and hooks); an import creates only corpus texts and their sidecars. Nothing imported for it.',
      'brat/x/CMakeLists.ann:1:1: error: x/CMakeLists.txt is a file that tools run or act on (CMake); an import creates only corpus texts and their sidecars. Nothing imported for it.',
    ]);
    assert.deepEqual(entriesBelow(folders.corpus), ['a.txt']);
  });

  it('a corpus whose globs take every file still gets no hidden files or files tools run', async () => {
    writeFileSync(path.join(folders.corpus, 'news-annotator.yaml'), 'version: 1\ncorpus:\n  include: ["**/*", ".*/**"]\n  exclude: []\n');
    writeFileSync(path.join(folders.top, 'in.jsonl'), ['.vscode/tasks.json', 'package.json', 'scripts/x.sh', 'ok.md'].map((file) => JSON.stringify({ text: tasks, file, label: [] })).join('\n') + '\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'jsonl', '--from', 'in.jsonl'], folders.top);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr).map((line) => line.replace(/: error: .*/, '')), ['in.jsonl:1:1', 'in.jsonl:2:1', 'in.jsonl:3:1']);
    assert.deepEqual(entriesBelow(folders.corpus), ['a.txt', 'news-annotator.yaml', 'ok.md', 'ok.md.ann.yaml']);
  });
});
