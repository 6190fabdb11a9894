import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { decodeText } from '../../../src/core/text/decodeText';
import { hardCaseFolder, hardCaseSpans } from './hardCaseFixtures';

// Reads every hard-case file the way a person checking a sidecar would, and prints what Python
// sees: length in code points, SHA-256 of the bytes, and text[start:end] of every span.
const pythonReader = `
import hashlib, json, os, sys
folder = sys.argv[1]
with open(os.path.join(folder, 'spans.json'), encoding='utf-8') as handle:
    spans = json.load(handle)
report = {}
for name, entries in spans.items():
    path = os.path.join(folder, name)
    with open(path, encoding='utf-8-sig', newline='') as handle:
        text = handle.read()
    with open(path, 'rb') as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    report[name] = {'length': len(text), 'sha256': digest,
                    'slices': [text[entry['start']:entry['end']] for entry in entries]}
sys.stdout.write(json.dumps(report))
`;

interface PythonReport {
  readonly length: number;
  readonly sha256: string;
  readonly slices: string[];
}

describe('offsets agree with Python on the hard-case corpus', function () {
  it('gives text[start:end] == span text for every span, as Python does', function () {
    const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
    if (probe.error !== undefined || probe.status !== 0) {
      console.warn('\n!!! PYTHON3 NOT FOUND: offsets were NOT checked against Python !!!\n');
      this.skip();
    }
    const folder = hardCaseFolder();
    const run = spawnSync('python3', ['-c', pythonReader, folder], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Record<string, PythonReport>;
    const spans = hardCaseSpans();
    assert.ok(Object.keys(spans).length >= 6, 'the corpus lists its files');
    let checked = 0;
    for (const [name, entries] of Object.entries(spans)) {
      const decoded = decodeText(readFileSync(path.join(folder, name)));
      const index = new CodePointIndex(decoded.text);
      const python = report[name];
      assert.ok(python !== undefined, name);
      assert.equal(index.codePointLength, python.length, `${name}: length in code points`);
      assert.equal(decoded.sha256, python.sha256, `${name}: sha256`);
      entries.forEach((entry, position) => {
        assert.equal(python.slices[position], entry.text, `${name}: Python slice of ${JSON.stringify(entry)}`);
        assert.equal(index.slice(entry.start, entry.end), entry.text, `${name}: our slice of ${JSON.stringify(entry)}`);
        checked++;
      });
    }
    assert.ok(checked >= 25, `checked ${checked} spans`);
  });
});

describe('hard-case corpus', () => {
  const load = (name: string) => decodeText(readFileSync(path.join(hardCaseFolder(), name)));

  it('has the BOM and newline styles its names promise', () => {
    assert.equal(load('bom.txt').bom, true);
    assert.equal(load('bom.txt').text.startsWith('Reuters'), true);
    assert.equal(load('crlf.txt').newline, 'crlf');
    assert.equal(load('crlf.txt').bom, false);
    assert.equal(load('mixed-bom-crlf.txt').newline, 'mixed');
    assert.equal(load('emoji-flags.txt').newline, 'lf');
  });

  it('counts a CRLF as two code points and an astral character as one', () => {
    const spans = hardCaseSpans();
    const crossing = spans['crlf.txt'].find((span) => span.text === 'Johnson\r\nLine');
    assert.ok(crossing !== undefined);
    assert.equal(crossing.end - crossing.start, 13);
    const cjk = spans['astral-cjk.txt'].find((span) => span.text === '\u{20BB7}\u7530');
    assert.ok(cjk !== undefined);
    assert.equal(cjk.end - cjk.start, 2);
  });
});
