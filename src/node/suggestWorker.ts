/**
 * A worker thread of `suggest` (suggestInWorkers.ts): opens the corpus while the main thread
 * builds the matcher, takes a copy of that matcher, then suggests in each run of files it is sent
 * (writing as the main thread does) and posts the outcome, until told there are no more.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { matcherFromData } from '../core/suggest/matcherData';
import type { NameMatcher } from '../core/suggest/nameMatcher';
import { suggestFiles } from '../workspace/suggestCorpus';
import { openCorpusWorkspace } from './openCorpus';
import { serveRuns } from './shareRuns';
import type { MatcherMessage, SuggestTask } from './suggestInWorkers';

const task = workerData as SuggestTask;
const options = { ...(task.types === undefined ? {} : { types: new Set(task.types) }), dryRun: task.dryRun, label: 'Suggest' };
// The first message is the matcher; runs come only after this thread says it is ready.
const matcher = new Promise<NameMatcher>((resolve) => parentPort?.once('message', (message: MatcherMessage) => resolve(matcherFromData(message.data))));
serveRuns(
  async () => ({ workspace: await openCorpusWorkspace(task.root, task.config, task.listedRegular), matcher: await matcher }),
  ({ workspace, matcher }, files: readonly string[]) => suggestFiles(workspace, files, matcher, options),
);
