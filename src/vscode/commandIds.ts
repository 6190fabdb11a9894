/** Every command the extension contributes, in one place; package.json lists the same ids. */
export const commandIds = {
  refreshCorpus: 'newsAnnotator.refreshCorpus',
  openNextFile: 'newsAnnotator.openNextFile',
  showCorpusSummary: 'newsAnnotator.showCorpusSummary',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];
