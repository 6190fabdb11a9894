/** Loading and saving sidecars through a `FileSystem` (see sidecarStore.ts). */
export { SidecarStore } from './sidecarStore';
export type { LoadedSidecar, LoadResult, SidecarChange, SidecarStoreOptions, StoreFailure, UpdatedSidecar, UpdateResult } from './sidecarStore';
export { sameVersion, type FileSystem, type FileVersion } from './fileSystem';
export { MemoryFileSystem, type FileOperation } from './memoryFileSystem';
export { anchorAnnotations, applyAnchors, holdsText, refreshSidecar } from './anchorAnnotations';
