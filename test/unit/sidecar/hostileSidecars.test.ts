import assert from 'node:assert/strict';
import { parseSidecar, type ParseResult } from '../../../src/core/sidecar/parseSidecar';
import { LinePositions } from '../../../src/core/text/linePositions';
import { budgetGuardMs } from '../../support/budget';

const file = 'a.txt.ann.yaml';
/** Budget for one hostile sidecar (issue 11): 5 s. Memory is bounded by the 1 MB yaml cap. */
const budgetMs = budgetGuardMs;

function timed(content: string): { result: ParseResult; milliseconds: number } {
  const started = performance.now();
  const result = parseSidecar(content, file);
  return { result, milliseconds: performance.now() - started };
}

/** What Python's `json.dump` writes: the whole sidecar on one line (valid YAML). */
function oneLineJson(annotations: number): string {
  return JSON.stringify({
    format: 'news-annotator/1',
    source: { file: 'a.txt', sha256: '0'.repeat(64), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations: Array.from({ length: annotations }, (_, index) => ({ id: `a${index}`, type: 'PERSON', start: index * 7, end: index * 7 + 6, text: 'w😀' })),
  });
}

describe('hostile sidecars stay within 5 s, as problems', function () {
  this.timeout(60_000);

  it('reads a one-line JSON sidecar of 8,000 annotations in linear time (was 29.5 s)', () => {
    const small = timed(oneLineJson(1_000));
    const large = timed(oneLineJson(8_000));
    assert.ok(large.result.ok, JSON.stringify(!large.result.ok && large.result.problems));
    assert.equal(large.result.sidecar.annotations.length, 8_000);
    assert.ok(large.milliseconds < budgetMs, `${large.milliseconds} ms`);
    // Eight times the entries, not 64 times the time (allowing for a busy machine).
    assert.ok(large.milliseconds < 20 * small.milliseconds + 500, `1,000: ${small.milliseconds} ms, 8,000: ${large.milliseconds} ms`);
  });

  it('gives each line and column by index, even on a 1 MB line with astral characters', () => {
    const line = 'ab😀'.repeat(250_000);
    const positions = new LinePositions(`x\n${line}`);
    const started = performance.now();
    let queries = 0;
    for (let offset = 2; offset < line.length + 2; offset += 97) {
      const where = positions.at(offset);
      // Each 'ab😀' is 4 units and 3 code points; a pair cut by the offset counts as one.
      const units = offset - 2;
      const expected = Math.floor(units / 4) * 3 + Math.min(units % 4, 3);
      assert.deepEqual(where, { line: 2, column: expected + 1 });
      queries++;
    }
    assert.ok(queries > 10_000);
    assert.ok(performance.now() - started < budgetGuardMs, `${performance.now() - started} ms`);
    assert.deepEqual(new LinePositions('a\r\nb\rc😀d').at(8), { line: 3, column: 3 });
  });

  it('lists 1,000 problems and counts the rest for a sidecar of 80,000 broken entries', () => {
    const content = 'format: news-annotator/1\nannotations:\n' + '  - {id: 1}\n'.repeat(80_000);
    const { result, milliseconds } = timed(content);
    assert.ok(milliseconds < budgetMs, `${milliseconds} ms`);
    assert.ok(result.ok && !result.writable);
    assert.equal(result.problems.length, 1_001);
    const last = result.problems[1_000];
    assert.equal(last.code, 'sidecar-too-many-problems');
    assert.equal(last.severity, 'error');
    assert.match(last.message, /^[0-9,]+ more problems in this file are not listed/);
  });

  it('refuses a 200,000-key sidecar as too large, without a stack overflow', () => {
    const keys = Object.fromEntries(Array.from({ length: 200_000 }, (_, index) => [`k${index}`, index]));
    for (const content of [JSON.stringify({ format: 'news-annotator/1', annotations: [], ...keys }), Object.keys(keys).map((key) => `${key}: 1\n`).join('')]) {
      const { result, milliseconds } = timed(content);
      assert.ok(milliseconds < budgetMs, `${milliseconds} ms`);
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.problems.map((item) => item.code),
        ['sidecar-too-large'],
      );
    }
  });

  it('reports 100,000 duplicate keys as one listed page of problems', () => {
    const content = 'format: news-annotator/1\nannotations: []\n' + 'k: 1\n'.repeat(100_000);
    const { result, milliseconds } = timed(content);
    assert.ok(milliseconds < budgetMs, `${milliseconds} ms`);
    assert.equal(result.ok, false);
    assert.equal(result.problems.length, 1_001);
    assert.equal(result.problems.at(-1)!.code, 'sidecar-too-many-problems');
  });
});
