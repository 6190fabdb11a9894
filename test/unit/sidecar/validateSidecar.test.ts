import assert from 'node:assert/strict';
import { parseSidecar, type ParsedSidecar } from '../../../src/core/sidecar/parseSidecar';
import { validateSidecar } from '../../../src/core/sidecar/validateSidecar';
import { CodePointIndex } from '../../../src/core/text/codePoints';

const text = new CodePointIndex('Sophia 😀 Archer met ACME.');
const types = new Set(['PERSON', 'ORGANIZATION']);
const header = '# News Annotator sidecar: annotations of a.txt. Offsets count Unicode code points; end is exclusive.\nformat: news-annotator/1\nsource: {file: "a.txt", sha256: "", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf"}\nstatus: "untouched"\n';

function read(content: string): ParsedSidecar {
  const result = parseSidecar(content, 'a.txt.ann.yaml');
  assert.ok(result.ok, JSON.stringify(result.problems));
  return result;
}

/** Problems as `code@line:column`; `index` null checks without a text. */
function check(content: string, index: CodePointIndex | null = text): string[] {
  const result = read(content);
  return validateSidecar(result.sidecar, result.positions, index ?? undefined, types, 'a.txt.ann.yaml').map(
    (item) => `${item.code}@${item.line}:${item.column}`,
  );
}

describe('validateSidecar', () => {
  it('accepts annotations whose offsets (in code points) hold their text', () => {
    const content = header + 'annotations:\n  - {id: "a", type: "PERSON", start: 9, end: 15, text: "Archer"}\n  - {id: "b", type: "ORGANIZATION", start: 20, end: 24, text: "ACME"}\n';
    assert.equal(read(content).canonical, true);
    assert.deepEqual(check(content), []);
  });

  it('reports every kind of error at its field, on a canonical file', () => {
    const content = header + [
      'annotations:',
      '  - {id: "a", type: "PERSON", start: 5, end: 2, text: "x"}',
      '  - {id: "b", type: "PERSON", start: 9, end: 15, text: "Arches"}',
      '  - {id: "c", type: "PERSON", start: 20, end: 99, text: "ACME."}',
      '  - {id: "d", type: "PERSON", start: 90, end: 99, text: "x"}',
      '  - {id: "b", type: "PLACE", start: 100, end: 101, text: "x"}',
    ].join('\n') + '\n';
    assert.equal(read(content).canonical, true);
    // Entries are sorted by start in a canonical file, so the order here is the file's order.
    assert.deepEqual(check(content), [
      'span-reversed@6:46',
      'text-mismatch@7:56',
      'span-out-of-range@8:47',
      'span-out-of-range@9:38',
      'duplicate-id@10:10',
      'unknown-entity-type@10:21',
      'span-out-of-range@10:37',
    ]);
  });

  it('points at the fields of a hand-edited entry', () => {
    const content = header + 'annotations:\n  - id: "a"\n    type: PLACE\n    start: 9\n    end: 15\n    text: Arches\n';
    assert.equal(read(content).canonical, false);
    assert.deepEqual(check(content), ['unknown-entity-type@7:11', 'text-mismatch@10:11']);
  });

  it('counts columns in code points when earlier fields hold astral characters', () => {
    const content = header + 'annotations:\n  - {id: "😀😀", type: "PERSON", start: 0, end: 6, text: "Sophie"}\n';
    assert.deepEqual(check(content), ['text-mismatch@6:56']);
    assert.equal([...'  - {id: "😀😀", type: "PERSON", start: 0, end: 6, text: "Sophie"}'].slice(55).join(''), '"Sophie"}');
  });

  it('skips the text checks when no text is given (the text changed since)', () => {
    const content = header + 'annotations:\n  - {id: "b", type: "PERSON", start: 9, end: 15, text: "Arches"}\n  - {id: "b", type: "PERSON", start: 9, end: 15, text: "Archer"}\n';
    assert.deepEqual(check(content, null), ['duplicate-id@7:10']);
  });

  it('warns, as export does, about a tag whose text starts or ends with white space, or is nothing else', () => {
    const content = header + 'annotations:\n  - {id: "a", type: "PERSON", start: 8, end: 16, text: " Archer "}\n  - {id: "b", type: "PERSON", start: 19, end: 20, text: " "}\n';
    const result = read(content);
    const problems = validateSidecar(result.sidecar, result.positions, text, types, 'a.txt.ann.yaml');
    assert.deepEqual(
      problems.map((item) => `${item.code}@${item.line}:${item.column}:${item.severity}`),
      ['span-untrimmed@6:56:warning', 'span-untrimmed@7:57:warning'],
    );
    assert.match(problems[0].message, /" Archer " \(PERSON, id a\) starts or ends with white space/);
    assert.match(problems[1].message, /" " \(PERSON, id b\) is only white space/);
    // Without the text (it changed since) the stored text is still checked.
    assert.deepEqual(check(content, null), ['span-untrimmed@6:56', 'span-untrimmed@7:57']);
  });

  it('allows any type when the project lists none', () => {
    const result = read(header + 'annotations:\n  - {id: "a", type: "ANYTHING", start: 9, end: 15, text: "Archer"}\n');
    assert.deepEqual(validateSidecar(result.sidecar, result.positions, text, undefined, 'f'), []);
  });
});
