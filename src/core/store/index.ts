/** Loading and saving sidecars through a `FileSystem` (see sidecarStore.ts). */
export { SidecarStore } from './sidecarStore';
export type { LoadedSidecar, LoadResult, SidecarChange, SidecarStoreOptions, StoreFailure, UpdatedSidecar, UpdateResult } from './sidecarStore';
export { defaultLockStaleMs, defaultLockWaitMs, type FileStatus, type FileSystem, type FileVersion, type LockOptions, type LockResult } from './fileSystem';
export { KeyedMutex, type Release } from './keyedMutex';
export { anchorAnnotations, applyAnchors, holdsText, refreshSidecar } from './anchorAnnotations';
