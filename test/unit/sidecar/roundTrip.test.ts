import fc from 'fast-check';
import assert from 'node:assert/strict';
import { buildSidecar } from '../../../src/core/sidecar/buildSidecar';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { canonicalLayout, serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { readWithYaml } from '../../../src/core/sidecar/yamlPath';
import { canonicalOrder, sidecarArbitrary } from './sidecarTestSupport';

describe('sidecar round trip (property)', () => {
  it('parse(serialize(x)) deep-equals x (entries in canonical order), through the fast path', () => {
    fc.assert(
      fc.property(sidecarArbitrary, (sidecar) => {
        const written = serializeSidecar(sidecar);
        const result = parseSidecar(written, 'x.ann.yaml');
        assert.ok(result.ok, JSON.stringify(result.problems));
        assert.deepEqual(result.problems, []);
        assert.equal(result.canonical, true, written);
        assert.deepEqual(result.sidecar, canonicalOrder(sidecar));
      }),
      { numRuns: 300 },
    );
  });

  it('canonicalLayout knows each entry’s line without reading the file back', () => {
    fc.assert(
      fc.property(sidecarArbitrary, (sidecar) => {
        const result = parseSidecar(serializeSidecar(sidecar), 'x.ann.yaml');
        assert.ok(result.ok);
        const layout = canonicalLayout(sidecar);
        assert.deepEqual(layout.sidecar, result.sidecar);
        assert.deepEqual(layout.positions, result.positions);
      }),
      { numRuns: 200 },
    );
  });

  it('serialize(parse(serialize(x))) === serialize(x), for LF and CRLF files', () => {
    fc.assert(
      fc.property(sidecarArbitrary, fc.constantFrom('lf' as const, 'crlf' as const), (sidecar, lineEnding) => {
        const written = serializeSidecar(sidecar, lineEnding);
        const result = parseSidecar(written, 'x.ann.yaml');
        assert.ok(result.ok);
        assert.equal(result.lineEnding, lineEnding);
        assert.equal(serializeSidecar(result.sidecar, result.lineEnding), written);
      }),
      { numRuns: 200 },
    );
  });

  it('the fast path and the yaml reader agree on every canonical file', () => {
    fc.assert(
      fc.property(sidecarArbitrary, (sidecar) => {
        const written = serializeSidecar(sidecar);
        const fast = parseSidecar(written, 'x.ann.yaml');
        const slow = readWithYaml(written, 'x.ann.yaml');
        assert.ok(fast.ok && fast.canonical);
        assert.ok(slow.ok, JSON.stringify(slow.ok ? [] : slow.problems));
        const built = buildSidecar(slow.root, slow.locator, 'x.ann.yaml');
        assert.deepEqual(built.problems, []);
        assert.deepEqual(built.sidecar, fast.sidecar);
        assert.deepEqual(
          built.positions.map((position) => [position.line, position.column]),
          fast.positions.map((position) => [position.line, position.column]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a sidecar re-read through yaml (any edit off the canonical layout) writes back the same bytes', () => {
    fc.assert(
      fc.property(sidecarArbitrary, (sidecar) => {
        const written = serializeSidecar(sidecar);
        // An extra comment line is enough to leave the fast path.
        const edited = written.replace('\nstatus:', '\n# edited by hand\nstatus:');
        const result = parseSidecar(edited, 'x.ann.yaml');
        assert.ok(result.ok && !result.canonical, JSON.stringify(result.problems));
        assert.equal(serializeSidecar(result.sidecar), written);
      }),
      { numRuns: 150 },
    );
  });
});
