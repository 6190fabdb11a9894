/**
 * Entry point of the integration suite. VS Code loads this module inside a real extension host
 * (code-server or VS Code desktop, see scripts/test-integration.mjs) and awaits `run()`.
 */
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

function testFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return name.endsWith('.test.js') ? [full] : [];
  });
}

/**
 * Under code-server the extension host's console does not reach the terminal that started the
 * run, so the reporter's lines are also appended to the file the launcher names and prints.
 */
function teeReporterOutput(): void {
  const reportFile = process.env.NEWS_ANNOTATOR_TEST_REPORT;
  if (!reportFile) return;
  const original = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    appendFileSync(reportFile, `${format(...args)}\n`);
    original(...args);
  };
}

export async function run(): Promise<void> {
  teeReporterOutput();
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false });
  const grep = process.env.NEWS_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  // The same entry serves two launches: a .code-workspace window runs the multiRoot/ tests, a
  // single folder runs all the others. The window knows its workspace file at once; its folders
  // can arrive a moment later, so wait for them before any test looks.
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  for (let waited = 0; multiRoot && (vscode.workspace.workspaceFolders?.length ?? 0) < 2 && waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A folder named two-windows is opened by two windows at once: they run the twoWindows/ tests.
  const kind = multiRoot ? 'multiRoot' : vscode.workspace.workspaceFolders?.[0]?.name === 'two-windows' ? 'twoWindows' : '';
  for (const file of testFiles(__dirname).sort()) {
    const folder = path.relative(__dirname, path.dirname(file)).split(path.sep)[0] ?? '';
    const fileKind = folder === 'multiRoot' || folder === 'twoWindows' ? folder : '';
    if (fileKind === kind) mocha.addFile(file);
  }
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  // The launcher reads this line to print one total for the whole integration run.
  Mocha.reporters.Base.consoleLog(`extension host suite: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
