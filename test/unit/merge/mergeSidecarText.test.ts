import fc from 'fast-check';
import assert from 'node:assert/strict';
import { mergeSidecars } from '../../../src/core/merge/mergeSidecars';
import { mergeSidecarText } from '../../../src/core/merge/mergeSidecarText';
import { renderMerge } from '../../../src/core/merge/renderMerge';
import type { Annotation, Relation, Sidecar, SidecarStatus, Suggestion } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';

function sidecar(annotations: Annotation[], more: Partial<Sidecar> = {}): Sidecar {
  return {
    format: 'news-annotator/1',
    source: { file: 'article.txt', sha256: 'a'.repeat(64), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations,
    ...more,
  };
}

function tag(id: string, start: number, more: Partial<Annotation> = {}): Annotation {
  return { id, type: 'PERSON', start, end: start + 5, text: 'Sofia', ...more };
}

function merged(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar) {
  const result = mergeSidecarText(base === undefined ? '' : serializeSidecar(base), serializeSidecar(ours), serializeSidecar(theirs));
  assert.equal(result.kind, 'merged', result.kind === 'unreadable' ? result.reason : '');
  if (result.kind !== 'merged') throw new Error('unreachable');
  return result;
}

describe('merging sidecars by annotation id', () => {
  const base = sidecar([tag('base0001', 0), tag('base0002', 100)]);

  it('writes a clean merge in the canonical layout with both sides\' additions', () => {
    const result = merged(base, sidecar([...base.annotations, tag('ours0001', 50)]), sidecar([...base.annotations, tag('thrs0001', 60, { type: 'ORG' })]));
    assert.equal(result.conflicts, 0);
    assert.equal(result.text, serializeSidecar(sidecar([...base.annotations, tag('ours0001', 50), tag('thrs0001', 60, { type: 'ORG' })])));
  });

  it('keeps one tag, with ours\' id, when both sides tagged the same span with the same type', () => {
    const ours = sidecar([...base.annotations, tag('ours0001', 50, { annotator: 'ana', created: '2026-11-01T00:00:00Z' })]);
    const theirs = sidecar([...base.annotations, tag('thrs0001', 50, { annotator: 'ben', note: 'the mayor' }), tag('thrs0002', 50, { type: 'ORG' })]);
    const result = merged(base, ours, theirs);
    assert.equal(result.conflicts, 0);
    const read = parseSidecar(result.text, 'merged');
    assert.ok(read.ok);
    assert.deepEqual(
      read.sidecar.annotations.map((item) => [item.id, item.type, item.annotator, item.note]),
      [
        ['base0001', 'PERSON', undefined, undefined],
        ['thrs0002', 'ORG', undefined, undefined],
        ['ours0001', 'PERSON', 'ana', 'the mayor'],
        ['base0002', 'PERSON', undefined, undefined],
      ],
    );
  });

  it('marks only the entry both sides changed differently, and merges the rest', () => {
    const ours = sidecar([tag('base0001', 0, { type: 'ORG' }), tag('base0002', 100), tag('ours0001', 50)]);
    const theirs = sidecar([tag('base0001', 0, { type: 'LOCATION' }), tag('base0002', 100, { note: 'checked' }), tag('thrs0001', 150)]);
    const result = merged(base, ours, theirs);
    assert.equal(result.conflicts, 1);
    const lines = result.text.split('\n');
    const start = lines.indexOf('<<<<<<< ours');
    assert.deepEqual(lines.slice(start, start + 5), [
      '<<<<<<< ours',
      '  - {id: "base0001", type: "ORG", start: 0, end: 5, text: "Sofia"}',
      '=======',
      '  - {id: "base0001", type: "LOCATION", start: 0, end: 5, text: "Sofia"}',
      '>>>>>>> theirs',
    ]);
    assert.equal(lines.filter((line) => /^[<=>]{7}/.test(line)).length, 3);
    assert.ok(result.text.includes('{id: "ours0001"') && result.text.includes('{id: "thrs0001"') && result.text.includes('note: "checked"'));
    const read = parseSidecar(result.text, 'merged');
    assert.ok(!read.ok && read.problems.every((item) => item.code === 'conflict-markers'));
    // Keeping ours (deleting theirs' line and the markers) leaves a canonical sidecar.
    const resolved = [...lines.slice(0, start), lines[start + 1], ...lines.slice(start + 5)].join('\n');
    const reread = parseSidecar(resolved, 'resolved');
    assert.ok(reread.ok && reread.canonical, resolved);
    assert.equal(reread.sidecar.annotations.length, 4);
  });

  it('conflicts on an entry removed on one side and changed on the other, with the removed side empty', () => {
    const result = merged(base, sidecar([tag('base0002', 100)]), sidecar([tag('base0001', 0, { note: 'keep me' }), tag('base0002', 100)]));
    assert.equal(result.conflicts, 1);
    assert.ok(result.text.includes('<<<<<<< ours\n=======\n  - {id: "base0001", type: "PERSON", start: 0, end: 5, text: "Sofia", note: "keep me"}\n>>>>>>> theirs\n'), result.text);
  });

  it('uses the marker size git asks for', () => {
    const result = mergeSidecarText(
      serializeSidecar(base),
      serializeSidecar(sidecar([tag('base0001', 0, { note: 'a' }), tag('base0002', 100)])),
      serializeSidecar(sidecar([tag('base0001', 0, { note: 'b' }), tag('base0002', 100)])),
      { markers: { size: 9, oursLabel: 'ours', theirsLabel: 'theirs' } },
    );
    assert.ok(result.kind === 'merged' && result.text.includes('\n<<<<<<<<< ours\n') && result.text.includes('\n=========\n') && result.text.includes('\n>>>>>>>>> theirs\n'));
  });

  it('takes the further status when both sides changed it differently, and a one-sided change as it is', () => {
    const at = (status: SidecarStatus) => sidecar(base.annotations, { status });
    for (const [common, ours, theirs, expected] of [
      ['untouched', 'done', 'in-progress', 'done'],
      ['untouched', 'in-progress', 'done', 'done'],
      ['in-progress', 'untouched', 'done', 'done'],
      ['done', 'untouched', 'in-progress', 'in-progress'],
    ] as const) {
      const result = merged(at(common), at(ours), at(theirs));
      assert.equal(result.conflicts, 0);
      assert.ok(result.text.includes(`status: "${expected}"`), `${ours} + ${theirs}`);
      assert.equal(result.notes.length, 1);
    }
    // Reopened on one side, unchanged on the other: reopened.
    const reopened = merged(at('done'), at('in-progress'), at('done'));
    assert.ok(reopened.text.includes('status: "in-progress"') && reopened.notes.length === 0);
  });

  it('merges source fields and notes by the same rules, and conflicts on the source line only when both changed a field differently', () => {
    const withHash = (hash: string, annotations = base.annotations) => sidecar(annotations, { source: { ...base.source, sha256: hash } });
    const oneSide = merged(base, withHash('b'.repeat(64)), base);
    assert.ok(oneSide.text.includes('b'.repeat(64)));
    const both = merged(base, withHash('b'.repeat(64)), withHash('c'.repeat(64)));
    assert.equal(both.conflicts, 1);
    assert.match(both.text, /<<<<<<< ours\nsource: \{[^\n]*"b{64}"[^\n]*\}\n=======\nsource: \{[^\n]*"c{64}"[^\n]*\}\n>>>>>>> theirs\n/);
  });

  it('keeps the old text hash when the text changed on one side and tags were added on the other', () => {
    const result = merged(base, sidecar(base.annotations, { source: { ...base.source, sha256: 'b'.repeat(64) } }), sidecar([...base.annotations, tag('thrs0001', 60)]));
    assert.equal(result.conflicts, 0);
    assert.ok(result.text.includes('a'.repeat(64)) && !result.text.includes('b'.repeat(64)));
    assert.equal(result.notes.length, 1);
  });

  it('merges relations (and any other top-level list of id-keyed entries) by id, and marks only their conflicting entries', () => {
    const relation = (id: string, label: string) => ({ id, type: 'employs', from: 'base0001', to: 'base0002', extra: { label } });
    const withRelations = (relations: Relation[], score: number) => sidecar(base.annotations, { relations, extra: { score } });
    const common = withRelations([relation('r1', 'x'), relation('r2', 'x')], 1);
    const clean = merged(common, withRelations([relation('r1', 'x'), relation('r2', 'x'), relation('r3', 'o')], 2), withRelations([relation('r2', 'x'), relation('r4', 't')], 1));
    assert.equal(clean.conflicts, 0);
    const read = parseSidecar(clean.text, 'clean');
    assert.ok(read.ok);
    assert.deepEqual(
      (read.sidecar.relations ?? []).map((item) => item.id),
      ['r2', 'r3', 'r4'],
    );
    assert.equal(read.sidecar.extra?.['score'], 2);

    const conflicted = merged(common, withRelations([relation('r1', 'ours'), relation('r2', 'x')], 1), withRelations([relation('r1', 'theirs'), relation('r2', 'x'), relation('r5', 't')], 1));
    assert.equal(conflicted.conflicts, 1);
    assert.ok(
      conflicted.text.includes(
        'relations:\n<<<<<<< ours\n  - {from: "base0001", id: "r1", label: "ours", to: "base0002", type: "employs"}\n=======\n  - {from: "base0001", id: "r1", label: "theirs", to: "base0002", type: "employs"}\n>>>>>>> theirs\n  - {from: "base0001", id: "r2"',
      ),
      conflicted.text,
    );
    assert.ok(conflicted.text.includes('id: "r5"'));
    // Keeping theirs: the list, in block style, reads back and is written canonically again.
    const resolved = conflicted.text.replace(/<<<<<<< ours\n.*\n=======\n(.*\n)>>>>>>> theirs\n/, '$1');
    const reread = parseSidecar(resolved, 'resolved');
    assert.ok(reread.ok && reread.writable, resolved);
    assert.deepEqual((reread.sidecar.relations ?? []).map((item) => item.extra?.['label']), ['theirs', 'x', 't']);
  });

  it('merges suggestions by id: a rejection on one side and a new suggestion on the other are both kept', () => {
    const suggestion = (id: string, start: number, rejected?: true): Suggestion => ({ id, type: 'PERSON', start, end: start + 5, text: 'Petro', source: 'tags', score: 1, ...(rejected ? { rejected } : {}) });
    const common = sidecar(base.annotations, { suggestions: [suggestion('s1', 10), suggestion('s2', 20)] });
    const ours = sidecar(base.annotations, { suggestions: [suggestion('s1', 10, true), suggestion('s2', 20)] });
    const theirs = sidecar(base.annotations, { suggestions: [suggestion('s1', 10), suggestion('s2', 20), suggestion('s3', 30)] });
    const result = merged(common, ours, theirs);
    assert.equal(result.conflicts, 0);
    const read = parseSidecar(result.text, 'merged');
    assert.ok(read.ok);
    assert.deepEqual((read.sidecar.suggestions ?? []).map((item) => `${item.id}${item.rejected ? ' rejected' : ''}`), ['s1 rejected', 's2', 's3']);
  });

  it('merges two sidecars created on both sides (no common version)', () => {
    const result = merged(undefined, sidecar([tag('ours0001', 0)]), sidecar([tag('thrs0001', 10)]));
    assert.equal(result.conflicts, 0);
    assert.equal(result.text, serializeSidecar(sidecar([tag('ours0001', 0), tag('thrs0001', 10)])));
  });

  it('refuses a version it cannot fully read (conflict markers, YAML errors, an id used twice)', () => {
    const good = serializeSidecar(base);
    const withMarkers = good.replace('annotations:\n', 'annotations:\n<<<<<<< HEAD\n=======\n>>>>>>> other\n');
    assert.match(reason(mergeSidecarText(good, withMarkers, good)), /^ours: line 6: /);
    assert.match(reason(mergeSidecarText(good, good, 'not: [a sidecar')), /^theirs: /);
    assert.match(reason(mergeSidecarText(serializeSidecar(sidecar([tag('same', 0), tag('same', 10)])), good, good)), /^base: line 7: the id "same" is used twice/);
  });

  it('keeps CRLF when ours was checked out with CRLF', () => {
    const result = mergeSidecarText(serializeSidecar(base), serializeSidecar(base, 'crlf'), serializeSidecar(sidecar([...base.annotations, tag('thrs0001', 60)])));
    assert.ok(result.kind === 'merged' && result.text === serializeSidecar(sidecar([...base.annotations, tag('thrs0001', 60)]), 'crlf'));
  });

  describe('properties', () => {
    const annotation = fc.record({
      id: fc.stringMatching(/^[a-z2-7]{8}$/),
      type: fc.constantFrom('PERSON', 'ORG'),
      start: fc.nat(50),
      note: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
    }).map(({ id, type, start, note }): Annotation => ({ id, type, start, end: start + 2, text: 'ab', ...(note === undefined ? {} : { note }) }));
    const version = fc.record({
      annotations: fc.uniqueArray(annotation, { selector: (item) => item.id, maxLength: 6 }),
      status: fc.constantFrom<SidecarStatus>('untouched', 'in-progress', 'done'),
    });
    // Sides share some of the base's entries, so both additions and removals occur.
    const scenario = fc.tuple(version, version, version, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([base, ours, theirs, keepOurs, keepTheirs]) => {
      const share = (side: typeof ours, keep: boolean[]) => {
        const kept = base.annotations.filter((_, index) => keep[index]);
        const ids = new Set(kept.map((item) => item.id));
        return sidecar([...kept, ...side.annotations.filter((item) => !ids.has(item.id))], { status: side.status });
      };
      return { base: sidecar(base.annotations, { status: base.status }), ours: share(ours, keepOurs), theirs: share(theirs, keepTheirs) };
    });

    it('merging with base == ours gives theirs in canonical form', () => {
      fc.assert(
        fc.property(scenario, ({ base: common, theirs }) => {
          const result = merged(common, common, theirs);
          assert.equal(result.conflicts, 0);
          assert.equal(result.text, serializeSidecar(theirs));
        }),
      );
    });

    it('the conflict writer gives the canonical text when there is no conflict', () => {
      fc.assert(
        fc.property(scenario, ({ base: common, ours, theirs }) => {
          const merge = mergeSidecars(common, ours, theirs);
          fc.pre(merge.conflicts === 0);
          assert.equal(renderMerge(merge), serializeSidecar(merge.sidecar));
        }),
      );
    });

    it('a clean merge parses, has no id twice and holds every addition', () => {
      fc.assert(
        fc.property(scenario, ({ base: common, ours, theirs }) => {
          const result = merged(common, ours, theirs);
          const read = parseSidecar(result.text, 'merged');
          if (result.conflicts > 0) {
            assert.ok(!read.ok);
            return;
          }
          assert.ok(read.ok && read.canonical);
          const ids = read.sidecar.annotations.map((item) => item.id);
          assert.equal(new Set(ids).size, ids.length);
          const baseIds = new Set(common.annotations.map((item) => item.id));
          const spans = new Set(read.sidecar.annotations.map((item) => `${item.start}:${item.type}`));
          for (const added of [...ours.annotations, ...theirs.annotations].filter((item) => !baseIds.has(item.id))) assert.ok(spans.has(`${added.start}:${added.type}`));
        }),
      );
    });
  });
});

function reason(result: ReturnType<typeof mergeSidecarText>): string {
  return result.kind === 'unreadable' ? result.reason : 'merged';
}
