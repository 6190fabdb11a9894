/**
 * A worker thread of `suggest` (suggestInWorkers.ts): builds its matcher from the names it is
 * given, then suggests in each run of files it is sent (writing as the main thread does) and
 * posts the outcome, until told there are no more.
 */
import { workerData } from 'node:worker_threads';
import { NameMatcher } from '../core/suggest/nameMatcher';
import { suggestFiles } from '../workspace/suggestCorpus';
import { openCorpusWorkspace } from './openCorpus';
import { serveRuns } from './shareRuns';
import type { SuggestTask } from './suggestInWorkers';

const task = workerData as SuggestTask;
const options = { ...(task.types === undefined ? {} : { types: new Set(task.types) }), dryRun: task.dryRun, label: 'Suggest' };
serveRuns(
  async () => ({ workspace: await openCorpusWorkspace(task.root, task.config, task.listedRegular), matcher: new NameMatcher(task.entries, { ignoreCase: task.ignoreCase }) }),
  ({ workspace, matcher }, files: readonly string[]) => suggestFiles(workspace, files, matcher, options),
);
