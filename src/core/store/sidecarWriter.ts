import type { SidecarStore } from './sidecarStore';

/**
 * What writers of sidecars need: load and read-modify-write. The store has it, and so does the
 * workspace (src/workspace), which adds the one status rule and tells listeners; the command
 * line's writers take either, so they can go through the same path as the editor.
 */
export type SidecarWriter = Pick<SidecarStore, 'load' | 'update'>;
