import * as vscode from 'vscode';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { FolderIndex } from '../index/corpusIndexService';
import type { MentionTarget } from '../tags/revealMention';
import { pathOfUri } from '../uriPaths';

/** One relation as the Tags view and Search Tags list it: its type and both ends. */
export interface RelationEntry {
  readonly id: string;
  readonly type: string;
  readonly file: string;
  readonly source: MentionTarget & { readonly type: string };
  readonly target: { readonly text: string; readonly type: string } | undefined;
}

/** Relations per type in a folder, from the index's per-file counts (no file is read). */
export function relationTypeTotals(folderIndex: FolderIndex): Map<string, number> {
  const totals = new Map<string, number>();
  for (const file of folderIndex.index.files()) {
    for (const [type, count] of Object.entries(file.relationTypes ?? {})) totals.set(type, (totals.get(type) ?? 0) + count);
  }
  return new Map([...totals].sort(([left, leftCount], [right, rightCount]) => rightCount - leftCount || left.localeCompare(right)));
}

/** The relation types whose name contains the query (case folded); none for an empty query. */
export function matchingRelationTypes(folderIndex: FolderIndex, query: string): [string, number][] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  return [...relationTypeTotals(folderIndex)].filter(([type]) => type.toLowerCase().includes(wanted));
}

/** The relations of one type, read from the sidecars of the files the index counts them in (at most `limit`). */
export async function relationsOfType(workspace: AnnotationWorkspace, folderIndex: FolderIndex, type: string, limit = 500): Promise<RelationEntry[]> {
  const entries: RelationEntry[] = [];
  for (const file of folderIndex.index.files()) {
    if (entries.length >= limit) break;
    if (!file.relationTypes?.[type]) continue;
    const uri = vscode.Uri.joinPath(folderIndex.folder.uri, file.path);
    const loaded = await workspace.load(pathOfUri(uri));
    if (!loaded.ok) continue;
    const byId = new Map(loaded.sidecar.annotations.map((annotation) => [annotation.id, annotation]));
    for (const relation of loaded.sidecar.relations ?? []) {
      const source = byId.get(relation.from);
      if (relation.type !== type || !source) continue;
      const target = byId.get(relation.to);
      entries.push({
        id: relation.id,
        type,
        file: file.path,
        source: { uri, start: source.start, end: source.end, id: source.id, text: source.text, type: source.type },
        target: target && { text: target.text, type: target.type },
      });
    }
  }
  return entries.slice(0, limit);
}

/** `Lucía Ferrán Osorio → Zhou Mingyuan`, each end on one line and isolated. */
export function relationLabel(entry: RelationEntry): string {
  const end = (text: string) => isolateRightToLeft(printable(text.replace(/\s+/g, ' ')));
  return `${end(entry.source.text)} → ${entry.target ? end(entry.target.text) : '?'}`;
}
