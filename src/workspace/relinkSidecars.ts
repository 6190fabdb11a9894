/**
 * Sidecars left behind when their text was renamed or moved where News Annotator could not see it
 * (`git mv`, a shell, a teammate's commit, another editor). Each sidecar records the SHA-256 of the
 * text it was written for, so its text is found by content among the texts that have no sidecar,
 * and the sidecar is moved beside it, byte for byte.
 *
 * Only a match that is one to one moves: a text found under two names (copies), or two sidecars
 * written for the same text, are reported for a person to settle, as is a text edited after the
 * move (its hash no longer matches). A sidecar is never put over another one, and a move copies
 * before it deletes, so a crash leaves the sidecar twice, never nowhere.
 */
import { mapConcurrent } from '../core/corpus/mapConcurrent';
import { problem, type Problem } from '../core/problem';
import { parseSidecar } from '../core/sidecar/parseSidecar';
import { sidecarSuffix } from '../core/sidecar/sidecarPath';
import type { FileSystem, LockResult } from '../core/store/fileSystem';
import { sha256Hex } from '../core/text/sha256';
import { decodeStrictUtf8 } from '../core/text/strictUtf8';

/** A sidecar to move from `from` to `to`, beside `text`, whose bytes hash to `sha256`. */
export interface SidecarMove {
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly sha256: string;
}

export interface RelinkPlan {
  readonly moves: readonly SidecarMove[];
  /** Sidecars without a text that stay where they are, and why (one warning each). */
  readonly problems: readonly Problem[];
}

export interface RelinkCorpus {
  /** Corpus texts, relative to the root. */
  readonly files: readonly string[];
  /** Every sidecar below the root. */
  readonly sidecars: readonly string[];
  readonly fileSystem: FileSystem;
}

/** Texts read at once while hashing: enough to keep the disk busy, few file handles. */
const readsInFlight = 16;

/** The moves that would reattach every left-behind sidecar whose text can be told for certain. */
export async function planRelink(corpus: RelinkCorpus, onProgress?: (done: number, total: number) => void): Promise<RelinkPlan> {
  const texts = new Set(corpus.files);
  const left = corpus.sidecars.filter((sidecar) => !texts.has(sidecar.slice(0, -sidecarSuffix.length)));
  if (left.length === 0) return { moves: [], problems: [] };
  const problems: Problem[] = [];
  const recorded = new Map<string, string>();
  for (const sidecar of left) {
    const hash = await recordedHash(corpus.fileSystem, sidecar);
    if (typeof hash === 'string') recorded.set(sidecar, hash);
    else problems.push(hash);
  }
  // Only texts without a sidecar can be where a sidecar belongs; only they are read.
  const sidecars = new Set(corpus.sidecars);
  const candidates = corpus.files.filter((file) => !sidecars.has(file + sidecarSuffix));
  const wanted = new Set(recorded.values());
  const hashes = await mapConcurrent(candidates, readsInFlight, (file) => contentHash(corpus.fileSystem, file), onProgress);
  const textsByHash = new Map<string, string[]>();
  candidates.forEach((file, index) => {
    const hash = hashes[index];
    if (hash === undefined || !wanted.has(hash)) return;
    textsByHash.set(hash, [...(textsByHash.get(hash) ?? []), file]);
  });
  const sidecarsByHash = new Map<string, string[]>();
  for (const [sidecar, hash] of recorded) sidecarsByHash.set(hash, [...(sidecarsByHash.get(hash) ?? []), sidecar]);

  const moves: SidecarMove[] = [];
  for (const [sidecar, hash] of recorded) {
    const found = textsByHash.get(hash) ?? [];
    const rivals = sidecarsByHash.get(hash)!;
    const warn = (message: string) => problems.push(problem('sidecar-without-text', message, sidecar, 1, 1, 'warning'));
    if (found.length === 0) {
      warn(`No text without a sidecar holds what this sidecar was written for (SHA-256 ${hash.slice(0, 12)}…). If its text was renamed and then changed, rename the sidecar by hand to the text's name + ${sidecarSuffix}.`);
    } else if (rivals.length > 1) {
      warn(`${rivals.length} sidecars (${rivals.join(', ')}) were written for the same text, found as ${found.join(', ')}; rename the right one by hand.`);
    } else if (found.length > 1) {
      warn(`Its text is found under ${found.length} names (${found.join(', ')}); rename this sidecar by hand beside the right one.`);
    } else {
      moves.push({ from: sidecar, to: found[0] + sidecarSuffix, text: found[0], sha256: hash });
    }
  }
  moves.sort((left, right) => (left.from < right.from ? -1 : left.from > right.from ? 1 : 0));
  return { moves, problems };
}

/**
 * Carries out `moves`, each under the write locks of both sidecar paths, after checking again
 * that nothing changed since the plan: the old sidecar still there, no sidecar at the new name,
 * the text still the one the sidecar was written for. The moves made, and a problem for each not made.
 */
export async function relinkSidecars(fileSystem: FileSystem, moves: readonly SidecarMove[]): Promise<{ moved: SidecarMove[]; problems: Problem[] }> {
  const moved: SidecarMove[] = [];
  const problems: Problem[] = [];
  for (const move of moves) {
    const outcome = await moveUnderLocks(fileSystem, move);
    if (outcome === undefined) moved.push(move);
    else problems.push(problem('sidecar-not-written', `Not moved to ${move.to}: ${outcome}`, move.from));
  }
  return { moved, problems };
}

/** Undefined when moved, else why not. */
async function moveUnderLocks(fileSystem: FileSystem, move: SidecarMove): Promise<string | undefined> {
  // Always in the same order, so two runs moving crossing pairs cannot wait on each other.
  const paths = [move.from, move.to].sort();
  const held: Extract<LockResult, { ok: true }>[] = [];
  try {
    for (const path of paths) {
      const lock = await fileSystem.lock(path);
      if (!lock.ok) return `another writer (${lock.holder}) holds ${path}. Try again.`;
      held.push(lock);
    }
    if ((await fileSystem.stat(move.to)) !== undefined) return `${move.to} exists already; nothing was put over it.`;
    if ((await contentHash(fileSystem, move.text)) !== move.sha256) return `${move.text} changed since it was matched. Run again.`;
    const bytes = await fileSystem.readFile(move.from);
    if (bytes === undefined) return 'the sidecar is gone.';
    // Copy, then delete: stopped in between, the sidecar is in both places and nothing is lost.
    await fileSystem.writeFileAtomic(move.to, bytes);
    await fileSystem.removeFile(move.from);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    for (const lock of held.reverse()) await lock.release().catch(() => undefined);
  }
}

/** The text hash a sidecar recorded, or why it cannot be known. */
async function recordedHash(fileSystem: FileSystem, sidecar: string): Promise<string | Problem> {
  const unusable = (why: string) => problem('sidecar-without-text', `Its text cannot be looked for: ${why}`, sidecar, 1, 1, 'warning');
  let bytes: Uint8Array | undefined;
  try {
    bytes = await fileSystem.readFile(sidecar);
  } catch (error) {
    return unusable(error instanceof Error ? error.message : String(error));
  }
  const content = bytes === undefined ? undefined : decodeStrictUtf8(bytes);
  if (content === undefined) return unusable(bytes === undefined ? 'the sidecar is gone.' : 'the sidecar is not UTF-8 (see validate).');
  const parsed = parseSidecar(content, sidecar);
  if (!parsed.ok) return unusable('the sidecar cannot be read (see validate).');
  return parsed.sidecar.source.sha256.toLowerCase();
}

/** The SHA-256 of a text's bytes, or undefined when it cannot be read (validate reports those). */
async function contentHash(fileSystem: FileSystem, file: string): Promise<string | undefined> {
  try {
    const bytes = await fileSystem.readFile(file);
    return bytes === undefined ? undefined : sha256Hex(bytes);
  } catch {
    return undefined;
  }
}
