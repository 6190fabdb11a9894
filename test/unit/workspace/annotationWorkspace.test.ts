import assert from 'node:assert/strict';
import { fileStatus } from '../../../src/core/corpus/fileStatus';
import { removeAnnotations, tagSpans } from '../../../src/core/editing/tagActions';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { AnnotationWorkspace } from '../../../src/workspace/annotationWorkspace';
import type { FileEdit } from '../../../src/workspace/fileEdit';

const first = 'corpus/first.txt';
const second = 'corpus/second.txt';
const text = 'Gustavo Petro spoke in Bogotá.\nPetro left.\n';

function setup(types?: readonly string[]) {
  const files = new MemoryFileSystem({ [first]: text, [second]: `Intro line.\n${text}` });
  const workspace = new AnnotationWorkspace(files, { knownTypes: () => (types ? new Set(types) : undefined) });
  const told: string[] = [];
  workspace.onDidChangeFiles((paths) => told.push(...paths));
  return { files, workspace, told };
}

/** Tags every occurrence of `query` as `type` (what Tag All does in one file). */
function tagAll(textPath: string, query: string, type: string): FileEdit {
  return {
    textPath,
    factory: (sidecar, index) => {
      const spans: { start: number; end: number }[] = [];
      const characters = [...index.text];
      const wanted = [...query];
      for (let at = 0; at + wanted.length <= characters.length; at++) {
        if (characters.slice(at, at + wanted.length).join('') === query) spans.push({ start: at, end: at + wanted.length });
      }
      return tagSpans(sidecar, index, spans, { type, annotator: 'test' });
    },
  };
}

function annotationsOn(files: MemoryFileSystem, textPath: string): { type: string; text: string; start: number }[] {
  const content = files.readText(`${textPath}.ann.yaml`);
  if (content === undefined) return [];
  const parsed = parseSidecar(content, 'x');
  assert.ok(parsed.ok);
  return parsed.sidecar.annotations.map((annotation) => ({ type: annotation.type, text: annotation.text, start: annotation.start }));
}

function statusOn(files: MemoryFileSystem, textPath: string): string | undefined {
  const parsed = parseSidecar(files.readText(`${textPath}.ann.yaml`) ?? '', 'x');
  return parsed.ok ? parsed.sidecar.status : undefined;
}

describe('AnnotationWorkspace: the one write path', () => {
  it('changes several files as one undo step, and undo/redo revert and repeat all of them', async () => {
    const { files, workspace, told } = setup();
    const outcome = await workspace.edit('Tag all Petro', [tagAll(first, 'Petro', 'PERSON'), tagAll(second, 'Petro', 'PERSON')]);
    assert.equal(outcome.added, 4);
    assert.deepEqual([...outcome.changes.keys()], [first, second]);
    assert.deepEqual(told, [first, second]);
    assert.equal(annotationsOn(files, second).length, 2);

    const undone = await workspace.undo();
    assert.equal(undone?.entry.label, 'Tag all Petro');
    assert.deepEqual(annotationsOn(files, first), []);
    assert.deepEqual(annotationsOn(files, second), []);
    assert.equal(workspace.history.canUndo, false);

    await workspace.redo();
    assert.deepEqual(
      annotationsOn(files, first).map((item) => item.start),
      [8, 31],
    );
    assert.equal(annotationsOn(files, second).length, 2);
  });

  it('writes several files at once when asked, still one undo step in the order of the edits', async () => {
    const many = Array.from({ length: 30 }, (_, index) => `corpus/many-${index}.txt`);
    const files = new MemoryFileSystem(Object.fromEntries(many.map((textPath) => [textPath, text])));
    const workspace = new AnnotationWorkspace(files);
    const reported: number[] = [];
    const outcome = await workspace.edit('Tag all Petro', many.map((textPath) => tagAll(textPath, 'Petro', 'PERSON')), { report: (done) => reported.push(done), isCancelled: () => false }, { concurrency: 8 });
    assert.equal(outcome.added, 60);
    assert.deepEqual([...outcome.changes.keys()], many);
    assert.deepEqual([...reported].sort((left, right) => left - right), many.map((_, index) => index));
    for (const textPath of many) assert.equal(annotationsOn(files, textPath).length, 2);
    await workspace.undo();
    for (const textPath of many) assert.deepEqual(annotationsOn(files, textPath), []);
  });

  it('undo removes only what the action added, keeping a tag another writer added meanwhile', async () => {
    const { files, workspace } = setup();
    await workspace.edit('Tag Petro', [tagAll(first, 'Gustavo Petro', 'PERSON')]);
    const other = new AnnotationWorkspace(files);
    await other.edit('Tag Bogotá', [tagAll(first, 'Bogotá', 'LOCATION')]);
    await workspace.undo();
    assert.deepEqual(annotationsOn(files, first), [{ type: 'LOCATION', text: 'Bogotá', start: 23 }]);
  });

  it('records nothing and leaves the file byte for byte when a sidecar cannot be read', async () => {
    const { files, workspace } = setup();
    const conflicted = '<<<<<<< HEAD\nformat: news-annotator/1\n=======\n>>>>>>> other\n';
    files.writeFile(`${first}.ann.yaml`, conflicted);
    const outcome = await workspace.edit('Tag', [tagAll(first, 'Petro', 'PERSON')]);
    assert.equal(outcome.failures.length, 1);
    assert.equal(files.readText(`${first}.ann.yaml`), conflicted);
    assert.equal(workspace.history.canUndo, false);
  });

  it('stops a long action when cancelled; what was done stays one undo step', async () => {
    const { files, workspace } = setup();
    let calls = 0;
    const outcome = await workspace.edit('Tag all', [tagAll(first, 'Petro', 'PERSON'), tagAll(second, 'Petro', 'PERSON')], {
      report: () => undefined,
      isCancelled: () => calls++ > 0,
    });
    assert.equal(outcome.cancelled, true);
    assert.equal(annotationsOn(files, first).length, 2);
    assert.deepEqual(annotationsOn(files, second), []);
    await workspace.undo();
    assert.deepEqual(annotationsOn(files, first), []);
  });

  it('reports unknown entity types when built with the project types (as validate does)', async () => {
    const { workspace } = setup(['PERSON']);
    await workspace.edit('Tag', [tagAll(first, 'Bogotá', 'PLACE')]);
    const loaded = await workspace.load(first);
    assert.ok(loaded.ok);
    assert.deepEqual(
      loaded.problems.map((item) => item.code),
      ['unknown-entity-type'],
    );
  });
});

describe('undo removes the sidecars an action created', () => {
  it('leaves no empty sidecar behind, keeps sidecars that existed before, and redo brings them back', async () => {
    const { files, workspace } = setup();
    await workspace.edit('Tag Petro', [tagAll(first, 'Gustavo Petro', 'PERSON')]);
    await workspace.edit('Tag all Bogotá', [tagAll(first, 'Bogotá', 'LOCATION'), tagAll(second, 'Bogotá', 'LOCATION')]);
    assert.ok(files.readText(`${second}.ann.yaml`) !== undefined);
    await workspace.undo();
    assert.equal(files.readText(`${second}.ann.yaml`), undefined, 'the sidecar Tag All created is gone');
    assert.deepEqual(annotationsOn(files, first), [{ type: 'PERSON', text: 'Gustavo Petro', start: 0 }]);
    await workspace.redo();
    assert.deepEqual(annotationsOn(files, second), [{ type: 'LOCATION', text: 'Bogotá', start: 35 }]);
  });

  it('keeps a created sidecar when someone else tagged in it meanwhile', async () => {
    const { files, workspace } = setup();
    await workspace.edit('Tag all Bogotá', [tagAll(second, 'Bogotá', 'LOCATION')]);
    await new AnnotationWorkspace(files).edit('Tag Petro', [tagAll(second, 'Gustavo Petro', 'PERSON')]);
    await workspace.undo();
    assert.deepEqual(annotationsOn(files, second), [{ type: 'PERSON', text: 'Gustavo Petro', start: 12 }]);
  });
});

describe('one status everywhere', () => {
  it('defines untouched, in progress and done', () => {
    assert.equal(fileStatus('untouched', 0), 'untouched');
    assert.equal(fileStatus('untouched', 3), 'in-progress');
    assert.equal(fileStatus('in-progress', 0), 'in-progress');
    assert.equal(fileStatus('done', 0), 'done');
    assert.equal(fileStatus('done', 5), 'done');
  });

  it('writes the status the definition gives: tagging, marking done, undoing', async () => {
    const { files, workspace } = setup();
    await workspace.edit('Tag', [tagAll(first, 'Petro', 'PERSON')]);
    assert.equal(statusOn(files, first), 'in-progress');
    const done = await workspace.setStatus(first, 'done');
    assert.ok(done.ok);
    assert.equal(statusOn(files, first), 'done');
    await workspace.undo();
    assert.deepEqual(annotationsOn(files, first), []);
    assert.equal(statusOn(files, first), 'done');
    await workspace.setStatus(first, 'untouched');
    assert.equal(statusOn(files, first), 'untouched');
    await workspace.edit('Remove nothing', [{ textPath: first, factory: (sidecar) => removeAnnotations(sidecar, new Set()) }]);
    assert.equal(statusOn(files, first), 'untouched');
  });
});

describe('settling re-anchored offsets', () => {
  it('writes the offsets where the tags are now and the new hash, once, and tells the listeners', async () => {
    const { files, workspace, told } = setup();
    await workspace.edit('Tag', [tagAll(first, 'Gustavo Petro', 'PERSON')]);
    files.writeFile(first, `A new first line.\n${text}`);
    told.length = 0;
    const settled = await workspace.settle(first);
    assert.equal(settled?.written, true);
    assert.deepEqual(settled.unexplained, []);
    assert.deepEqual(annotationsOn(files, first), [{ type: 'PERSON', text: 'Gustavo Petro', start: 18 }]);
    const loaded = await workspace.load(first);
    assert.ok(loaded.ok);
    assert.equal(loaded.sidecar.source.sha256, loaded.decoded.sha256);
    assert.deepEqual(told, [first]);
    assert.equal(await workspace.settle(first), undefined);
  });

  it('leaves a sidecar that already matches its text alone', async () => {
    const { files, workspace } = setup();
    await workspace.edit('Tag', [tagAll(first, 'Petro', 'PERSON')]);
    const before = files.readText(`${first}.ann.yaml`);
    assert.equal(await workspace.settle(first), undefined);
    assert.equal(files.readText(`${first}.ann.yaml`), before);
  });
});
