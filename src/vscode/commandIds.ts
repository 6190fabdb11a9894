/** Every command the extension contributes, in one place; package.json lists the same ids. */
export const commandIds = {
  refreshCorpus: 'newsAnnotator.refreshCorpus',
  openNextFile: 'newsAnnotator.openNextFile',
  showCorpusSummary: 'newsAnnotator.showCorpusSummary',
  tagSelection: 'newsAnnotator.tagSelection',
  tagAs: 'newsAnnotator.tagAs',
  tagAllOccurrences: 'newsAnnotator.tagAllOccurrences',
  removeTag: 'newsAnnotator.removeTag',
  changeTagType: 'newsAnnotator.changeTagType',
  editNote: 'newsAnnotator.editNote',
  nextTag: 'newsAnnotator.nextTag',
  previousTag: 'newsAnnotator.previousTag',
  markDone: 'newsAnnotator.markDone',
  markInProgress: 'newsAnnotator.markInProgress',
  markStatus: 'newsAnnotator.markStatus',
  undo: 'newsAnnotator.undo',
  redo: 'newsAnnotator.redo',
  toggleLabels: 'newsAnnotator.toggleLabels',
  removeOrphan: 'newsAnnotator.removeOrphan',
  reattachAnnotation: 'newsAnnotator.reattachAnnotation',
  exportAnnotations: 'newsAnnotator.exportAnnotations',
  validateCorpus: 'newsAnnotator.validateCorpus',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];
