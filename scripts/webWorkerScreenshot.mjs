// The README's browser screenshot: the extension's browser build running in code-server's web
// worker extension host (forced there by remote.extensionKind, as in `npm run test:web`), with a
// tagged sample article, the Tags view opened on a type, and below them the "Extension Host
// (Worker)" log line that records News Annotator's activation in the worker.
//
//   npm run build && node scripts/webWorkerScreenshot.mjs [out.png]   (default docs/images/web-worker.png)
//
// For a picture meant for people install fonts first (apt-get install fonts-noto-color-emoji
// fonts-noto-cjk), or emoji and CJK draw as empty boxes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserEntry, scratchWorkspace, startWebHost } from './test-web.mjs';
import { workbenchUrl } from './host/codeServer.mjs';
import { showWorkerHostLog } from '../test/ui/workerHostLog.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'images', 'web-worker.png'));
const article = 'cartagena-hangzhou-sister-cities.txt';
const timeout = 30_000;

const entry = browserEntry();
if (entry.missing) {
  process.stderr.write(`webWorkerScreenshot: ${entry.missing}\n`);
  process.exit(1);
}
const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-web-shot-'));
const host = await startWebHost(scratch, { settings: { 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'editor.fontSize': 15 } });
let failed = false;
const page = await host.browser.newPage({ viewport: { width: 1280, height: 800 } });
try {
  await page.goto(workbenchUrl(host.server, { folder: scratchWorkspace(scratch, 'corpus'), extensionPath: root }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar [role="tab"][aria-label^="News Annotator"], .activitybar a[aria-label^="News Annotator"]').first().click({ timeout });
  await page.locator('.monaco-list-row', { hasText: article }).first().click({ timeout });
  await page.locator('.view-line', { hasText: 'Lucía Ferrán Osorio' }).first().waitFor({ timeout });
  const tags = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Tags' }) }).first();
  await tags.locator('.monaco-list-row', { hasText: 'PERSON' }).first().click({ timeout });
  await tags.locator('.monaco-list-row', { hasText: 'Lucía Ferrán Osorio' }).first().waitFor({ timeout });
  process.stdout.write(`worker log: ${await showWorkerHostLog(page, { timeout })}\n`);
  // Give the focus back to the article so the debounced decorations and the status bar show it.
  await page.locator('.view-line', { hasText: 'Lucía Ferrán Osorio' }).first().click({ timeout });
  await page.waitForTimeout(1500);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
} catch (error) {
  failed = true;
  const failure = path.join(root, '.test-artifacts', 'failed-web-worker.png');
  mkdirSync(path.dirname(failure), { recursive: true });
  await page.screenshot({ path: failure }).catch(() => {});
  process.stderr.write(`webWorkerScreenshot: ${error instanceof Error ? error.message : String(error)} (page as it was: ${failure})\n`);
} finally {
  await page.close();
  await host.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
