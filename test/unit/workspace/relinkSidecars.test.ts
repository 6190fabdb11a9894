import assert from 'node:assert/strict';
import { createSidecar } from '../../../src/core/sidecar/createSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { decodeText } from '../../../src/core/text/decodeText';
import { planRelink, relinkSidecars } from '../../../src/workspace/relinkSidecars';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const encode = (text: string) => new TextEncoder().encode(text);

/** A sidecar written for `text` when it was called `name`. */
function sidecarFor(name: string, text: string): string {
  return serializeSidecar({ ...createSidecar(name, decodeText(encode(text))), status: 'in-progress' });
}

const article = 'Lagos, 3 May. The port reopened on Monday.\n';
const other = 'Nairobi, 4 May. Talks resumed.\n';

/** A corpus where `old.txt` was renamed to `new.txt` with its sidecar left behind, as the listing sees it. */
function renamedCorpus(): { fileSystem: MemoryFileSystem; files: string[]; sidecars: string[] } {
  const fileSystem = new MemoryFileSystem({ 'new.txt': article, 'old.txt.ann.yaml': sidecarFor('old.txt', article), 'kept.txt': other, 'kept.txt.ann.yaml': sidecarFor('kept.txt', other) });
  return { fileSystem, files: ['kept.txt', 'new.txt'], sidecars: ['kept.txt.ann.yaml', 'old.txt.ann.yaml'] };
}

describe('relinkSidecars', () => {
  it('plans one move per left-behind sidecar whose text is found once, reading only texts without a sidecar', async () => {
    const corpus = renamedCorpus();
    const plan = await planRelink(corpus);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.moves.map(({ from, to, text }) => ({ from, to, text })),
      [{ from: 'old.txt.ann.yaml', to: 'new.txt.ann.yaml', text: 'new.txt' }],
    );
    const read = corpus.fileSystem.log.filter((entry) => entry.operation === 'readFile').map((entry) => entry.path);
    assert.deepEqual(read.sort(), ['new.txt', 'old.txt.ann.yaml'], 'kept.txt has its sidecar and is not read');
  });

  it('reads nothing when every sidecar has its text', async () => {
    const fileSystem = new MemoryFileSystem({ 'a.txt': article, 'a.txt.ann.yaml': sidecarFor('a.txt', article) });
    const plan = await planRelink({ fileSystem, files: ['a.txt'], sidecars: ['a.txt.ann.yaml'] });
    assert.deepEqual(plan, { moves: [], problems: [] });
    assert.deepEqual(fileSystem.log, []);
  });

  it('moves the bytes, then deletes the old sidecar', async () => {
    const corpus = renamedCorpus();
    const bytes = corpus.fileSystem.readText('old.txt.ann.yaml');
    const done = await relinkSidecars(corpus.fileSystem, (await planRelink(corpus)).moves);
    assert.deepEqual(done.problems, []);
    assert.equal(done.moved.length, 1);
    assert.equal(corpus.fileSystem.readText('new.txt.ann.yaml'), bytes);
    assert.equal(corpus.fileSystem.readText('old.txt.ann.yaml'), undefined);
  });

  it('puts nothing over a sidecar made at the new name after the plan', async () => {
    const corpus = renamedCorpus();
    const plan = await planRelink(corpus);
    corpus.fileSystem.writeFile('new.txt.ann.yaml', 'someone else\n');
    const done = await relinkSidecars(corpus.fileSystem, plan.moves);
    assert.deepEqual(done.moved, []);
    assert.match(done.problems[0].message, /new\.txt\.ann\.yaml exists already; nothing was put over it/);
    assert.equal(corpus.fileSystem.readText('new.txt.ann.yaml'), 'someone else\n');
    assert.ok(corpus.fileSystem.readText('old.txt.ann.yaml') !== undefined, 'the left-behind sidecar stays');
  });

  it('does not move when the text changed after the plan', async () => {
    const corpus = renamedCorpus();
    const plan = await planRelink(corpus);
    corpus.fileSystem.writeFile('new.txt', `Update. ${article}`);
    const done = await relinkSidecars(corpus.fileSystem, plan.moves);
    assert.deepEqual(done.moved, []);
    assert.match(done.problems[0].message, /new\.txt changed since it was matched/);
    assert.equal(corpus.fileSystem.readText('new.txt.ann.yaml'), undefined);
  });

  it('loses nothing when stopped between the copy and the delete', async () => {
    const corpus = renamedCorpus();
    const bytes = corpus.fileSystem.readText('old.txt.ann.yaml');
    const plan = await planRelink(corpus);
    corpus.fileSystem.beforeOperation = (operation) => {
      if (operation === 'removeFile') throw new Error('the process was stopped');
    };
    const done = await relinkSidecars(corpus.fileSystem, plan.moves);
    assert.deepEqual(done.moved, []);
    assert.equal(corpus.fileSystem.readText('new.txt.ann.yaml'), bytes);
    assert.equal(corpus.fileSystem.readText('old.txt.ann.yaml'), bytes, 'the sidecar is in both places, not in neither');
  });

  it('leaves two sidecars written for the same text for a person to choose', async () => {
    const fileSystem = new MemoryFileSystem({ 'c.txt': article, 'a.txt.ann.yaml': sidecarFor('a.txt', article), 'b.txt.ann.yaml': sidecarFor('b.txt', article) });
    const plan = await planRelink({ fileSystem, files: ['c.txt'], sidecars: ['a.txt.ann.yaml', 'b.txt.ann.yaml'] });
    assert.deepEqual(plan.moves, []);
    assert.deepEqual(
      plan.problems.map((item) => [item.file, item.severity]),
      [
        ['a.txt.ann.yaml', 'warning'],
        ['b.txt.ann.yaml', 'warning'],
      ],
    );
    assert.match(plan.problems[0].message, /2 sidecars \(a\.txt\.ann\.yaml, b\.txt\.ann\.yaml\) were written for the same text, found as c\.txt/);
  });

  it('says why when a left-behind sidecar cannot be read', async () => {
    const fileSystem = new MemoryFileSystem({ 'new.txt': article, 'old.txt.ann.yaml': 'annotations: [unclosed\n', 'bytes.txt.ann.yaml': new Uint8Array([0xff, 0xfe, 0x00]) });
    const plan = await planRelink({ fileSystem, files: ['new.txt'], sidecars: ['bytes.txt.ann.yaml', 'old.txt.ann.yaml'] });
    assert.deepEqual(plan.moves, []);
    assert.deepEqual(
      plan.problems.map((item) => `${item.file}: ${item.message}`),
      ['bytes.txt.ann.yaml: Its text cannot be looked for: the sidecar is not UTF-8 (see validate).', 'old.txt.ann.yaml: Its text cannot be looked for: the sidecar cannot be read (see validate).'],
    );
  });
});
