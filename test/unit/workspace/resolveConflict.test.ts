import assert from 'node:assert/strict';
import { tagSpans } from '../../../src/core/editing/tagActions';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { sha256Hex } from '../../../src/core/text/decodeText';
import { AnnotationWorkspace } from '../../../src/workspace/annotationWorkspace';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { hunkedFile, sidecarOf } from '../conflict/conflictTestSupport';

const textPath = 'corpus/article.txt';
const sidecarPath = `${textPath}.ann.yaml`;
const text = 'Gustavo Petro spoke in Bogotá with Sofia.\n';
const sha256 = sha256Hex(new TextEncoder().encode(text));

const petro = { id: 'ours0001', type: 'PERSON', start: 8, end: 13, text: 'Petro' };
const bogota = { id: 'thrs0001', type: 'LOCATION', start: 23, end: 29, text: 'Bogotá' };
const sofia = { id: 'thrs0002', type: 'PERSON', start: 35, end: 40, text: 'Sofia' };
const ours = serializeSidecar(sidecarOf([petro], 'in-progress', sha256));
const theirs = serializeSidecar(sidecarOf([bogota, sofia], 'in-progress', sha256));
const conflicted = hunkedFile(ours, theirs);

function setup() {
  const files = new MemoryFileSystem({ [textPath]: text, [sidecarPath]: conflicted });
  const workspace = new AnnotationWorkspace(files);
  const told: string[] = [];
  workspace.onDidChangeFiles((paths) => told.push(...paths));
  return { files, workspace, told };
}

function ids(files: MemoryFileSystem): string[] {
  const parsed = parseSidecar(files.readText(sidecarPath) ?? '', 'x');
  assert.ok(parsed.ok, files.readText(sidecarPath));
  return parsed.sidecar.annotations.map((annotation) => annotation.id);
}

describe('AnnotationWorkspace.resolveConflict: a conflicted sidecar through the one write path', () => {
  it('the store refuses the conflicted file; keep both writes it canonical, tells the listeners, and loads again', async () => {
    const { files, workspace, told } = setup();
    const before = await workspace.load(textPath);
    assert.ok(!before.ok && before.problems[0].code === 'conflict-markers');
    const outcome = await workspace.resolveConflict(textPath, conflicted, 'both');
    assert.deepEqual(outcome, { ok: true, remaining: 0, written: true, problems: [] });
    assert.deepEqual(ids(files), ['ours0001', 'thrs0001', 'thrs0002']);
    assert.equal(files.readText(sidecarPath), serializeSidecar(sidecarOf([petro, bogota, sofia], 'in-progress', sha256)));
    assert.deepEqual(told, [textPath]);
    const after = await workspace.load(textPath);
    assert.ok(after.ok && after.writable);
    assert.equal(after.sidecar.annotations.length, 3);
  });

  it('is one undo step: undo puts the conflicted text back, redo applies the resolution again', async () => {
    const { files, workspace, told } = setup();
    await workspace.resolveConflict(textPath, conflicted, 'theirs', 'Keep theirs');
    const resolved = files.readText(sidecarPath);
    assert.deepEqual(ids(files), ['thrs0001', 'thrs0002']);
    const undone = await workspace.undo();
    assert.equal(undone?.entry.label, 'Keep theirs');
    assert.deepEqual(undone?.outcome.failures, []);
    assert.equal(files.readText(sidecarPath), conflicted);
    assert.equal(workspace.history.canUndo, false);
    await workspace.redo();
    assert.equal(files.readText(sidecarPath), resolved);
    assert.deepEqual(told, [textPath, textPath, textPath]);
  });

  it('resolving one hunk of several leaves the others conflicted, and that too is undone', async () => {
    const { files, workspace } = setup();
    const many = hunkedFile(serializeSidecar(sidecarOf([petro], 'done', sha256)), theirs);
    files.writeFile(sidecarPath, many);
    const outcome = await workspace.resolveConflict(textPath, many, new Map([[0, 'ours']]));
    assert.ok(outcome.ok && outcome.remaining > 0);
    assert.ok((files.readText(sidecarPath) ?? '').includes('<<<<<<<'));
    await workspace.undo();
    assert.equal(files.readText(sidecarPath), many);
  });

  it('refuses, writing nothing, when the file changed since the person looked', async () => {
    const { files, workspace, told } = setup();
    const outcome = await workspace.resolveConflict(textPath, conflicted.replace('ours0001', 'ours0009'), 'ours');
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'sidecar-changed');
    assert.equal(files.readText(sidecarPath), conflicted);
    assert.equal(workspace.history.canUndo, false);
    assert.deepEqual(told, []);
  });

  it('undo leaves alone a sidecar changed after the resolution (a later tag), and says so', async () => {
    const { files, workspace } = setup();
    await workspace.resolveConflict(textPath, conflicted, 'ours');
    // Another window tags meanwhile: its own history, so ours still undoes the resolution.
    const other = new AnnotationWorkspace(files);
    await other.edit('Tag Bogotá', [{ textPath, factory: (sidecar, index) => tagSpans(sidecar, index, [{ start: 23, end: 29 }], { type: 'LOCATION', annotator: 'x' }) }]);
    const tagged = files.readText(sidecarPath);
    const undone = await workspace.undo();
    assert.equal(undone?.outcome.failures[0]?.code, 'sidecar-changed');
    assert.equal(files.readText(sidecarPath), tagged);
  });

  it('takes the write lock: waits for another writer holding it', async () => {
    const { files, workspace } = setup();
    const held = await files.lock(sidecarPath);
    assert.ok(held.ok);
    let done = false;
    const pending = workspace.resolveConflict(textPath, conflicted, 'ours').then((outcome) => {
      done = true;
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(done, false, 'written while another writer held the lock');
    await held.release();
    assert.ok((await pending).ok);
  });
});
