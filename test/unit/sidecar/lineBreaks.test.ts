import fc from 'fast-check';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readCanonical } from '../../../src/core/sidecar/fastPath';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { canonicalOrder, readFixture, sidecarArbitrary } from './sidecarTestSupport';

const file = 'a.txt.ann.yaml';
const lf = readFixture('article.txt.ann.yaml');

/** PyYAML's reading of each text: how many annotations, and their ids (null when it fails). */
function pythonIds(texts: string[]): Array<string[] | null> | undefined {
  const script = `
import json, sys, yaml
out = []
for text in json.load(sys.stdin):
    try:
        data = yaml.safe_load(text)
        out.append([a['id'] for a in data['annotations']])
    except Exception:
        out.append(None)
sys.stdout.write(json.dumps(out))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) return undefined;
  return JSON.parse(run.stdout) as Array<string[] | null>;
}

function ids(content: string): string[] {
  const result = parseSidecar(content, file);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  assert.ok(result.writable, JSON.stringify(result.problems));
  return result.sidecar.annotations.map((annotation) => annotation.id);
}

/** The fixture with a hand-written comment line before its third entry, ended by `lineBreak`. */
function withComment(lineBreak: string): string {
  const lines = lf.split('\n');
  const third = lines.findIndex((line) => line.startsWith('  - {id: "m2c5vd6e"'));
  return [...lines.slice(0, third), '  # checked by bo' + lineBreak + lines[third], ...lines.slice(third + 1)].join('\n');
}

describe('line breaks as YAML defines them (LF, CRLF, lone CR)', function () {
  this.timeout(30_000);
  const expected = ids(lf);

  it('reads a sidecar whose line breaks are lone CRs completely, as PyYAML does', () => {
    const cr = lf.replace(/\n/g, '\r');
    assert.equal(expected.length, 6);
    assert.deepEqual(ids(cr), expected);
    assert.deepEqual(ids(lf.replace(/\n/g, '\r\n')), expected);
    // Hand-edited (off the fast path) with lone CRs too.
    assert.deepEqual(ids(withComment('\n').replace(/\n/g, '\r')), expected);
    assert.notEqual(readCanonical(cr, file), undefined, 'a CR-only canonical file stays on the fast path');
    const python = pythonIds([cr]);
    if (python !== undefined) assert.deepEqual(python[0], expected);
  });

  it('keeps the entry after a comment line that ends with a stray CR', () => {
    for (const lineBreak of ['\r', '\r\n', '\r\r', '\r\r\n']) {
      const content = withComment(lineBreak);
      assert.deepEqual(ids(content), expected, JSON.stringify(lineBreak));
      const python = pythonIds([content]);
      if (python !== undefined) assert.deepEqual(python[0], expected, `PyYAML, ${JSON.stringify(lineBreak)}`);
    }
  });

  it('refuses, without losing anything, a file whose line breaks YAML 1.1 and 1.2 readers disagree on', () => {
    for (const character of ['\u2028', '\u2029', '\u0085']) {
      const content = withComment(character);
      const result = parseSidecar(content, file);
      // A YAML 1.2 reader sees one long comment where PyYAML sees the comment and an entry.
      assert.ok(!result.ok || !result.writable, `U+${character.charCodeAt(0).toString(16)} is not read as fewer annotations`);
      assert.equal(result.problems[0].code, 'yaml-ambiguous-line-break');
      assert.equal(result.problems[0].line, withComment('\n').split('\n').findIndex((line) => line.includes('checked by bo')) + 1);
    }
    // Inside a double-quoted string LS and PS are text to every reader.
    const quoted = lf.replace('"day of the \\"meeting\\""', '"day of the\u2028meeting"');
    assert.notEqual(quoted, lf);
    assert.equal(parseSidecar(quoted, file).ok, true);
  });

  it('any canonical sidecar with its line breaks rewritten to CR, CRLF or a mix reads the same', () => {
    const breaks = fc.constantFrom('\n', '\r', '\r\n');
    fc.assert(
      fc.property(sidecarArbitrary, fc.array(breaks, { minLength: 1, maxLength: 8 }), fc.boolean(), (sidecar, pattern, handEdited) => {
        const written = serializeSidecar(sidecar);
        // A comment line sends the file to the yaml reader instead of the fast path.
        const source = handEdited ? written.replace('\nannotations:', '\n# edited\nannotations:') : written;
        let index = 0;
        const rewritten = source.replace(/\n/g, () => pattern[index++ % pattern.length]);
        const result = parseSidecar(rewritten, file);
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
        assert.ok(result.writable);
        assert.deepEqual(result.sidecar, canonicalOrder(sidecar));
        assert.equal(result.lineEnding, rewritten.includes('\r\n') ? 'crlf' : 'lf');
      }),
      { numRuns: 300 },
    );
  });
});
