/**
 * The cross-process write lock of one file: `.<name>.lock` beside it, holding the writer's pid,
 * host, start time and a random token, created exclusively (`wx`: exactly one writer can create
 * it). A lock whose process is gone (same host) or that is older than the stale bound was left by a
 * writer that died: it is moved aside and checked, so two writers breaking it at once cannot both
 * win, and the dead writer's temporary files are removed with it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, promises as fs, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockFileOptions {
  waitMs: number;
  staleMs: number;
}

export type LockFileResult = { ok: true; release(): Promise<void> } | { ok: false; holder: string };

interface Holder {
  pid: number;
  host: string;
  time: string;
  token: string;
}

/** `.<name>.lock` beside the file. */
export function lockPathOf(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.lock`);
}

/** `.<name>.<12 hex>.tmp` beside the file: the temporary files of its writers. */
export function temporaryPathOf(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${hex()}.tmp`);
}

export async function acquireLockFile(filePath: string, options: LockFileOptions): Promise<LockFileResult> {
  const lockPath = lockPathOf(filePath);
  const me: Holder = { pid: process.pid, host: os.hostname(), time: new Date().toISOString(), token: hex() };
  const content = `${JSON.stringify(me)}\n`;
  const deadline = Date.now() + options.waitMs;
  let pause = 1;
  let brokeStale = false;
  for (;;) {
    if (await create(lockPath, content)) {
      // A writer that died holding the lock may have left its temporary file: it is ours to remove.
      if (brokeStale) await removeLeftovers(filePath);
      return { ok: true, release: () => release(lockPath, content) };
    }
    const found = await readHolder(lockPath);
    if (found === 'missing') continue;
    if (isStale(found, options.staleMs)) {
      brokeStale = (await breakLock(lockPath, found.raw)) || brokeStale;
      continue;
    }
    if (Date.now() >= deadline) return { ok: false, holder: describeHolder(found.holder) };
    // Short pauses first (a tag holds the lock for milliseconds), with jitter so waiters spread out.
    await sleep(Math.min(pause * (0.5 + Math.random()), Math.max(0, deadline - Date.now())));
    pause = Math.min(pause * 2, 20);
  }
}

/**
 * True when the lock now exists with our content; false when someone else's exists.
 * Synchronous, like release: a few microseconds each, where a promise costs a thread-pool round
 * trip on every tag.
 */
function create(lockPath: string, content: string): Promise<boolean> {
  let descriptor: number;
  try {
    descriptor = openSync(lockPath, 'wx');
  } catch (error) {
    return errorCode(error) === 'EEXIST' ? Promise.resolve(false) : Promise.reject(asError(error));
  }
  try {
    writeSync(descriptor, content);
  } finally {
    closeSync(descriptor);
  }
  return Promise.resolve(true);
}

/** Removes the lock only while it is still ours (it may have been broken as stale meanwhile). */
function release(lockPath: string, content: string): Promise<void> {
  try {
    if (readFileSync(lockPath, 'utf8') === content) rmSync(lockPath, { force: true });
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return Promise.reject(asError(error));
  }
  return Promise.resolve();
}

interface FoundLock {
  raw: string;
  holder: Holder | undefined;
  ageMs: number;
}

async function readHolder(lockPath: string): Promise<FoundLock | 'missing'> {
  try {
    const status = await fs.stat(lockPath);
    const raw = await fs.readFile(lockPath, 'utf8');
    return { raw, holder: parseHolder(raw), ageMs: Date.now() - status.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
}

function parseHolder(raw: string): Holder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<Holder> | null;
    if (typeof value?.pid === 'number' && typeof value.host === 'string' && typeof value.time === 'string' && typeof value.token === 'string') {
      return value as Holder;
    }
  } catch {
    // Not a lock we wrote, or one whose writer died between creating and filling it (or is
    // filling it right now): judged by its age alone.
  }
  return undefined;
}

function isStale(found: FoundLock, staleMs: number): boolean {
  if (found.ageMs > staleMs) return true;
  const holder = found.holder;
  if (holder === undefined) return found.ageMs > Math.min(staleMs, 2_000);
  return holder.host === os.hostname() && !processAlive(holder.pid);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Moves the stale lock aside and checks it is the one judged stale. If another writer broke it
 * first and has taken the lock since, what was moved is that writer's live lock: it goes back.
 * Returns whether we removed the stale lock.
 */
async function breakLock(lockPath: string, staleContent: string): Promise<boolean> {
  const aside = `${lockPath}.${hex()}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  try {
    if ((await fs.readFile(aside, 'utf8')) === staleContent) return true;
    await fs.link(aside, lockPath).catch(() => undefined);
    return false;
  } finally {
    await fs.rm(aside, { force: true });
  }
}

/**
 * What writers of `filePath` that died left: temporary files (`.<name>.<hex>.tmp`) and locks
 * moved aside (`.<name>.lock.<hex>.stale`). Only the lock holder calls this, and
 * only after breaking a stale lock, so no living writer's file is among them.
 */
async function removeLeftovers(filePath: string): Promise<void> {
  const folder = path.dirname(filePath);
  const prefix = `.${path.basename(filePath)}.`;
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    if (/^(?:[0-9a-f]{12}\.tmp|lock\.[0-9a-f]{12}\.stale)$/.test(name.slice(prefix.length))) {
      await fs.rm(path.join(folder, name), { force: true });
    }
  }
}

function describeHolder(holder: Holder | undefined): string {
  if (holder === undefined) return 'another program';
  const where = holder.host === os.hostname() ? 'this machine' : holder.host;
  return `process ${holder.pid} on ${where}, since ${holder.time.replace(/\.\d+Z$/, 'Z')}`;
}

/*
 * Names of temporary files, stale locks set aside, and lock tokens: unique, not secret (files are
 * created exclusively, so a guessed name can only make a write fail, never redirect it). A random
 * tag per process and a counter, instead of new random bytes from the system for each (microseconds
 * on every write, on the thread that writes).
 */
const processTag = randomBytes(4).toString('hex');
let sequence = 0;

/** 12 hex digits: the process's tag, then the counter's last four. */
function hex(): string {
  sequence = (sequence + 1) & 0xffff;
  return processTag + sequence.toString(16).padStart(4, '0');
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What a failed system call threw, as the Error a rejected promise should carry. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
