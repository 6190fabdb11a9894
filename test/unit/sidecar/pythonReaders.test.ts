import fc from 'fast-check';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { plainData, sidecarArbitrary, sidecarFixtureFolder } from './sidecarTestSupport';

// PyYAML reads YAML 1.1, where bare `NO`, `on`, `0123` and dates change type: the canonical
// writer quotes every string so a Python user gets exactly the data the extension wrote.
const loadAll = `
import json, sys, yaml
texts = json.load(sys.stdin)
sys.stdout.write(json.dumps([yaml.safe_load(text) for text in texts]))
`;

const checkFixture = `
import json, os, sys, yaml
folder = sys.argv[1]
with open(os.path.join(folder, 'article.txt.ann.yaml'), encoding='utf-8') as handle:
    sidecar = yaml.safe_load(handle)
with open(os.path.join(folder, sidecar['source']['file']), encoding='utf-8-sig', newline='') as handle:
    text = handle.read()
rows = [[a['text'], text[a['start']:a['end']], a['prefix'], text[max(0, a['start'] - 32):a['start']],
         a['suffix'], text[a['end']:a['end'] + 32]] for a in sidecar['annotations']]
sys.stdout.write(json.dumps(rows))
`;

function pythonWithYaml(context: Mocha.Context): void {
  const probe = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    console.warn('\n!!! PYTHON3 WITH PyYAML NOT FOUND: sidecars were NOT checked against PyYAML !!!\n');
    context.skip();
  }
}

function finiteOnly(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(finiteOnly);
  return true;
}

describe('PyYAML reads what the canonical writer writes', function () {
  this.timeout(60_000);

  it('as the same data, for random sidecars with awkward text (LF and CRLF files)', function () {
    pythonWithYaml(this);
    // JSON, the way back from Python, has no NaN or infinities; those are checked against yaml.
    const sidecars = fc.sample(sidecarArbitrary, { numRuns: 200, seed: 20261124 }).filter((sidecar) => finiteOnly(plainData(sidecar)));
    assert.ok(sidecars.length > 150);
    const texts = sidecars.flatMap((sidecar) => [serializeSidecar(sidecar), serializeSidecar(sidecar, 'crlf')]);
    const run = spawnSync('python3', ['-c', loadAll], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(run.status, 0, run.stderr);
    const loaded = JSON.parse(run.stdout) as unknown[];
    sidecars.forEach((sidecar, index) => {
      const expected = JSON.parse(JSON.stringify(plainData(sidecar))) as unknown;
      assert.deepEqual(loaded[2 * index], expected, texts[2 * index]);
      assert.deepEqual(loaded[2 * index + 1], expected);
    });
  });

  it('with offsets that slice the text in Python, and context that matches it', function () {
    pythonWithYaml(this);
    const folder = sidecarFixtureFolder();
    const run = spawnSync('python3', ['-c', checkFixture, path.resolve(folder)], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const rows = JSON.parse(run.stdout) as string[][];
    assert.equal(rows.length, 6);
    for (const [text, slice, prefix, before, suffix, after] of rows) {
      assert.equal(slice, text);
      assert.equal(prefix, before);
      assert.equal(suffix, after);
    }
  });
});
