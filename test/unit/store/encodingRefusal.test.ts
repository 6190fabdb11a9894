import assert from 'node:assert/strict';
import { tagSpans } from '../../../src/core/editing/tagActions';
import { applyChange } from '../../../src/core/editing/annotationChange';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

describe('the store never writes offsets into a text that is not UTF-8', () => {
  it('refuses with where the first bad byte is and the iconv line, and writes nothing', async () => {
    // "Bogotá" in Latin-1: the byte 0xE1 is not UTF-8.
    const files = new MemoryFileSystem({ 'nota.txt': Uint8Array.from(Buffer.from('Alcaldía de Bogot\xe1.\n', 'latin1')) });
    const store = new SidecarStore(files);
    const result = await store.update('nota.txt', (sidecar, text) => applyChange(sidecar, tagSpans(sidecar, text, [{ start: 0, end: 8 }], { type: 'ORG' })));
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.problems[0]?.code === 'text-encoding');
    assert.match(result.ok ? '' : result.problems[0].message, /iconv -f ISO-8859-1 -t UTF-8/);
    assert.equal(files.readText('nota.txt.ann.yaml'), undefined);
  });
});
