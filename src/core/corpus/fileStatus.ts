/**
 * The one definition of a file's annotation status, used by the sidecar writer, the status bar,
 * the Corpus view and its filter, `stats` and `export --status`:
 * - done: marked done;
 * - in progress: has tags, or marked in progress;
 * - untouched: no tags and never marked.
 * A sidecar's stored `status` is only the mark; this adds what its tags say.
 */
import type { SidecarStatus } from '../sidecar/model';

export function fileStatus(marked: SidecarStatus, annotationCount: number): SidecarStatus {
  if (marked === 'done') return 'done';
  if (marked === 'in-progress' || annotationCount > 0) return 'in-progress';
  return 'untouched';
}
