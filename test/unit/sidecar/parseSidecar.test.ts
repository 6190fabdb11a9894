import assert from 'node:assert/strict';
import type { Problem } from '../../../src/core/problem';
import { parseSidecar, type ParsedSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { readFixture } from './sidecarTestSupport';

const file = 'a.txt.ann.yaml';

function parsed(content: string): ParsedSidecar {
  const result = parseSidecar(content, file);
  assert.ok(result.ok, JSON.stringify(result.problems));
  return result;
}

/** The problems of a file, as `code@line:column`, for compact exact assertions. */
function where(content: string): string[] {
  return parseSidecar(content, file).problems.map((item: Problem) => `${item.code}@${item.line}:${item.column}`);
}

const header = 'format: news-annotator/1\nsource: {file: "a.txt", sha256: "", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf"}\n';

describe('parseSidecar', () => {
  describe('reads', () => {
    it('the canonical fixture through the fast path, with each entry’s line', () => {
      const result = parsed(readFixture('article.txt.ann.yaml'));
      assert.equal(result.canonical, true);
      assert.equal(result.writable, true);
      assert.deepEqual(result.problems, []);
      assert.equal(result.sidecar.status, 'in-progress');
      assert.equal(result.sidecar.annotations.length, 6);
      assert.deepEqual(result.positions.map((position) => position.line), [6, 7, 8, 9, 10, 11]);
      const organization = result.sidecar.annotations[2];
      assert.deepEqual(organization.attributes, { wikidata: 'Q1' });
      assert.equal(result.sidecar.annotations[3].note, 'day of the "meeting"');
      assert.equal(result.sidecar.annotations[4].prefix, 'ine.\n"We want it done by 2027," ');
    });

    it('a hand-edited file: block style, comments, reordered keys, plain and single-quoted scalars', () => {
      const result = parsed(readFixture('hand-edited.ann.yaml'));
      assert.equal(result.canonical, false);
      assert.equal(result.writable, true);
      assert.deepEqual(result.problems, []);
      const [mayor, city, company] = result.sidecar.annotations;
      assert.deepEqual(mayor, { id: 'hand0001', type: 'PERSON', start: 0, end: 13, text: 'Sophia Archer', extra: { confidence: 0.9 } });
      assert.deepEqual(city, { id: 'hand0002', type: 'LOCATION', start: 28, end: 34, text: 'Lisbon' });
      assert.deepEqual(company.attributes, { wikidata: 'Q1' });
      assert.equal(company.note, 'folded note over two lines');
      assert.equal(result.sidecar.status, 'done');
      assert.deepEqual(result.sidecar.source.extra, { 'reviewed-by': 'lead' });
      assert.deepEqual(result.sidecar.extra, { project: 'lisbon-2026' });
      assert.deepEqual(result.positions.map((position) => [position.line, position.column]), [[4, 5], [10, 5], [11, 5]]);
      assert.deepEqual(result.positions[0].fields?.['text'], { line: 5, column: 11 });
    });

    it('keeps unknown fields through a write and a second read', () => {
      const first = parsed(readFixture('hand-edited.ann.yaml'));
      const written = serializeSidecar(first.sidecar);
      assert.match(written, /confidence: 0\.9\}/);
      assert.match(written, /"reviewed-by": "lead"\}/);
      assert.match(written, /\nproject: "lisbon-2026"\n/);
      const second = parsed(written);
      assert.equal(second.canonical, true);
      assert.deepEqual(second.sidecar, first.sidecar);
    });

    it('a canonical file with CRLF line endings through the fast path, and writes it back the same', () => {
      const content = readFixture('article.txt.ann.yaml').replace(/\n/g, '\r\n');
      const result = parsed(content);
      assert.equal(result.canonical, true);
      assert.equal(result.lineEnding, 'crlf');
      assert.equal(serializeSidecar(result.sidecar, result.lineEnding), content);
    });

    it('an empty file as an empty sidecar, with a warning', () => {
      const result = parsed('');
      assert.deepEqual(result.sidecar.annotations, []);
      assert.equal(result.writable, true);
      assert.deepEqual(where(''), ['sidecar-empty@1:1']);
    });

    it('a minimal hand-made file, filling in what is missing', () => {
      const result = parsed('annotations:\n- {id: a, type: PERSON, start: 0, end: 1, text: S}\n');
      assert.equal(result.sidecar.status, 'untouched');
      assert.equal(result.sidecar.source.unit, 'codepoint');
      assert.deepEqual(where('annotations:\n- {id: a, type: PERSON, start: 0, end: 1, text: S}\n'), ['format-missing@1:1', 'source-missing@1:1']);
    });

    it('a file whose lines are canonical but out of order, through yaml, with the same data', () => {
      const canonical = readFixture('article.txt.ann.yaml');
      const lines = canonical.split('\n');
      [lines[5], lines[6]] = [lines[6], lines[5]];
      const shuffled = parsed(lines.join('\n'));
      assert.equal(shuffled.canonical, false);
      assert.equal(serializeSidecar(shuffled.sidecar), canonical);
    });
  });

  it('takes the fast path only for lines exactly as the writer writes them', () => {
    const canonical = readFixture('article.txt.ann.yaml');
    const line = '  - {id: "b7yq4tna", type: "LOCATION", start: 28, end: 34, text: "Lisbon", annotator: "ana"';
    assert.ok(canonical.includes(line));
    const expected = parsed(canonical).sidecar;
    const variants = [
      line.replace('start: 28', 'start: 028'),
      line.replace('"Lisbon"', '"Lisb\\u006fn"'),
      line.replace('"Lisbon"', "'Lisbon'"),
      line.replace('"Lisbon"', 'Lisbon'),
      line.replace(', annotator: "ana"', ',  annotator: "ana"'),
      line.replace('{id: "b7yq4tna", type: "LOCATION"', '{type: "LOCATION", id: "b7yq4tna"'),
      line.replace('- {', '-  {'),
    ];
    for (const variant of variants) {
      const result = parsed(canonical.replace(line, variant));
      assert.equal(result.canonical, false, variant);
      if (!variant.includes('028')) assert.deepEqual(result.sidecar, expected, variant);
      else assert.equal(result.sidecar.annotations[1].start, 28);
    }
    const trailing = parsed(canonical + '\n');
    assert.equal(trailing.canonical, false);
  });

  describe('reports, with line and column,', () => {
    it('YAML syntax errors, in file order', () => {
      assert.deepEqual(where(header + 'status: done: x\n'), ['yaml-syntax@3:9']);
      assert.deepEqual(where(header + 'annotations:\n  - {id: "a", type: "P" start: 1}\n'), ['yaml-syntax@4:21', 'yaml-syntax@4:25']);
      const unclosed = parseSidecar(header + 'status: "done\n', file);
      assert.equal(unclosed.ok, false);
      assert.match(unclosed.problems[0].message, /Missing closing "quote/);
    });

    it('a file that is not a mapping', () => {
      assert.deepEqual(where('- 1\n- 2\n'), ['not-a-sidecar@1:1']);
      assert.deepEqual(where('"just text"\n'), ['not-a-sidecar@1:1']);
    });

    it('a format this version does not read', () => {
      const result = parseSidecar('format: news-annotator/2\nannotations: []\n', file);
      assert.equal(result.ok, false);
      assert.deepEqual(where('format: news-annotator/2\nannotations: []\n'), ['format-unsupported@1:9', 'source-missing@1:1']);
      assert.match(result.problems[0].message, /update the extension/);
    });

    it('offsets in another unit or text in another encoding', () => {
      const content = 'format: news-annotator/1\nsource:\n  unit: utf16\n  encoding: latin-1\nannotations: []\n';
      assert.equal(parseSidecar(content, file).ok, false);
      assert.deepEqual(where(content), ['unit-unsupported@3:9', 'encoding-unsupported@4:13']);
    });

    it('a status that is not one of the three', () => {
      assert.deepEqual(where(header + 'status: finished\nannotations: []\n'), ['invalid-status@3:9']);
    });

    it('fields of the wrong type, leaving the entry out and the file unwritable', () => {
      const content = header + [
        'annotations:',
        '  - {id: "ok", type: "PERSON", start: 0, end: 1, text: "S"}',
        '  - {id: 7, type: "PERSON", start: 0, end: 1, text: "S"}',
        '  - {id: "b", type: "PERSON", start: -1, end: 1.5, text: "S"}',
        '  - {id: "c", type: "PERSON", start: 0, end: 1, text: True}',
        '  - {id: "d", type: "PERSON", start: 0, end: 1, text: 0123}',
        '  - {id: "e", type: "PERSON", start: 0, end: 1, text: 1e3}',
        '  - {id: "f", type: "PERSON", start: "0", end: 1, text: "S", attributes: {score: 3}}',
        '  - {id: "g", type: "", start: 0, end: 1, text: "S", note: [1]}',
        '  - just a string',
      ].join('\n') + '\n';
      const result = parseSidecar(content, file);
      assert.ok(result.ok);
      assert.equal(result.writable, false);
      assert.deepEqual(result.sidecar.annotations.map((annotation) => annotation.id), ['ok']);
      assert.deepEqual(where(content), [
        'invalid-field@5:10',
        'invalid-field@6:38',
        'invalid-field@6:47',
        'invalid-field@7:55',
        'invalid-field@8:55',
        'invalid-field@9:55',
        'invalid-field@10:38',
        'invalid-field@10:74',
        'invalid-field@11:21',
        'invalid-field@11:60',
        'invalid-annotation@12:5',
      ]);
      assert.match(result.problems[3].message, /text must be a string in double quotes; found the boolean true/);
      assert.match(result.problems[4].message, /found the number 123/);
    });

    it('missing required fields at the entry', () => {
      const content = header + 'annotations:\n  - id: "a"\n    type: "PERSON"\n    start: 0\n';
      assert.deepEqual(where(content), ['missing-field@4:5', 'missing-field@4:5']);
      assert.match(parseSidecar(content, file).problems[1].message, /no text/);
    });

    it('duplicate keys at the second one, refusing the file', () => {
      const content = header + 'annotations:\n  - id: "a"\n    type: "PERSON"\n    start: 0\n    end: 1\n    text: "S"\n    start: 1\n';
      const result = parseSidecar(content, file);
      assert.equal(result.ok, false);
      assert.deepEqual(where(content), ['duplicate-key@9:5']);
    });

    it('several documents in one file', () => {
      assert.deepEqual(where(header + 'annotations: []\n---\nannotations: []\n'), ['yaml-multiple-documents@4:1']);
    });
  });
});
