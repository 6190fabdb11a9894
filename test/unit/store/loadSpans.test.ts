/**
 * `SidecarStore.loadSpans` (what `suggest` reads of each file) against `load`: the same text,
 * the same answer on whether the file can be read and written, the same spans of tags and
 * suggestions, for canonical sidecars, damaged ones, missing ones and bytes that are not UTF-8.
 */
import fc from 'fast-check';
import assert from 'node:assert/strict';
import type { Span } from '../../../src/core/sidecar/readSpans';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { sidecarArbitrary } from '../sidecar/sidecarTestSupport';

const textPath = 'corpus/article.txt';
const sidecarPath = `${textPath}.ann.yaml`;
const span = ({ type, start, end }: Span): Span => ({ type, start, end });

const sidecarBytes = fc.oneof(
  sidecarArbitrary.map((sidecar) => serializeSidecar(sidecar)),
  fc.tuple(sidecarArbitrary, fc.nat(), fc.constantFrom('"', '\\', '\n', ' ', '0', '}', '<<<<<<< ours\n', '\ud800')).map(([sidecar, at, character]) => {
    const content = serializeSidecar(sidecar);
    const where = at % content.length;
    return content.slice(0, where) + character + content.slice(where + 1);
  }),
  fc.constant(new Uint8Array([0x61, 0x6e, 0xff, 0xfe, 0x0a])),
  fc.constant(null),
);

describe('SidecarStore.loadSpans', () => {
  it('answers as load does: text, readable and writable, the spans of tags and suggestions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(sidecarBytes, fc.string({ maxLength: 40 }), async (content, text) => {
        const files = new MemoryFileSystem({ [textPath]: text });
        if (content !== null) files.writeFile(sidecarPath, content);
        const store = new SidecarStore(files, { knownTypes: new Set(['PERSON']) });
        const quick = await store.loadSpans(textPath);
        const full = await store.load(textPath);
        assert.equal(quick.ok, full.ok);
        if (!quick.ok || !full.ok) return;
        assert.equal(quick.text, full.decoded.text);
        assert.equal(quick.writable, full.writable);
        if (!full.writable) return;
        assert.deepEqual(quick.annotations.map(span), full.sidecar.annotations.map(span));
        assert.deepEqual(quick.suggestions.map(span), (full.sidecar.suggestions ?? []).map(span));
      }),
      { numRuns: 300 },
    );
  });

  it('fails as load does when the text is missing', async () => {
    const store = new SidecarStore(new MemoryFileSystem({}));
    const quick = await store.loadSpans(textPath);
    assert.equal(quick.ok, false);
    assert.deepEqual(quick.ok ? [] : quick.problems.map((item) => item.code), ['text-missing']);
  });
});
