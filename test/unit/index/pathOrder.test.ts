import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PathOrder } from '../../../src/core/index/pathOrder';
import { compareTreePaths } from '../../../src/core/index/treeOrder';

/** A PathOrder over paths and their ids, as CorpusIndex keeps one over its files (ids are never reused here). */
function orderOver(files: Map<string, number>): PathOrder {
  return new PathOrder(
    () => files.keys(),
    (path) => files.get(path)!,
    () => Math.max(-1, ...files.values()) + 1,
  );
}

const pathArbitrary = fc.tuple(fc.constantFrom('', 'a/', 'b/', 'a/c/', 'Z/'), fc.constantFrom('x', 'y', 'file', 'File', 'f10', 'f9', 'é', '中'), fc.nat(30)).map(([folder, name, number]) => `${folder}${name}${number}.txt`);
const step = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), path: pathArbitrary }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('read' as const) }),
);

describe('PathOrder (the Corpus view order, kept up to date)', () => {
  it('always answers the paths in view order, whatever the adds, removes and reads in between (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const files = new Map<string, number>();
        const order = orderOver(files);
        let nextId = 0;
        for (const action of steps) {
          if (action.kind === 'add') {
            if (files.has(action.path)) continue;
            files.set(action.path, nextId++);
            order.insert(action.path);
          } else if (action.kind === 'remove') {
            const paths = [...files.keys()];
            if (paths.length === 0) continue;
            const path = paths[action.pick % paths.length];
            files.delete(path);
            order.remove(path);
          } else {
            assert.deepEqual(order.paths(), [...files.keys()].sort(compareTreePaths));
          }
        }
        const expected = [...files.keys()].sort(compareTreePaths);
        assert.deepEqual(order.paths(), expected);
        expected.forEach((path, position) => assert.equal(order.rank(files.get(path)!), position, path));
      }),
      { numRuns: 1_000 },
    );
  });
});
