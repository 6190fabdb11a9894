/**
 * The `news-annotator` command line. The commands (validate, stats, export, import, search) are
 * thin front ends over src/core; until they land this prints the usage and exits with 2 on
 * anything it does not know, so scripts never mistake it for success.
 */
const usage = `Usage: news-annotator <command> [options]

Commands (coming with the export and command-line work):
  validate [DIR]                      check every sidecar and the project file
  stats    [DIR] [--json]             counts per type, per file, per status, per annotator
  export   [DIR] --format F --out P   F: yaml | jsonl | spacy | brat | conll
  import   [DIR] --format F --from P  F: brat | jsonl
  search   [DIR] QUERY [--json] [--limit N]

Options:
  -h, --help      show this help
  -v, --version   show the version
`;

export function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === undefined || command === '-h' || command === '--help') {
    process.stdout.write(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write('news-annotator 0.1.0\n');
    return 0;
  }
  process.stderr.write(`news-annotator: unknown command '${command}'\n\n${usage}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
