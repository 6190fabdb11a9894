import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const cliWorker = path.join(__dirname, 'cliWorker.js');
const files = 200;

function article(index: number): string {
  return `Report ${index}. Alpha met Gamma in Lisbon on Monday.\n`;
}

/** A brat folder that tags `word` as `type` in every article. */
function bratFolder(root: string, name: string, word: string, type: string): string {
  const folder = path.join(root, name);
  mkdirSync(folder);
  for (let index = 0; index < files; index++) {
    const text = article(index);
    const start = text.indexOf(word);
    writeFileSync(path.join(folder, `a${index}.txt`), text);
    writeFileSync(path.join(folder, `a${index}.ann`), `T1\t${type} ${start} ${start + word.length}\t${word}\n`);
  }
  return folder;
}

function importRun(corpus: string, from: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [cliWorker, 'import', corpus, '--format', 'brat', '--from', from], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('two command-line imports into one corpus at the same time', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'concurrent-imports-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  // Without the lock, 3-14 files per round lost an annotation; three rounds make a lost update
  // (the race depends on timing) all but certain to show.
  for (const round of [1, 2, 3]) {
    it(`keeps both sets of annotations in every one of 200 files, both runs exiting 0 (round ${round})`, () => importBothAtOnce(root));
  }
});

async function importBothAtOnce(root: string): Promise<void> {
  {
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    for (let index = 0; index < files; index++) writeFileSync(path.join(corpus, `a${index}.txt`), article(index));
    const people = bratFolder(root, 'people', 'Alpha', 'PERSON');
    const places = bratFolder(root, 'places', 'Gamma', 'LOCATION');
    const runs = await Promise.all([importRun(corpus, people), importRun(corpus, places)]);
    assert.deepEqual(
      runs.map((result) => result.code),
      [0, 0],
      runs.map((result) => result.output).join('\n'),
    );
    const missing: string[] = [];
    for (let index = 0; index < files; index++) {
      const sidecar = readFileSync(path.join(corpus, `a${index}.txt.ann.yaml`), 'utf8');
      if (!sidecar.includes('text: "Alpha"') || !sidecar.includes('text: "Gamma"')) missing.push(`a${index}`);
    }
    assert.deepEqual(missing, [], `${missing.length} files lost an annotation`);
  }
}
