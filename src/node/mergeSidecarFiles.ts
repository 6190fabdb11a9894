/**
 * The merge driver on files, as git calls it: reads the three versions, writes the merged sidecar
 * over ours. When a version cannot be read as a sidecar, runs `git merge-file` on the same files
 * instead, so the person gets git's usual line-by-line conflict and nothing is lost.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mergeSidecarText } from '../core/merge/mergeSidecarText';
import { defaultMarkers } from '../core/merge/renderMerge';
import { runGit } from './git';

export interface FileMergeRequest {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
  /** The sidecar's path in the repository (for messages). */
  readonly file?: string;
  readonly markerSize?: number;
}

export type FileMergeOutcome =
  | { readonly kind: 'merged'; readonly conflicts: number; readonly notes: readonly string[] }
  /** A version was not a readable sidecar: git's line merge ran (`clean` when it found no conflict). */
  | { readonly kind: 'line-merge'; readonly reason: string; readonly clean: boolean }
  /** Even the line merge could not run; ours was left as it was. */
  | { readonly kind: 'failed'; readonly reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function mergeSidecarFiles(request: FileMergeRequest): Promise<FileMergeOutcome> {
  const file = request.file ?? request.ours;
  const markers = { ...defaultMarkers, size: request.markerSize ?? defaultMarkers.size };
  const texts = await Promise.all([request.base, request.ours, request.theirs].map(readText));
  const unreadable = texts.findIndex((text) => text === undefined);
  if (unreadable >= 0) return lineMerge(request, markers.size, `${['base', 'ours', 'theirs'][unreadable]}: not UTF-8 text`);
  const [base, ours, theirs] = texts as string[];
  const merged = mergeSidecarText(base, ours, theirs, { markers, file });
  if (merged.kind === 'unreadable') return lineMerge(request, markers.size, merged.reason);
  await writeFile(request.ours, merged.text, 'utf8');
  return { kind: 'merged', conflicts: merged.conflicts, notes: merged.notes };
}

async function readText(file: string): Promise<string | undefined> {
  try {
    // A byte-order mark would be kept by the line merge, so it is no reason to refuse.
    return strictUtf8.decode(await readFile(file));
  } catch {
    return undefined;
  }
}

async function lineMerge(request: FileMergeRequest, markerSize: number, reason: string): Promise<FileMergeOutcome> {
  const result = await runGit(
    ['merge-file', `--marker-size=${markerSize}`, '-L', 'ours', '-L', 'base', '-L', 'theirs', path.resolve(request.ours), path.resolve(request.base), path.resolve(request.theirs)],
    path.dirname(path.resolve(request.ours)),
  );
  // git merge-file exits with the number of conflicts (capped at 127), negative or 255 on errors.
  if (result.code < 0 || result.code >= 128) return { kind: 'failed', reason: `${reason}; git merge-file failed: ${result.stderr.trim()}` };
  return { kind: 'line-merge', reason, clean: result.code === 0 };
}
