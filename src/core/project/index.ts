// The corpus project file: what is corpus text, and which entity types annotators choose from.
export { createCorpusMatcher, isCorpusFile, type CorpusMatcher } from './corpusMatcher';
export { maxProjectFileBytes, maxProjectNesting, parseProjectFile, type ParsedProject } from './parseProjectFile';
export {
  defaultExclude,
  defaultInclude,
  defaultProjectConfig,
  projectFileName,
  sidecarSuffix,
  type AttributeDeclaration,
  type EntityType,
  type ProjectConfig,
  type RelationType,
  type ThemeColor,
} from './projectConfig';
export type { ProjectProblemCode } from './projectReader';
export { typeNamePattern } from './readEntityTypes';
