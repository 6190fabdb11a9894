/**
 * The suggestion entry lives in the sidecar model (it is part of the file format); the suggest
 * code takes it from here.
 */
export type { Suggestion } from '../sidecar/model';
export { suggestionKeyOrder } from '../sidecar/model';
export { compareSuggestions } from '../sidecar/serializeSidecar';
