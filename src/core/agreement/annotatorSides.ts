/**
 * Two annotators' tags kept in the same sidecars (each annotation names its `annotator`) seen as
 * two sides of a comparison: every document is on both sides, with only that annotator's tags.
 */
import type { Side, SideDocument } from './agreementReport';

/** The annotators named in the documents, sorted; annotations without a name are left out. */
export function annotatorsIn(documents: readonly SideDocument[]): string[] {
  const names = new Set<string>();
  for (const document of documents) for (const annotation of document.annotations) if (annotation.annotator) names.add(annotation.annotator);
  return [...names].sort();
}

/** One annotator's side: every document, with only the tags that annotator made. */
export function annotatorSide(documents: readonly SideDocument[], annotator: string): Side {
  return {
    name: annotator,
    documents: documents.map((document) => ({ ...document, annotations: document.annotations.filter((annotation) => annotation.annotator === annotator) })),
  };
}
