// The corpus index behind the Corpus and Tags views and search (see docs/search.md).
export { CorpusIndex, type CorpusSummary, type Mention, type TypeTotal } from './corpusIndex';
export { summaryOf, type FileSummary, type IndexChange } from './indexChange';
export { fileState, fileStates, snippetContext, type FileMeta, type FileState } from './fileRecord';
export { entryFromLoad, entryFromSidecar, untaggedEntry, unreadableEntry, type EntryOptions, type FileStamp, type IndexAnnotation, type IndexEntry } from './indexEntry';
export { IndexCache, indexCacheFormat, indexCacheVersion, racyWindowMs, serializeIndexCache } from './indexCache';
export type { IndexListener } from './indexListener';
export { LineIndex, lineOf } from './lineOf';
export { collapseWhitespace, entityKey, foldForSearch, normaliseSurface, parseEntityKey } from './normalise';
export { folderSummaries, type FolderSummary } from './folderSummaries';
export { TagsTree, type EntitySummary, type Page, type PageOptions, type TagSort } from './tagsTree';
export { compareTreePaths } from './treeOrder';
