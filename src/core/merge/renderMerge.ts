/**
 * Writes a merged sidecar in the canonical layout, with git's conflict markers around exactly the
 * lines both sides changed differently: one annotation entry, the `source` line, one unknown
 * field. A top-level list other than `annotations` that has conflicts is written one entry per
 * line (block style) so the markers can sit around single entries; the next save writes it back
 * in the canonical layout.
 */
import { formatKey, formatValue, compareText } from '../sidecar/flowValue';
import type { Annotation, LineEnding } from '../sidecar/model';
import { compareAnnotations, entryIndent, formatSource, headerComment, serializeAnnotation } from '../sidecar/serializeSidecar';
import { recordAnnotation, type SidecarMerge } from './mergeSidecars';
import type { MergedItem, MergeEntry } from './threeWayMerge';

export interface ConflictMarkers {
  /** Length of each marker (`<<<<<<<` is 7, git's default; git passes its own as %L). */
  readonly size: number;
  readonly oursLabel: string;
  readonly theirsLabel: string;
}

export const defaultMarkers: ConflictMarkers = { size: 7, oursLabel: 'ours', theirsLabel: 'theirs' };

export function renderMerge(merge: SidecarMerge, lineEnding: LineEnding = 'lf', markers: ConflictMarkers = defaultMarkers): string {
  const { sidecar } = merge;
  const lines: string[] = [headerComment(sidecar.source.file)];
  const block = (ours: string[], theirs: string[]) => {
    lines.push(`${'<'.repeat(markers.size)} ${markers.oursLabel}`, ...ours, '='.repeat(markers.size), ...theirs, `${'>'.repeat(markers.size)} ${markers.theirsLabel}`);
  };
  const formatLine = (format: string) => `format: ${/^[a-z0-9-]+\/[0-9]+$/.test(format) ? format : formatValue(format)}`;

  if (merge.formatConflict === undefined) lines.push(formatLine(sidecar.format));
  else block([formatLine(merge.formatConflict.ours)], [formatLine(merge.formatConflict.theirs)]);
  if (merge.sourceConflict === undefined) lines.push(`source: ${formatSource(sidecar)}`);
  else block([`source: ${formatSource({ source: merge.sourceConflict.ours })}`], [`source: ${formatSource({ source: merge.sourceConflict.theirs })}`]);
  lines.push(`status: ${formatValue(sidecar.status)}`);

  const extra = sidecar.extra ?? {};
  const keys = [...new Set([...Object.keys(extra), ...merge.extraConflicts.keys()])].sort(compareText);
  for (const key of keys) {
    const conflict = merge.extraConflicts.get(key);
    const valueLine = (value: unknown) => (value === undefined ? [] : [`${formatKey(key)}: ${formatValue(value)}`]);
    if (conflict === undefined) {
      lines.push(...valueLine(extra[key]));
    } else if (conflict.kind === 'value') {
      block(valueLine(conflict.ours), valueLine(conflict.theirs));
    } else {
      lines.push(`${formatKey(key)}:`);
      itemLines(conflict.items, (entry) => entryIndent + formatValue(entry), lines, block);
    }
  }

  const annotations = [...merge.annotationItems].sort((left, right) => compareAnnotations(sortKey(left), sortKey(right)));
  if (annotations.length === 0) lines.push('annotations: []');
  else {
    lines.push('annotations:');
    itemLines(annotations, (entry) => entryIndent + serializeAnnotation(recordAnnotation(entry)), lines, block);
  }
  const newline = lineEnding === 'crlf' ? '\r\n' : '\n';
  return lines.join(newline) + newline;
}

function itemLines(items: readonly MergedItem[], line: (entry: MergeEntry) => string, lines: string[], block: (ours: string[], theirs: string[]) => void): void {
  const optional = (entry: MergeEntry | undefined) => (entry === undefined ? [] : [line(entry)]);
  for (const item of items) {
    if (item.kind === 'entry') lines.push(line(item.entry));
    else block(optional(item.ours), optional(item.theirs));
  }
}

/** Where an item goes among the sorted annotations: a conflict where ours' version (else theirs') would be. */
function sortKey(item: MergedItem): Annotation {
  const entry = item.kind === 'entry' ? item.entry : (item.ours ?? item.theirs)!;
  return recordAnnotation(entry);
}
