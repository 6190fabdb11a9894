import assert from 'node:assert/strict';
import { sidecarFormat, type Sidecar } from '../../../src/core/sidecar/model';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { sha256Hex } from '../../../src/core/text/decodeText';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const textPath = 'corpus/article.txt';

/** "Ana y Ana." with the second Ana tagged (no stored context), then text typed before both. */
function editedCorpus(): { store: SidecarStore; files: MemoryFileSystem } {
  const before = 'Ana y Ana.\n';
  const sidecar: Sidecar = {
    format: sidecarFormat,
    source: { file: 'article.txt', sha256: sha256Hex(new TextEncoder().encode(before)), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations: [{ id: 'aaaaaaaa', type: 'PERSON', start: 6, end: 9, text: 'Ana' }],
  };
  const files = new MemoryFileSystem({ [textPath]: 'Hola. Ana y Ana.\n' });
  files.writeFile(`${textPath}.ann.yaml`, serializeSidecar(sidecar));
  return { store: new SidecarStore(files, { knownTypes: new Set(['PERSON']) }), files };
}

/** Where the change passed to `update` sees the tag. */
async function seenAt(placedAt?: ReadonlyMap<string, readonly [number, number]>): Promise<[number, number]> {
  const { store } = editedCorpus();
  let seen: [number, number] = [-1, -1];
  const result = await store.update(textPath, (sidecar) => {
    seen = [sidecar.annotations[0].start, sidecar.annotations[0].end];
    return sidecar;
  }, placedAt === undefined ? {} : { placedAt });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  return seen;
}

describe('SidecarStore.update with placedAt', () => {
  it('starts anchoring where the editor followed the tag, not at its stored offsets', async () => {
    // Without a place, the stored offset 6 now holds the first "Ana": with no context to tell them
    // apart, the tag lands there. The editor followed the typing and knows it is the second.
    assert.deepEqual(await seenAt(), [6, 9]);
    assert.deepEqual(await seenAt(new Map([['aaaaaaaa', [12, 15]]])), [12, 15]);
  });

  it('ignores a place that does not hold the tag\'s text, and places for other ids', async () => {
    assert.deepEqual(await seenAt(new Map([['aaaaaaaa', [0, 3]]])), [6, 9]);
    assert.deepEqual(await seenAt(new Map([['bbbbbbbb', [12, 15]]])), [6, 9]);
  });
});
