// Opens the Output panel on the web worker extension host's log, where the workbench records
// each extension it activates there: the visible proof that News Annotator runs in the worker.
// (Developer: Show Running Extensions lists only the remote host's extensions under code-server.)

export const workerHostChannel = 'Extension Host (Worker)';
const activationLine = '_doActivateExtension news-annotator.news-annotator';

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string>} the log line that records the activation
 */
export async function showWorkerHostLog(page, { timeout = 30_000 } = {}) {
  // The step before may leave the notification centre open with the focus, and once (CI,
  // 2026-12-03) the palette then never listed the command: close what is open, and try again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ timeout });
    await input.fill('>Output: Show Output Channels');
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Output Channels' }).first().waitFor({ timeout: attempt < 3 ? timeout / 3 : timeout });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: workerHostChannel }).first().click({ timeout });
  // The Node host's log records activations with the same words: make sure the panel shows the worker's.
  await page.waitForFunction(
    // Runs in the page.
    (channel) => [...globalThis.document.querySelectorAll('.panel select')].some((select) => select.selectedOptions[0]?.text === channel),
    workerHostChannel,
    { timeout },
  );
  // The log goes on after the activation (warnings, other extensions): filter the panel to the
  // extension's lines, or the one looked for may have scrolled out of view.
  await page.locator('.panel .viewpane-filter input, .panel input[placeholder^="Filter"]').first().fill('news-annotator.news-annotator', { timeout });
  // The whole text area, not one .view-line: a narrow panel wraps the line across two of them.
  const log = page.locator('.panel .view-lines', { hasText: activationLine }).first();
  await log.waitFor({ timeout });
  // Monaco draws spaces as no-break spaces.
  const text = (await log.innerText()).replace(/\n/g, '').replace(/\u00a0/g, ' ');
  return new RegExp(`\\d{4}-\\d\\d-\\d\\d \\S+ \\[\\w+\\] \\S*${activationLine}[^']*'[^']*'`).exec(text)?.[0] ?? text;
}
