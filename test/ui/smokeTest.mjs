// UI smoke test against the real workbench, driven like a person would: click the News Annotator
// icon in the activity bar, see the Corpus view list the sample articles, run a command from the
// command palette, and keep a screenshot to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { uiSteps } from './uiSteps.mjs';
import { showWorkerHostLog, workerHostChannel } from './workerHostLog.mjs';

const timeout = 30_000;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url  a workbench URL with the sample corpus open and the extension loaded
 * @param {{ title: string, screenshotDir: string, screenshotName: string, webWorker?: boolean }} options
 *   `webWorker`: also check that the extension was activated in the web worker extension host
 */
export async function runUiSmokeTest(browser, url, { title, screenshotDir, screenshotName, webWorker = false }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  mkdirSync(screenshotDir, { recursive: true });
  const { results, step } = uiSteps({ screenshotDir, failureName: (failed) => `failure-${failed}-${screenshotName}`, page: () => page });

  process.stdout.write(`\n  UI smoke test: ${title}\n`);
  try {
    await step('the workbench opens the sample corpus', async () => {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    });
    await step('clicking the News Annotator icon shows the Corpus view', async () => {
      const icon = page.locator('.activitybar [role="tab"][aria-label^="News Annotator"], .activitybar a[aria-label^="News Annotator"]').first();
      await icon.click({ timeout });
      await page.locator('.pane-header', { hasText: 'Corpus' }).first().waitFor({ timeout });
    });
    await step('the Corpus view lists the articles of each language folder', async () => {
      const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Corpus' }) }).first();
      for (const folder of ['en', 'es', 'zh']) await tree.locator('.monaco-list-row', { hasText: folder }).first().waitFor({ timeout });
      await tree.locator('.monaco-list-row', { hasText: '.txt' }).first().waitFor({ timeout });
    });
    // The web build once showed "No tags yet" here beside "86 tags" (see registerTagsView.ts).
    const tagTypesShown = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Tags' }) }).first().locator('.monaco-list-row', { hasText: 'LOCATION' }).first().waitFor({ timeout });
    await step('the Tags view lists the entity types, not "No tags yet"', tagTypesShown);
    await step('"News Annotator: Show Corpus Summary" runs from the command palette', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ timeout });
      await input.fill('>News Annotator: Show Corpus Summary');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Corpus Summary' }).first().waitFor({ timeout });
      await page.keyboard.press('Enter');
      // A headless page has no window focus, so VS Code files the message in the notification
      // centre instead of showing a toast: open the centre from the status bar bell to read it.
      const toast = page.locator('.notifications-toasts', { hasText: /\d+ corpus files/ }).first();
      if (!(await toast.isVisible())) {
        await page.waitForTimeout(500);
        await page.locator('.statusbar-item[id*="notifications"]').last().click({ timeout });
      }
      await page.locator('.notifications-toasts, .notifications-center', { hasText: /\d+ corpus files, \d+ with annotations/ }).first().waitFor({ timeout });
    });
    if (webWorker) {
      await step(`the "${workerHostChannel}" log shows News Annotator activated in the web worker`, async () => {
        await showWorkerHostLog(page, { timeout });
      });
    }
    await step('the Tags view still lists the entity types after the panel opened', tagTypesShown);
    await step(`a screenshot of the workbench is saved as .test-artifacts/${screenshotName}`, async () => {
      await page.screenshot({ path: path.join(screenshotDir, screenshotName) });
    });
  } finally {
    await page.close();
  }

  return results;
}
