import type { Fragment } from '../sidecar/model';
import type { LiveAnnotation } from './liveAnnotations';

/**
 * The pieces of a tag where the editor shows it now. The editor tracks a discontinuous span by
 * its outer bounds; while those only moved (same length) every fragment moved with them, so the
 * stored fragments shifted are right. After an edit inside the bounds the pieces are unknown
 * until the sidecar is written again, and the outer bounds are drawn as one piece.
 */
export function livePieces(item: LiveAnnotation): readonly Fragment[] {
  const { annotation } = item;
  if (annotation.fragments === undefined || item.end - item.start !== annotation.end - annotation.start) return [[item.start, item.end]];
  const shift = item.start - annotation.start;
  return annotation.fragments.map(([start, end]): Fragment => [start + shift, end + shift]);
}
