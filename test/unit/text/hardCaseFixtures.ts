import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface FixtureSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The hard-case corpus lives in the source tree (test/unit/fixtures/hard-cases), while the tests
 * run from a build folder (out/ or out-NAME/); walk up from here until the fixtures appear.
 */
export function hardCaseFolder(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'test', 'unit', 'fixtures', 'hard-cases');
    if (existsSync(path.join(candidate, 'spans.json'))) return candidate;
    if (path.dirname(folder) === folder) throw new Error(`hard-case fixtures not found above ${__dirname}`);
  }
}

/** spans.json: for each fixture file, spans whose offsets Python computed. */
export function hardCaseSpans(): Record<string, FixtureSpan[]> {
  return JSON.parse(readFileSync(path.join(hardCaseFolder(), 'spans.json'), 'utf8')) as Record<string, FixtureSpan[]>;
}
