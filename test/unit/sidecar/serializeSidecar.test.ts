import assert from 'node:assert/strict';
import { formatKey, formatNumber, formatString } from '../../../src/core/sidecar/flowValue';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { canonicalFieldColumn, serializeAnnotation, serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { readFixture } from './sidecarTestSupport';

const sha = '297a9988e1161f73335b5043cd68b715c2f4f1095b22e053c60c20e94c2d4233';

function sidecarWith(annotations: Annotation[], extra?: Sidecar['extra']): Sidecar {
  const sidecar: Sidecar = {
    format: 'news-annotator/1',
    source: { file: 'article.txt', sha256: sha, unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations,
  };
  if (extra !== undefined) sidecar.extra = extra;
  return sidecar;
}

describe('serializeSidecar', () => {
  it('writes the canonical layout exactly', () => {
    const written = serializeSidecar(
      sidecarWith([
        { id: 'k3x9q2mz', type: 'PERSON', start: 0, end: 13, text: 'Sophia Archer', annotator: 'ana', created: '2026-11-24T20:00:00Z', prefix: '', suffix: ', the mayor' },
      ]),
    );
    assert.equal(
      written,
      [
        '# News Annotator sidecar: annotations of article.txt. Offsets count Unicode code points; end is exclusive.',
        'format: news-annotator/1',
        `source: {file: "article.txt", sha256: "${sha}", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf"}`,
        'status: "in-progress"',
        'annotations:',
        '  - {id: "k3x9q2mz", type: "PERSON", start: 0, end: 13, text: "Sophia Archer", annotator: "ana", created: "2026-11-24T20:00:00Z", prefix: "", suffix: ", the mayor"}',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty list as annotations: []', () => {
    assert.match(serializeSidecar(sidecarWith([])), /\nannotations: \[\]\n$/);
  });

  it('reproduces the canonical fixture byte for byte', () => {
    const content = readFixture('article.txt.ann.yaml');
    const parsed = parseSidecar(content, 'article.txt.ann.yaml');
    assert.ok(parsed.ok && parsed.canonical);
    assert.equal(serializeSidecar(parsed.sidecar), content);
  });

  it('sorts entries by start, end, type and id whatever order they come in', () => {
    const entries: Annotation[] = [
      { id: 'b', type: 'PERSON', start: 5, end: 9, text: 'x' },
      { id: 'a', type: 'PERSON', start: 5, end: 9, text: 'x' },
      { id: 'z', type: 'DATE', start: 5, end: 9, text: 'x' },
      { id: 'y', type: 'A', start: 5, end: 7, text: 'x' },
      { id: 'x', type: 'Z', start: 1, end: 20, text: 'x' },
    ];
    const ids = (text: string) => [...text.matchAll(/\{id: "(\w)"/g)].map((match) => match[1]);
    assert.deepEqual(ids(serializeSidecar(sidecarWith(entries))), ['x', 'y', 'z', 'a', 'b']);
    assert.equal(serializeSidecar(sidecarWith(entries)), serializeSidecar(sidecarWith([...entries].reverse())));
  });

  it('puts keys in the fixed order and unknown keys after them, sorted', () => {
    const line = serializeAnnotation({
      extra: { zeta: 1, alpha: 'a' },
      suffix: 's',
      prefix: 'p',
      created: 'c',
      annotator: 'n',
      attributes: { b: '2', a: '1' },
      note: 'note',
      text: 't',
      end: 2,
      start: 1,
      type: 'T',
      id: 'i',
    });
    assert.equal(
      line,
      '{id: "i", type: "T", start: 1, end: 2, text: "t", note: "note", attributes: {a: "1", b: "2"}, annotator: "n", created: "c", prefix: "p", suffix: "s", alpha: "a", zeta: 1}',
    );
  });

  it('writes unknown top-level keys after status and before the list', () => {
    const lines = serializeSidecar(sidecarWith([], { project: 'lisbon', batch: 3 })).split('\n');
    assert.deepEqual(lines.slice(3, 7), ['status: "in-progress"', 'batch: 3', 'project: "lisbon"', 'annotations: []']);
  });

  it('keeps every entry on one line whatever its text holds', () => {
    const awkward = 'a\nb\r\nc\rd\u2028e\u2029f\u0085g\u007fh\u009fi\ufeffj\ufffek\uffffl\u0000m\tn"o\\p😀';
    const written = serializeSidecar(sidecarWith([{ id: 'i', type: 'T', start: 0, end: 1, text: awkward, note: awkward }]));
    assert.equal(written.split('\n').length, 7);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(written, /[\r\u2028\u2029\u0085\u007f\u009f\ufeff\ufffe\uffff\u0000\t]/);
  });

  it('escapes what JSON leaves raw but YAML forbids or reads as a line break', () => {
    assert.equal(formatString('\u2028\u0085\u007f\ufeff'), '"\\u2028\\u0085\\u007f\\ufeff"');
    assert.equal(formatString('say "hi"\\'), '"say \\"hi\\"\\\\"');
    assert.equal(formatString('😀'), '"😀"');
  });

  it('quotes keys YAML would read as booleans, null or numbers', () => {
    for (const key of ['yes', 'No', 'ON', 'off', 'true', 'Null', 'y', 'N', '1', '0123', 'with space', '', '__proto__-x']) {
      assert.equal(formatKey(key), JSON.stringify(key), key);
    }
    for (const key of ['confidence', 'wikidata', '_private', 'Q1']) assert.equal(formatKey(key), key);
  });

  it('writes numbers every YAML reader reads back the same', () => {
    assert.equal(formatNumber(1e21), '1.0e+21');
    assert.equal(formatNumber(1.5e-7), '1.5e-7');
    assert.equal(formatNumber(0.25), '0.25');
    assert.equal(formatNumber(Infinity), '.inf');
    assert.equal(formatNumber(-Infinity), '-.inf');
    assert.equal(formatNumber(NaN), '.nan');
  });

  it('writes CRLF line endings when asked, and nothing else changes', () => {
    const sidecar = sidecarWith([{ id: 'i', type: 'T', start: 0, end: 1, text: 'a\r\nb' }]);
    assert.equal(serializeSidecar(sidecar, 'crlf'), serializeSidecar(sidecar).replace(/\n/g, '\r\n'));
  });

  it('keeps line breaks in the file name out of the header comment', () => {
    const sidecar = sidecarWith([]);
    sidecar.source.file = 'evil\nformat: x.txt';
    const lines = serializeSidecar(sidecar).split('\n');
    assert.equal(lines[0], '# News Annotator sidecar: annotations of evil?format: x.txt. Offsets count Unicode code points; end is exclusive.');
    assert.equal(lines[1], 'format: news-annotator/1');
  });

  it('knows the column of each field on a canonical line, counting code points', () => {
    const annotation: Annotation = { id: '😀😀', type: 'PERSON', start: 1, end: 2, text: 'x' };
    const line = '  - ' + serializeAnnotation(annotation);
    // In code points the line is `  - {id: "😀😀", type: "PERSON", ...`: `type: ` ends at 21.
    assert.equal(canonicalFieldColumn(annotation, 'id'), 10);
    assert.equal(canonicalFieldColumn(annotation, 'type'), 22);
    assert.equal([...line].slice(21, 29).join(''), '"PERSON"');
    assert.equal(canonicalFieldColumn(annotation, 'note'), undefined);
  });
});
