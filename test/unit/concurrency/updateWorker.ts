/**
 * A separate writer process for the concurrency tests: tags words `first` .. `first + count - 1`
 * of a text (word i starts at 7 * i, see concurrencySupport.ts), one store update each, and prints
 * `ack i` after every update the store reported done, `fail i code` after every one it refused.
 * Run as `node updateWorker.js TEXT_PATH FIRST COUNT`.
 */
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { wordLength, wordStart } from './concurrencySupport';

async function main(): Promise<void> {
  const [textPath, first, count] = process.argv.slice(2);
  const store = new SidecarStore(new NodeFileSystem());
  const end = Number(first) + Number(count);
  for (let word = Number(first); word < end; word++) {
    const start = wordStart(word);
    const result = await store.update(textPath, (sidecar, text) => ({
      ...sidecar,
      annotations: [...sidecar.annotations, newAnnotation(sidecar, text, { type: 'WORD', start, end: start + wordLength })],
    }));
    // Pipes are synchronous on Linux, so a line printed here has left the process before the next update starts.
    process.stdout.write(result.ok ? `ack ${word}\n` : `fail ${word} ${result.problems[0]?.code ?? ''}\n`);
    if (!result.ok) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stdout.write(`crash ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
