/**
 * mergeReports: the report of a corpus compared in parts (as `agree` does in worker threads) is
 * the report of the corpus compared whole, number for number and item for item.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Side, SideDocument } from '../../../src/core/agreement/agreementReport';
import { compareSides, compareSidesCounted } from '../../../src/core/agreement/compareSides';
import { mergeReports, type ReportPart } from '../../../src/core/agreement/mergeReports';
import type { Annotation } from '../../../src/core/sidecar/model';

const pieces = ['Petro', ' ', 'Bogotá', '.', '北京', '🇨🇴', '\n', 'e\u0301'];
const types = ['PER', 'ORG', 'LOC', '__proto__'];

interface GeneratedDocument {
  path: string;
  text: string;
  left: Annotation[];
  right: Annotation[];
  presence: string;
}

/** A document both sides may have: a text, each side's tags over it, and whether a side lacks it or has another text. */
const documentArbitrary = (index: number): fc.Arbitrary<GeneratedDocument> =>
  fc
    .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 })
    .map((parts) => parts.join(''))
    .chain((text) => {
      const length = [...text].length;
      const annotation = fc.tuple(fc.constantFrom(...types), fc.nat(length), fc.nat(length)).map(([type, a, b]): Annotation => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        return { id: `${type}-${start}-${end}`, type, start, end, text: [...text].slice(start, end).join('') };
      });
      return fc.record({
        path: fc.constant(`folder/d${index}.txt`),
        text: fc.constant(text),
        left: fc.array(annotation, { maxLength: 5 }),
        right: fc.array(annotation, { maxLength: 5 }),
        presence: fc.constantFrom('both', 'both', 'both', 'left', 'right', 'other-text'),
      });
    });

const corpusArbitrary = fc.integer({ min: 1, max: 8 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => documentArbitrary(index))));

function sidesOf(documents: readonly GeneratedDocument[]): [Side, Side] {
  const left: SideDocument[] = [];
  const right: SideDocument[] = [];
  for (const document of documents) {
    if (document.presence !== 'right') left.push({ path: document.path, text: document.text, annotations: document.left });
    if (document.presence !== 'left') right.push({ path: document.path, text: document.presence === 'other-text' ? `${document.text}!` : document.text, annotations: document.right });
  }
  return [
    { name: 'left', documents: left },
    { name: 'right', documents: right },
  ];
}

describe('mergeReports (agreement compared in parts, as agree does in worker threads)', () => {
  it('gives the report of the whole corpus for any split of its documents', () => {
    fc.assert(
      fc.property(corpusArbitrary, fc.integer({ min: 1, max: 4 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (documents, partCount, draws) => {
        const [left, right] = sidesOf(documents);
        const whole = compareSides(left, right);
        // Documents go to parts by path, as the workers split them.
        const partOf = (path: string) => draws[Number(/\d+/.exec(path)![0])] % partCount;
        const parts: ReportPart[] = [];
        for (let part = 0; part < partCount; part++) {
          const only = (side: Side): Side => ({ name: side.name, documents: side.documents.filter((document) => partOf(document.path) === part) });
          parts.push(compareSidesCounted(only(left), only(right)));
        }
        assert.deepEqual(mergeReports(parts as [ReportPart, ...ReportPart[]]).report, whole);
      }),
      { numRuns: 500 },
    );
  });

  it('sums token counts so kappa is that of the whole, not an average of the parts', () => {
    const document = (path: string, text: string, left: Annotation[], right: Annotation[]) => ({ path, text, left, right, presence: 'both' });
    const tag = (type: string, start: number, end: number, text: string): Annotation => ({ id: `${type}${start}`, type, start, end, text });
    // Part one: 2 tokens, both PER on both sides. Part two: 2 tokens, O on the left, ORG on the right.
    const [left, right] = sidesOf([document('a.txt', 'Petro Petro', [tag('PER', 0, 11, 'Petro Petro')], [tag('PER', 0, 11, 'Petro Petro')]), document('b.txt', 'Bogotá Bogotá', [], [tag('ORG', 0, 13, 'Bogotá Bogotá')])]);
    const partA = compareSidesCounted({ name: 'left', documents: left.documents.slice(0, 1) }, { name: 'right', documents: right.documents.slice(0, 1) });
    const partB = compareSidesCounted({ name: 'left', documents: left.documents.slice(1) }, { name: 'right', documents: right.documents.slice(1) });
    const merged = mergeReports([partA, partB]).report;
    // po = 2/4; left labels PER 2, O 2; right PER 2, ORG 2: pe = (2*2)/16 = 0.25; kappa = (0.5 - 0.25) / 0.75 = 1/3.
    assert.equal(merged.tokens, 4);
    assert.ok(Math.abs((merged.kappa ?? NaN) - 1 / 3) < 1e-12, String(merged.kappa));
    assert.equal(partA.report.kappa, null);
  });
});
