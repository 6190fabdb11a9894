import fc from 'fast-check';
import assert from 'node:assert/strict';
import { isIdList, mergeEntryLists, mergeValue, sameValue, type MergedItem, type MergeEntry } from '../../../src/core/merge/threeWayMerge';

const spanGroup = { fieldGroups: [['start', 'end', 'text']] };

function entries(items: readonly MergedItem[]): MergeEntry[] {
  return items.flatMap((item) => (item.kind === 'entry' ? [item.entry] : []));
}

function byId(list: readonly MergeEntry[]): Map<string, MergeEntry> {
  return new Map(list.map((entry) => [entry['id'] as string, entry]));
}

function assertSameEntries(actual: readonly MergeEntry[], expected: readonly MergeEntry[]): void {
  const left = byId(actual);
  const right = byId(expected);
  assert.deepEqual([...left.keys()].sort(), [...right.keys()].sort());
  for (const [id, entry] of left) assert.ok(sameValue(entry, right.get(id)), `entry ${id}: ${JSON.stringify(entry)} vs ${JSON.stringify(right.get(id))}`);
}

const entry = (id: string, start: number, extra: Record<string, unknown> = {}): MergeEntry => ({ id, type: 'PERSON', start, end: start + 3, text: 'abc', ...extra });

describe('three-way merge of id-keyed lists', () => {
  it('keeps additions from both sides and removes what one side removed and the other kept', () => {
    const base = [entry('a', 0), entry('b', 10)];
    const ours = [entry('a', 0), entry('o', 5)];
    const theirs = [entry('a', 0), entry('b', 10), entry('t', 7)];
    const merged = mergeEntryLists(base, ours, theirs);
    assert.equal(merged.conflicts, 0);
    assertSameEntries(entries(merged.items), [entry('a', 0), entry('o', 5), entry('t', 7)]);
  });

  it('merges an entry changed on both sides field by field, and the span as one unit', () => {
    const base = [entry('a', 0)];
    const merged = mergeEntryLists(base, [entry('a', 0, { note: 'ours' })], [entry('a', 0, { type: 'ORG' })], spanGroup);
    assert.equal(merged.conflicts, 0);
    assertSameEntries(entries(merged.items), [entry('a', 0, { note: 'ours', type: 'ORG' })]);
    // Ours moved the start, theirs the end: one span each, so the span conflicts.
    const moved = mergeEntryLists(base, [{ ...entry('a', 0), start: 1, text: 'bc' }], [{ ...entry('a', 0), end: 4, text: 'abcd' }], spanGroup);
    assert.equal(moved.conflicts, 1);
  });

  it('conflicts on an entry removed on one side and changed on the other, and on one changed differently', () => {
    const base = [entry('a', 0), entry('b', 10)];
    const ours = [entry('a', 0, { note: 'mine' }), entry('b', 10, { note: 'x' })];
    const theirs = [entry('b', 10, { note: 'y' }), entry('t', 20)];
    const merged = mergeEntryLists(base, ours, theirs);
    assert.equal(merged.conflicts, 2);
    const conflicts = merged.items.filter((item) => item.kind === 'conflict');
    assert.deepEqual(
      conflicts.map((item) => [item.ours?.['id'] ?? null, item.theirs?.['id'] ?? null]),
      [
        ['a', null],
        ['b', 'b'],
      ],
    );
    assertSameEntries(entries(merged.items), [entry('t', 20)]);
  });

  it('joins two additions of the same thing (same key) into one with ours\' id and provenance', () => {
    const options = { additionKey: (item: MergeEntry) => `${String(item['start'])}:${String(item['type'])}`, provenanceKeys: ['id', 'annotator'] };
    const merged = mergeEntryLists([], [entry('o', 0, { annotator: 'ana' })], [entry('t', 0, { annotator: 'ben', note: 'n' })], options);
    assert.equal(merged.conflicts, 0);
    assert.deepEqual(entries(merged.items), [entry('o', 0, { annotator: 'ana', note: 'n' })]);
    const clash = mergeEntryLists([], [entry('o', 0, { note: 'one' })], [entry('t', 0, { note: 'two' })], options);
    assert.equal(clash.conflicts, 1);
  });

  it('single values follow the same rule, absence included', () => {
    assert.deepEqual(mergeValue('a', 'a', 'b'), { ok: true, value: 'b' });
    assert.deepEqual(mergeValue('a', undefined, 'a'), { ok: true, value: undefined });
    assert.deepEqual(mergeValue('a', 'b', 'c'), { ok: false });
    assert.deepEqual(mergeValue(undefined, 'b', 'b'), { ok: true, value: 'b' });
  });

  it('recognises id-keyed lists', () => {
    assert.ok(isIdList([]));
    assert.ok(isIdList([{ id: 'a' }, { id: 'b', x: 1 }]));
    assert.ok(!isIdList([{ id: 'a' }, { id: 'a' }]));
    assert.ok(!isIdList([{ id: 1 }]));
    assert.ok(!isIdList(['a']));
    assert.ok(!isIdList({ id: 'a' }));
  });

  describe('properties', () => {
    // A base list, and each side made from it by removing, changing and adding entries.
    const baseList = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^b[a-z]{1,3}$/), start: fc.nat(30), note: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }) }), {
      selector: (item) => item.id,
      maxLength: 8,
    });
    const edit = (prefix: string) =>
      fc.record({
        removed: fc.array(fc.nat(), { maxLength: 3 }),
        changed: fc.array(fc.tuple(fc.nat(), fc.constantFrom('PERSON', 'ORG', 'PLACE')), { maxLength: 3 }),
        added: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/).map((id) => prefix + id), { maxLength: 3 }),
      });
    type Edit = { removed: number[]; changed: Array<[number, string]>; added: string[] };
    const build = (raw: ReadonlyArray<{ id: string; start: number; note: string | undefined }>) => raw.map((item) => entry(item.id, item.start, item.note === undefined ? {} : { note: item.note }));
    const apply = (base: MergeEntry[], change: Edit): MergeEntry[] => {
      let list = base.filter((_, index) => !change.removed.some((removed) => base.length > 0 && removed % base.length === index));
      list = list.map((item, index) => {
        const hit = change.changed.find(([at]) => at % Math.max(list.length, 1) === index);
        return hit === undefined ? item : { ...item, type: hit[1] };
      });
      return [...list, ...change.added.map((id, index) => entry(id, 40 + index))];
    };
    const scenario = fc.tuple(baseList, edit('o'), edit('t')).map(([raw, ours, theirs]) => {
      const base = build(raw);
      return { base, ours: apply(base, ours), theirs: apply(base, theirs) };
    });

    it('merging with base == ours gives theirs, and with base == theirs gives ours', () => {
      fc.assert(
        fc.property(scenario, ({ base, ours, theirs }) => {
          const taken = mergeEntryLists(base, base, theirs, spanGroup);
          assert.equal(taken.conflicts, 0);
          assertSameEntries(entries(taken.items), theirs);
          const kept = mergeEntryLists(base, ours, base, spanGroup);
          assert.equal(kept.conflicts, 0);
          assertSameEntries(entries(kept.items), ours);
        }),
      );
    });

    it('is symmetric: swapping the sides gives the same entries and the same conflicts', () => {
      fc.assert(
        fc.property(scenario, ({ base, ours, theirs }) => {
          const forward = mergeEntryLists(base, ours, theirs, spanGroup);
          const backward = mergeEntryLists(base, theirs, ours, spanGroup);
          assert.equal(forward.conflicts, backward.conflicts);
          assertSameEntries(entries(forward.items), entries(backward.items));
          const conflictIds = (items: readonly MergedItem[]) =>
            items.flatMap((item) => (item.kind === 'conflict' ? [String((item.ours ?? item.theirs)!['id'])] : [])).sort();
          assert.deepEqual(conflictIds(forward.items), conflictIds(backward.items));
        }),
      );
    });

    it('is idempotent: the same change on both sides is that change, and merging a clean result again changes nothing', () => {
      fc.assert(
        fc.property(scenario, ({ base, ours, theirs }) => {
          const same = mergeEntryLists(base, ours, ours, spanGroup);
          assert.equal(same.conflicts, 0);
          assertSameEntries(entries(same.items), ours);
          const merged = mergeEntryLists(base, ours, theirs, spanGroup);
          fc.pre(merged.conflicts === 0);
          const again = mergeEntryLists(base, entries(merged.items), theirs, spanGroup);
          assert.equal(again.conflicts, 0);
          assertSameEntries(entries(again.items), entries(merged.items));
        }),
      );
    });

    it('keeps every addition of either side exactly once', () => {
      fc.assert(
        fc.property(scenario, ({ base, ours, theirs }) => {
          const merged = mergeEntryLists(base, ours, theirs, spanGroup);
          const ids = entries(merged.items).map((item) => item['id']);
          assert.equal(new Set(ids).size, ids.length);
          const baseIds = new Set(base.map((item) => item['id']));
          for (const added of [...ours, ...theirs].filter((item) => !baseIds.has(item['id']))) assert.ok(ids.includes(added['id']), `addition ${String(added['id'])} kept`);
        }),
      );
    });
  });
});
