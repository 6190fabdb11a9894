/** The sidecar format: model, reader, canonical writer and checks (see docs/sidecar-format.md). */
export * from './model';
export { sidecarPathFor, textPathFor, isSidecarPath, baseName, sidecarSuffix } from './sidecarPath';
export { newAnnotationId, isCanonicalAnnotationId, type RandomBytes } from './annotationId';
export { parseSidecar, type ParseResult, type ParsedSidecar, type UnreadableSidecar, type ParseOptions } from './parseSidecar';
export { serializeSidecar, serializeAnnotation, compareAnnotations, sortAnnotations } from './serializeSidecar';
export { validateSidecar, fieldPosition } from './validateSidecar';
export { createSidecar, newAnnotation, isoSeconds, type NewAnnotationFields } from './createSidecar';
export { findConflictMarkers, maximumDepth, defaultMaximumSize, defaultMaximumYamlSize } from './safetyChecks';
