// Drives Debian's Chromium through playwright-core (which downloads no browser of its own).
import { chromium } from 'playwright-core';

// The machine has no network but the package registries: without these flags Chromium keeps
// trying to reach Google's services and floods the log with refused connections.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/**
 * Opens a workbench page and resolves with the exit code the extension test suite reports.
 * The workbench (started with the smoke-test driver) calls `codeAutomationExit` when the suite's
 * `run()` settles, and sends every log line through `codeAutomationLog`.
 */
export async function runSuiteInPage(browser, url, { timeoutMs = 10 * 60_000, onLog = () => {} } = {}) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let finish;
  const exitCode = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog(type, args));
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('pageerror', (error) => onLog('pageerror', [String(error)]));
  await page.goto(url);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      onLog('error', [`the test suite did not finish within ${timeoutMs / 1000} s`]);
      resolve(1);
    }, timeoutMs);
  });
  const code = await Promise.race([exitCode, timeout]);
  clearTimeout(timer);
  await page.close();
  return code;
}
