/**
 * Reads the yaml export back into import documents, so that exporting and importing gives the
 * same sidecars: ids, notes, attributes, links, fragments, relations, annotators, times, unknown fields, status, and the
 * orphaned and fuzzy annotations (added as they are, with their old offsets and context).
 * The corpus must hold the texts: the export names them by path and hash but does not carry them.
 */
import { problem, type Problem } from '../problem';
import { yamlExportFormat } from '../export/yamlExport';
import { isRecord, type Locator, type Report } from '../sidecar/buildSidecar';
import { sidecarStatuses, type Annotation, type SidecarStatus } from '../sidecar/model';
import { readAnnotation, describeValue } from '../sidecar/readAnnotation';
import { readRelation } from '../sidecar/readRelation';
import { readWithYaml } from '../sidecar/yamlPath';
import type { ImportDocument, ImportEntity, ImportRead } from './importTypes';
import { readExportLayout } from './readExportLayout';
import { safeCorpusPath } from './safeCorpusPath';

export function readYamlExport(content: string, file: string): ImportRead {
  const problems: Problem[] = [];
  const fast = readExportLayout(content);
  let root: unknown;
  let locator: Locator;
  if (fast !== undefined) {
    root = fast.root;
    locator = fast.locator;
  } else {
    const read = readWithYaml(content, file);
    if (!read.ok) return { documents: [], problems: read.problems };
    root = read.root;
    locator = read.locator;
  }
  const report: Report = (code, message, where, severity = 'error') => problems.push(problem(code, message, file, where.line, where.column, severity));
  if (!isRecord(root) || root['format'] !== yamlExportFormat) {
    const where = isRecord(root) ? locator.at(root, 'format') : { line: 1, column: 1 };
    report('import-not-an-export', `This is not a News Annotator yaml export ("format: ${yamlExportFormat}").`, where);
    return { documents: [], problems };
  }
  const list = root['documents'];
  if (!Array.isArray(list)) {
    report('invalid-field', `documents must be a list; found ${describeValue(list)}.`, locator.at(root, 'documents'));
    return { documents: [], problems };
  }
  const documents: ImportDocument[] = [];
  list.forEach((item, position) => {
    const where = locator.at(list, position);
    if (!isRecord(item)) {
      report('invalid-field', `Each document must be a mapping with file and annotations; found ${describeValue(item)}.`, where);
      return;
    }
    const at = (key: string) => locator.at(item, key);
    const path = typeof item['file'] === 'string' ? safeCorpusPath(item['file']) : { ok: false as const, message: `file must be a string; found ${describeValue(item['file'])}.` };
    if (!path.ok) {
      report('import-file-name', `${path.message} Document not imported.`, at('file'));
      return;
    }
    const document: ImportDocument = { path: path.path, where: { file, ...at('file') }, entities: [] };
    const status = item['status'];
    if (typeof status === 'string' && (sidecarStatuses as readonly string[]).includes(status)) document.status = status as SidecarStatus;
    else if (status !== undefined) report('invalid-status', `status must be one of ${sidecarStatuses.join(', ')}; found ${describeValue(status)}.`, at('status'), 'warning');
    if (typeof item['sidecar_sha256'] === 'string') document.sidecarSha256 = item['sidecar_sha256'];
    if (isRecord(item['source_extra'])) document.sourceExtra = item['source_extra'];
    if (isRecord(item['extra'])) document.extra = item['extra'];
    for (const key of ['annotations', 'orphaned', 'fuzzy'] as const) {
      const entries = item[key];
      if (entries === undefined) continue;
      if (!Array.isArray(entries)) {
        report('invalid-field', `${key} must be a list; found ${describeValue(entries)}.`, at(key));
        continue;
      }
      entries.forEach((entry, entryIndex) => {
        const entryWhere = locator.at(entries, entryIndex);
        let usable = true;
        const annotation: Annotation | undefined = readAnnotation(entry, entryWhere, locator, (code, message, place, severity) => {
          usable = false;
          report(code, `${message} Not imported.`, place, severity);
        });
        if (annotation === undefined || !usable) return;
        // Relations name annotations by id, which the yaml export keeps.
        const entity: ImportEntity = { annotation, where: { file, ...entryWhere }, key: annotation.id };
        if (key !== 'annotations') entity.unplaced = true;
        document.entities.push(entity);
      });
    }
    const relations = item['relations'];
    if (Array.isArray(relations)) {
      relations.forEach((entry, entryIndex) => {
        const entryWhere = locator.at(relations, entryIndex);
        let usable = true;
        const relation = readRelation(entry, entryWhere, locator, (code, message, place, severity) => {
          usable = false;
          report(code, `${message} Not imported.`, place, severity);
        });
        if (relation !== undefined && usable) (document.relations ??= []).push({ relation, where: { file, ...entryWhere } });
      });
    } else if (relations !== undefined) report('invalid-field', `relations must be a list; found ${describeValue(relations)}.`, at('relations'));
    documents.push(document);
  });
  return { documents, problems };
}
