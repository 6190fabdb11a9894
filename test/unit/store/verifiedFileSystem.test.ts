import assert from 'node:assert/strict';
import { tagSpans } from '../../../src/core/editing/tagActions';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { VerifiedFileSystem, type PlainFiles } from '../../../src/core/store/verifiedFileSystem';
import { AnnotationWorkspace } from '../../../src/workspace/annotationWorkspace';
import type { FileEdit } from '../../../src/workspace/fileEdit';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Whole files in memory, as `workspace.fs` offers them: no rename, no locks. Hooks play other writers. */
class PlainMemory implements PlainFiles {
  readonly files = new Map<string, { data: Uint8Array; mtimeMs: number }>();
  private clock = 1_700_000_000_000;
  beforeRead: ((path: string) => void) | undefined;
  afterWrite: ((path: string) => void) | undefined;
  /** What the next write stores instead of what it was given (a lost or mangled write). */
  mangle: ((data: Uint8Array) => Uint8Array) | undefined;

  put(path: string, text: string): void {
    this.files.set(path, { data: encoder.encode(text), mtimeMs: (this.clock += 1000) });
  }

  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file && decoder.decode(file.data);
  }

  stat(path: string) {
    const file = this.files.get(path);
    return Promise.resolve(file && { size: file.data.length, mtimeMs: file.mtimeMs, isFile: true, readOnly: false });
  }

  read(path: string) {
    this.beforeRead?.(path);
    return Promise.resolve(this.files.get(path)?.data.slice());
  }

  write(path: string, data: Uint8Array) {
    this.files.set(path, { data: this.mangle ? this.mangle(data) : data.slice(), mtimeMs: (this.clock += 1000) });
    this.afterWrite?.(path);
    return Promise.resolve();
  }

  remove(path: string) {
    this.files.delete(path);
    return Promise.resolve();
  }
}

const textPath = 'corpus/valparaiso.txt';
const text = 'Gabriel Boric met Amaru Quispe-Llanos in Valparaíso.\n';

function tag(query: string, type: string): FileEdit {
  return {
    textPath,
    factory: (sidecar, index) => {
      const start = Array.from(index.text).join('').indexOf(query);
      const at = Array.from(index.text.slice(0, start)).length;
      return tagSpans(sidecar, index, [{ start: at, end: at + Array.from(query).length }], { type, annotator: 'test' });
    },
  };
}

function tagsIn(files: PlainMemory): string[] {
  const parsed = parseSidecar(files.text(`${textPath}.ann.yaml`) ?? '', 'x');
  assert.ok(parsed.ok);
  return parsed.sidecar.annotations.map((annotation) => `${annotation.type} ${annotation.text}`).sort();
}

describe('VerifiedFileSystem (the browser build over workspace.fs)', () => {
  it('reads back every write, and throws when the file does not hold what was written', async () => {
    const plain = new PlainMemory();
    const files = new VerifiedFileSystem(plain);
    await files.writeFileAtomic('a.yaml', encoder.encode('one'));
    assert.equal(plain.text('a.yaml'), 'one');
    plain.mangle = (data) => data.subarray(0, 1);
    await assert.rejects(files.writeFileAtomic('a.yaml', encoder.encode('two')), /a\.yaml does not hold what was just written/);
    plain.mangle = undefined;
    // Another writer in between: the read-back sees their bytes, and says so.
    plain.afterWrite = (path) => plain.put(path, 'theirs');
    await assert.rejects(files.writeFileAtomic('a.yaml', encoder.encode('mine')), /changed meanwhile/);
  });

  it('gives a read the status of the very bytes it returns, reading again when the file changed under it', async () => {
    const plain = new PlainMemory();
    plain.put('a.yaml', 'old');
    let changes = 1;
    plain.beforeRead = (path) => {
      if (changes-- > 0) plain.put(path, 'newer bytes');
    };
    const read = await new VerifiedFileSystem(plain).readFileWithStatus('a.yaml');
    assert.equal(decoder.decode(read!.data), 'newer bytes');
    assert.deepEqual(read!.status, { size: 11, mtimeMs: plain.files.get('a.yaml')!.mtimeMs });
  });

  it('queues writers of one path in this process, and gives up after the wait asked', async () => {
    const files = new VerifiedFileSystem(new PlainMemory());
    const first = await files.lock('a.yaml');
    assert.ok(first.ok);
    const timedOut = await files.lock('a.yaml', { waitMs: 20 });
    assert.deepEqual(timedOut, { ok: false, holder: 'another change of this file in this window' });
    const waiting = files.lock('a.yaml', { waitMs: 5000 });
    await first.release();
    assert.ok((await waiting).ok);
  });

  it('lets the store tag over it, and never writes over a sidecar another window changed since it was read', async () => {
    const plain = new PlainMemory();
    plain.put(textPath, text);
    const workspace = new AnnotationWorkspace(new VerifiedFileSystem(plain));
    assert.equal((await workspace.edit('tag', [tag('Gabriel Boric', 'PERSON')])).added, 1);
    // Another window tags the same article between this window's read and its write: the store
    // sees the sidecar's version change and starts over from it, keeping both tags.
    const other = new AnnotationWorkspace(new VerifiedFileSystem(plain));
    let interfered = false;
    plain.beforeRead = (path) => {
      if (interfered || !path.endsWith('.ann.yaml')) return;
      interfered = true;
      plain.beforeRead = undefined;
      void other.edit('tag elsewhere', [tag('Valparaíso', 'LOCATION')]);
    };
    const outcome = await workspace.edit('tag', [tag('Amaru Quispe-Llanos', 'PERSON')]);
    assert.deepEqual(outcome.failures, []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(tagsIn(plain), ['LOCATION Valparaíso', 'PERSON Amaru Quispe-Llanos', 'PERSON Gabriel Boric']);
  });
});
