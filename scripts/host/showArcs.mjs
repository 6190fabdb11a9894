// A screenshot step shared by scripts/screenshots.mjs and scripts/seedArcsScreenshot.mjs.

/**
 * Runs Show Arcs from the command palette with the side bar closed (so the article and the arc
 * view both have room) and waits until the view has drawn an arc; returns the view's frame.
 */
export async function showArcs(page) {
  await page.locator('.view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+B');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor();
  await input.fill('>News Annotator: Show Arcs');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Arcs' }).first().waitFor();
  await page.keyboard.press('Enter');
  const view = page.frameLocator('iframe.webview').first().frameLocator('iframe');
  await view.locator('svg path.arc').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800);
  return view;
}
