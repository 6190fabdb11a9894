// One step of a UI test: run it, print ✔ or ✘ with the first lines of the error, and keep a
// screenshot of the page as it was when a step failed.
import path from 'node:path';

/**
 * @param {{ screenshotDir: string, failureName: (failed: number) => string, page: () => import('playwright-core').Page | undefined, messageLines?: number }} options
 * @returns {{ results: { passed: number, failed: number }, step: (title: string, action: () => Promise<void>) => Promise<void> }}
 */
export function uiSteps({ screenshotDir, failureName, page, messageLines = 3 }) {
  const results = { passed: 0, failed: 0 };
  const step = async (title, action) => {
    try {
      await action();
      results.passed++;
      process.stdout.write(`  ✔ ${title}\n`);
    } catch (error) {
      results.failed++;
      const message = String(error instanceof Error ? error.message : error).split('\n').slice(0, messageLines).join('\n      ');
      process.stdout.write(`  ✘ ${title}\n      ${message}\n`);
      await page()?.screenshot({ path: path.join(screenshotDir, failureName(results.failed)) }).catch(() => {});
    }
  };
  return { results, step };
}
