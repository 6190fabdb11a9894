// Search Tags over the corpus index (see docs/search.md).
export { TagSearch, type SearchOptions } from './tagSearch';
export type { MatchKind, SearchResult } from './expandGroups';
export { parseQuery, type ParsedQuery } from './parseQuery';
export { FuzzyMatcher, defaultCandidates, type Match, type MatchOptions } from './fuzzyMatcher';
export { NgramIndex, gramsOf, type Candidate, type NarrowOptions } from './ngramIndex';
