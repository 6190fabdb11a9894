import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore, type SidecarChange } from '../../../src/core/store/sidecarStore';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';

const tagFirstWord: SidecarChange = (sidecar, text) => ({ ...sidecar, annotations: [...sidecar.annotations, newAnnotation(sidecar, text, { type: 'PERSON', start: 0, end: 5 })] });

describe('the sidecar write lock', function () {
  this.timeout(20_000);
  let folder: string;
  let textPath: string;
  let sidecarPath: string;
  let lockPath: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-lock-'));
    textPath = path.join(folder, 'a.txt');
    sidecarPath = `${textPath}.ann.yaml`;
    lockPath = path.join(folder, '.a.txt.ann.yaml.lock');
    writeFileSync(textPath, 'Maria Lopez spoke.\n');
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const lockOf = (pid: number, host = os.hostname(), time = new Date()) => `${JSON.stringify({ pid, host, time: time.toISOString(), token: 'abc' })}\n`;

  it('takes over the lock of a writer that died, and removes its temporary file', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockPath, lockOf(dead));
    writeFileSync(path.join(folder, '.a.txt.ann.yaml.0123456789ab.tmp'), 'half a sidecar');
    const started = Date.now();
    const result = await new SidecarStore(new NodeFileSystem()).update(textPath, tagFirstWord);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.ok(Date.now() - started < 2_000, 'no waiting for a dead writer');
    assert.deepEqual(readdirSync(folder).sort(), ['a.txt', 'a.txt.ann.yaml']);
  });

  it('waits for a living writer, then says who holds the lock and writes nothing', async () => {
    writeFileSync(lockPath, lockOf(process.ppid));
    const store = new SidecarStore(new NodeFileSystem(), { lockWaitMs: 300 });
    const started = Date.now();
    const result = await store.update(textPath, tagFirstWord);
    const waited = Date.now() - started;
    assert.ok(!result.ok);
    assert.equal(result.problems[0].code, 'sidecar-busy');
    assert.match(result.problems[0].message, new RegExp(`process ${process.ppid} on this machine`));
    assert.ok(waited >= 250 && waited < 3_000, `waited ${waited} ms`);
    assert.deepEqual(readdirSync(folder).sort(), ['.a.txt.ann.yaml.lock', 'a.txt'], 'the other writer keeps its lock');
  });

  it('goes ahead as soon as the other writer releases the lock', async () => {
    const files = new NodeFileSystem();
    const held = await files.lock(sidecarPath);
    assert.ok(held.ok);
    const pending = new SidecarStore(new NodeFileSystem()).update(textPath, tagFirstWord);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(readdirSync(folder).includes('a.txt.ann.yaml'), false, 'nothing is written while the lock is held');
    await held.release();
    const result = await pending;
    assert.ok(result.ok);
    assert.deepEqual(readdirSync(folder).sort(), ['a.txt', 'a.txt.ann.yaml']);
  });

  it('takes over a lock older than the stale bound, even from another machine', async () => {
    writeFileSync(lockPath, lockOf(1, 'another-host', new Date(Date.now() - 120_000)));
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(lockPath, old, old);
    const result = await new SidecarStore(new NodeFileSystem(), { lockWaitMs: 5_000 }).update(textPath, tagFirstWord);
    assert.ok(result.ok);
    assert.deepEqual(readdirSync(folder).sort(), ['a.txt', 'a.txt.ann.yaml']);
  });

  it('waits for a fresh lock from another machine (its process cannot be checked)', async () => {
    writeFileSync(lockPath, lockOf(1, 'another-host'));
    const result = await new SidecarStore(new NodeFileSystem(), { lockWaitMs: 100 }).update(textPath, tagFirstWord);
    assert.ok(!result.ok);
    assert.match(result.problems[0].message, /process 1 on another-host/);
  });

  it('takes over an empty lock (a writer killed while creating it) once it is a few seconds old', async () => {
    writeFileSync(lockPath, '');
    const old = (Date.now() - 10_000) / 1000;
    utimesSync(lockPath, old, old);
    const result = await new SidecarStore(new NodeFileSystem(), { lockWaitMs: 1_000 }).update(textPath, tagFirstWord);
    assert.ok(result.ok);
  });

  it('never rewrites a read-only sidecar, and says so', async () => {
    const store = new SidecarStore(new NodeFileSystem());
    assert.ok((await store.update(textPath, tagFirstWord)).ok);
    chmodSync(sidecarPath, 0o444);
    const before = readFileSync(sidecarPath);
    const loaded = await store.load(textPath);
    assert.ok(loaded.ok && loaded.readOnly);
    const result = await store.update(textPath, (sidecar) => ({ ...sidecar, annotations: [] }));
    assert.ok(!result.ok);
    assert.equal(result.problems[0].code, 'sidecar-read-only');
    assert.match(result.problems[0].message, /read-only.*chmod u\+w/);
    assert.deepEqual(readFileSync(sidecarPath), before);
    await assert.rejects(new NodeFileSystem().writeFileAtomic(sidecarPath, new Uint8Array([1])), /read-only/);
    assert.deepEqual(readdirSync(folder).sort(), ['a.txt', 'a.txt.ann.yaml']);
  });

  it('never rewrites a read-only sidecar in memory either', async () => {
    const files = new MemoryFileSystem({ 'a.txt': 'Maria Lopez spoke.\n' });
    const store = new SidecarStore(files);
    assert.ok((await store.update('a.txt', tagFirstWord)).ok);
    files.setReadOnly('a.txt.ann.yaml');
    const before = files.readText('a.txt.ann.yaml');
    const result = await store.update('a.txt', (sidecar) => ({ ...sidecar, annotations: [] }));
    assert.ok(!result.ok);
    assert.equal(result.problems[0].code, 'sidecar-read-only');
    assert.equal(files.readText('a.txt.ann.yaml'), before);
  });

  it('in memory: a second writer waits its turn, and gives up with sidecar-busy after its bound', async () => {
    const files = new MemoryFileSystem({ 'a.txt': 'Maria Lopez spoke.\n' });
    const held = await files.lock('a.txt.ann.yaml');
    assert.ok(held.ok);
    const result = await new SidecarStore(files, { lockWaitMs: 50 }).update('a.txt', tagFirstWord);
    assert.ok(!result.ok);
    assert.equal(result.problems[0].code, 'sidecar-busy');
    await held.release();
    assert.ok((await new SidecarStore(files).update('a.txt', tagFirstWord)).ok);
  });
});
