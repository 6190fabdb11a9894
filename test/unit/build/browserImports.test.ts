import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.join(__dirname, '..', '..', '..', '..');
const rule = '@typescript-eslint/no-restricted-imports';

/**
 * The import messages the project's own eslint.config.mjs gives `code` at `file`: the rule as the
 * config resolves it for that path (so its `ignores` count), run alone without type information.
 */
async function importErrors(file: string, code: string): Promise<string[]> {
  const resolved = (await new ESLint({ cwd: root }).calculateConfigForFile(file)) as { rules?: Record<string, Linter.RuleEntry> };
  const setting = resolved.rules?.[rule];
  if (setting === undefined) return [];
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { '@typescript-eslint': tseslint.plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: { [rule]: setting },
    },
  ];
  return new Linter().verify(code, config, { filename: path.join(root, file) }).map((message) => message.message);
}

describe('the lint rule that keeps Node out of the browser build', () => {
  it('fails on a Node built-in, prefixed or bare, in the editor layer', async () => {
    const prefixed = await importErrors('src/vscode/tags/example.ts', "import { readFile } from 'node:fs';\n");
    assert.equal(prefixed.length, 1);
    assert.match(prefixed[0], /browser build/);
    for (const name of ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'fs/promises']) {
      assert.equal((await importErrors('src/vscode/tags/example.ts', `import x from '${name}';\nvoid x;\n`)).length, 1, name);
    }
  });

  it('fails on src/node adapters reached from the editor layer', async () => {
    const errors = await importErrors('src/vscode/corpus/example.ts', "import { listCorpusFiles } from '../../node/listCorpusFiles';\n");
    assert.equal(errors.length, 1);
    assert.match(errors[0], /src\/node/);
  });

  it('fails on a Node built-in in the core, which still may not see the editor either', async () => {
    assert.equal((await importErrors('src/core/store/example.ts', "import { createHash } from 'node:crypto';\n")).length, 1);
    assert.equal((await importErrors('src/workspace/example.ts', "import os from 'os';\nvoid os;\n")).length, 1);
    assert.equal((await importErrors('src/core/store/example.ts', "import * as vscode from 'vscode';\nvoid vscode;\n")).length, 1);
  });

  it('lets the Node-only files import Node', async () => {
    assert.deepEqual(await importErrors('src/vscode/node/example.ts', "import { readFile } from 'node:fs';\nimport { x } from '../../node/openCorpus';\n"), []);
    assert.deepEqual(await importErrors('src/vscode/extension.node.ts', "import path from 'node:path';\n"), []);
    assert.deepEqual(await importErrors('src/core/text/sha256.ts', "import { createHash } from 'node:crypto';\n"), []);
  });

  it('lets shared code import the core and the editor API', async () => {
    assert.deepEqual(await importErrors('src/vscode/tags/example.ts', "import * as vscode from 'vscode';\nimport { sha256Hex } from '../../core/text/decodeText';\n"), []);
  });
});
