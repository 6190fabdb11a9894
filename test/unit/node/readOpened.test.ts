import assert from 'node:assert/strict';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readOpened } from '../../../src/node/readOpened';
import { temporaryFolder } from '../export/exportTestSupport';

/** Bytes 0..length-1 cycling through 251 values, so a misplaced or repeated chunk shows. */
function pattern(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = (index + seed) % 251;
  return bytes;
}

describe('readOpened (reading a file whose size was taken just before)', () => {
  let temporary: { folder: string; remove: () => void };
  beforeEach(() => (temporary = temporaryFolder('read-opened-')));
  afterEach(() => temporary.remove());

  function readWithSize(content: Buffer, size: number): Uint8Array {
    const file = path.join(temporary.folder, 'file.txt');
    writeFileSync(file, content);
    const descriptor = openSync(file, 'r');
    try {
      return readOpened(descriptor, size);
    } finally {
      closeSync(descriptor);
    }
  }

  it('reads a file of the size it was told', () => {
    const content = pattern(5_000, 1);
    assert.deepEqual(Buffer.from(readWithSize(content, content.length)), content);
  });

  it('reads to the end of a file that grew after its size was taken, by a little or by more than one read (the read past the end reuses one buffer)', () => {
    for (const grown of [1, 65_535, 65_536, 200_001]) {
      const content = pattern(1_000 + grown, grown);
      assert.deepEqual(Buffer.from(readWithSize(content, 1_000)), content, `grown by ${grown}`);
    }
  });

  it('stops where a file that shrank ends, and reads an empty file as empty', () => {
    const content = pattern(100, 3);
    assert.deepEqual(Buffer.from(readWithSize(content, 4_096)), content);
    assert.equal(readWithSize(Buffer.alloc(0), 0).length, 0);
  });
});
