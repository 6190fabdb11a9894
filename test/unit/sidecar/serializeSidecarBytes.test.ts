import fc from 'fast-check';
import assert from 'node:assert/strict';
import { serializeSidecar, serializeSidecarBytes } from '../../../src/core/sidecar/serializeSidecar';
import { sidecarArbitrary } from './sidecarTestSupport';

describe('serializeSidecarBytes', () => {
  it('writes exactly the UTF-8 bytes of serializeSidecar, in LF and CRLF, also when lines are reused (property)', () => {
    fc.assert(
      fc.property(sidecarArbitrary, fc.constantFrom('lf' as const, 'crlf' as const), (sidecar, lineEnding) => {
        const expected = new TextEncoder().encode(serializeSidecar(sidecar, lineEnding));
        assert.deepEqual(serializeSidecarBytes(sidecar, lineEnding), expected);
        // A second write reuses each entry's encoded line: still the same bytes.
        assert.deepEqual(serializeSidecarBytes({ ...sidecar, annotations: [...sidecar.annotations].reverse() }, lineEnding), expected);
      }),
      { numRuns: 200 },
    );
  });
});
