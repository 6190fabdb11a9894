/** The help texts, one per command, printed by `--help` and after a usage error. */
export const version = '0.1.0';

export const mainUsage = `Usage: news-annotator <command> [DIR] [options]

Commands:
  validate [DIR]                      check every sidecar and the project file
  stats    [DIR] [--json]             counts per type, per file, per status, per annotator
  export   [DIR] --format F --out P   F: yaml | jsonl | spacy | brat | conll
  import   [DIR] --format F --from P  F: yaml | brat | jsonl
  search   [DIR] QUERY [--json] [--limit N]   the same fuzzy search as the editor
  reanchor [DIR] [--dry-run]          store new offsets for the tags of texts changed since tagged
  relink   [DIR] [--dry-run]          move sidecars left behind by a renamed text to its new name
  merge-driver install [DIR] [--print]  let git merge sidecars by annotation id (docs/merge-driver.md)
  merge-file BASE OURS THEIRS [PATH]  the merge driver git runs for *.ann.yaml
  agree    LEFT RIGHT [MORE...] [--json] [--csv FILE]   agreement between folders or git:REF
  suggest  [DIR] --gazetteer F | --from-tags   suggest tags for names from a list or from the tags

DIR is the corpus root (default: the current folder). Run a command with --help for its options.
Exit codes: 0 success, 1 problems found or the operation failed, 2 bad usage or an internal error.

Options:
  -h, --help      show this help
  -v, --version   show the version
`;

export const commandUsage: Readonly<Record<string, string>> = {
  'merge-driver': `Usage: news-annotator merge-driver install [DIR] [--print]

Sets up the git repository holding DIR (default: the current folder) to merge sidecars by
annotation id instead of line by line:
  - adds "*.ann.yaml merge=news-annotator" to .gitattributes at the repository's top (other lines
    are kept); commit it, so every clone uses the driver;
  - sets merge.news-annotator.name and merge.news-annotator.driver in the repository's own git
    config, with this node and this script by absolute path. git never takes commands from a
    clone, so each clone runs the install once.
Running it again changes nothing but a driver command that moved. See docs/merge-driver.md.

Options:
  --print         print the steps (as shell commands) instead of doing them
  -h, --help      show this help
`,
  'merge-file': `Usage: news-annotator merge-file BASE OURS THEIRS [PATH] [--marker-size N]

The merge driver: a three-way merge of one sidecar by annotation id, written to OURS in the
canonical layout. git runs it (see merge-driver install); it can also be run by hand.
  - additions from both sides are kept; the same span and type added on both sides is one tag;
  - a removal on one side and no change on the other removes;
  - an entry changed on both sides is merged field by field; if both changed the same field
    differently, or one removed what the other changed, that entry alone is put between
    conflict markers, and the exit code is 1;
  - source, notes and unknown fields follow the same rules, and so does every other top-level
    list whose entries all have an id; if both sides set different statuses, the further one
    (untouched < in-progress < done) is kept.
If a version is not a readable sidecar (conflict markers, YAML errors), git's own line merge
(git merge-file) runs instead and the exit code is 1: nothing is lost.

Options:
  --marker-size N   length of the conflict markers (git passes its own as %L; default 7)
  -h, --help        show this help
`,
  validate: `Usage: news-annotator validate [DIR] [--strict] [--no-cache] [--jobs N]

Checks the project file (news-annotator.yaml) and every sidecar against its text: YAML errors,
merge conflicts, spans that do not hold their text, unknown types, duplicate ids, annotations
lost after the text changed, and sidecars without a text file. Writes nothing.
Problems are printed one per line as path:line:column: severity: message.

Options:
  --strict        exit with 1 on warnings too (default: only on errors)
  --no-cache      read every file; do not use or update the cache (see below)
  --jobs N        threads to read with, the files split between them (default: one per core,
                  at most 4, when there are at least 1,000 files to read per thread)
  -h, --help      show this help

Files unchanged since the last run (same size and time of text and sidecar) are taken from a
cache in $XDG_CACHE_HOME/news-annotator/cli (default ~/.cache/news-annotator/cli).
`,
  stats: `Usage: news-annotator stats [DIR] [--json] [--no-cache] [--jobs N]

Counts the corpus: files per status, annotations per type, per annotator and per file.
Unplaced annotations (orphaned or fuzzy after the text changed) are counted apart.

Options:
  --json          print the counts as JSON
  --no-cache      read every file; do not use or update the cache (see below)
  --jobs N        threads to read with, the files split between them (default: one per core,
                  at most 4, when there are at least 1,000 files to read per thread)
  -h, --help      show this help

Files unchanged since the last run (same size and time of text and sidecar) are taken from a
cache in $XDG_CACHE_HOME/news-annotator/cli (default ~/.cache/news-annotator/cli).
`,
  export: `Usage: news-annotator export [DIR] --format F --out P [options]

Formats (docs/export-formats.md):
  yaml    one file: types, totals, each document's annotations (lossless; import reads it back)
  jsonl   doccano: one line per document, {"text", "label": [[start, end, type]], "file", ...}
  spacy   Prodigy/spaCy JSONL: text, tokens (with ws), spans with token_start/token_end
  brat    a folder: X.txt (copy) + X.ann for each document, annotation.conf, visual.conf
  conll   CoNLL-2003: -DOCSTART-, one token per line, IOB2 tags, outermost entities

Exports documents that have a sidecar. Offsets count Unicode code points. Orphaned and fuzzy
annotations are never written at wrong offsets: they are reported and left out (yaml keeps them
apart). P is a file (a folder for brat); nothing is written that the corpus would read as its own,
and an existing P is replaced only if it is an earlier export of the same format (or --force).

Options:
  --format F        yaml | jsonl | spacy | brat | conll (required)
  --out P           the file (or brat folder) to write (required)
  --status LIST     only documents with these statuses, e.g. done or done,in-progress
  --all             also documents without a sidecar
  --offsets UNIT    jsonl only: codepoint (default) or utf16 (doccano's web page counts UTF-16)
  --with-suggestions  yaml only: also each document's suggestions (never in other formats)
  --force           replace P even if it is not an earlier export of this format
  -h, --help        show this help
`,
  import: `Usage: news-annotator import [DIR] --format F --from P [options]

Formats:
  yaml    a yaml export of this tool: gives back the sidecars (ids, notes, attributes, status)
  brat    a brat folder of X.txt/X.ann pairs (in any subfolders); X.txt is copied into the corpus
          when missing there, and must hold the same text when present
  jsonl   doccano JSONL; creates each record's text file (its "file", else STEM/doc-N.txt)

Every span is checked against the text; one that does not fit is reported with its line and not
imported. Annotations already in a sidecar are not added again, so importing twice is harmless.

Options:
  --format F        yaml | brat | jsonl (required)
  --from P          the file or folder to import (required)
  --offsets UNIT    jsonl only: codepoint (default) or utf16
  --annotator NAME  recorded on annotations that name no annotator (brat, jsonl)
  --dry-run         check and count, but write nothing
  -h, --help        show this help
`,
  reanchor: `Usage: news-annotator reanchor [DIR] [--dry-run]

For every text that changed since its sidecar was written (its hash differs from the sidecar's
source.sha256), finds each annotation again and writes the new offsets into the sidecar, one
write per file; the new hash too once every annotation is placed. A tag moves only with
evidence: enough of its stored context around the new place, or the shift its neighbours show.
Prints one line per annotation that moved (info), was found only approximately or was orphaned
(warnings), as path:line:column: severity: message. Orphaned and fuzzy annotations are kept in
the sidecar as they are, for a person to fix. Exit 1 when anything was orphaned.

Options:
  --dry-run       report, but write nothing
  -h, --help      show this help
`,
  relink: `Usage: news-annotator relink [DIR] [--dry-run]

Finds the sidecars whose text is gone, most often because the text was renamed or moved outside
the editor (git mv, a shell, a teammate's commit), and moves each one beside its text under the
new name. A text is recognised by its content: the SHA-256 its sidecar recorded, searched among
the texts that have no sidecar. A sidecar moves only when exactly one such text matches and no
other left-behind sidecar was written for the same text; it is never put over another sidecar.
Prints one line per sidecar moved (old -> new), and a warning for each one left where it is
(its text not found, found twice, or changed since the move: rename those by hand). Exit 1 when
any sidecar without a text is left.

Options:
  --dry-run       report, but move nothing
  -h, --help      show this help
`,
  suggest: `Usage: news-annotator suggest [DIR] [--gazetteer FILE]... [--from-tags] [--types T,...]
                              [--ignore-case] [--dry-run] [--json] [--jobs N]

Adds suggested tags to each sidecar's suggestions list (never to its annotations), for the
annotator to accept or reject in the editor. Names come from gazetteers, TSV or CSV files of
name, type and an optional knowledge-base id (a first row "name, type" is skipped), and with
--from-tags from every name already tagged in the corpus (scored by how often it has that type).
Names match whole words in spaced scripts ("Petro" never inside "Petroleum") and anywhere in
Chinese, Japanese or Thai text; accents match whatever their Unicode normalisation.
Spans already tagged with the type, and suggestions already made (rejected ones too), are
skipped; overlaps with other tags are marked. Names whose type is not in the project file are
reported and skipped. Sidecars that cannot be read are reported and left as they are.
Prints problems as path:line:column: severity: message, then one line per file and a total.

Options:
  --gazetteer FILE  a TSV or CSV list of names (repeat for several)
  --from-tags       also suggest the names the corpus already tags
  --types T,...     only these entity types
  --ignore-case     match names whatever their case
  --dry-run         count, but write nothing
  --json            print the result as JSON
  --jobs N          threads to work with, the files split between them (default: one per core,
                    at most 4, when there are at least 1,000 files per thread); what is
                    written is the same whatever the number
  -h, --help        show this help
`,
  search: `Usage: news-annotator search [DIR] QUERY [--json] [--limit N]

Searches the corpus's annotations the way the editor's search does (fuzzy, by text and type).

Options:
  --json          print the results as JSON
  --limit N       at most N results (default 20)
  -h, --help      show this help
`,
  agree: `Usage: news-annotator agree LEFT RIGHT [MORE...] [--json] [--csv FILE] [--root DIR] [--jobs N]

Measures how far two or more sides of a corpus agree (docs/agreement.md). A side is a corpus
folder, or git:REF: the corpus folder as commit REF has it (a branch, a tag, HEAD~1, a hash),
read from the repository's objects without a checkout. Only documents with a sidecar on both
sides and the same text are compared; the others are listed as skipped.

Prints precision, recall and F1 (left is the reference) with exact matching (same span and
type) and overlap matching (same type, overlapping spans, one to one), overall, per type and
per document (lowest first), token-level Cohen's kappa, and every disagreement as
path:line:column with both sides. With more than two sides: a matrix of F1 for every pair,
then each pair's report. Exit 1 when a side or a document could not be read.

Options:
  --json          print the report as JSON (more than two sides: {sides, pairs, matrix})
  --csv FILE      also write the per-document scores of every pair to FILE as CSV
  --root DIR      the corpus folder whose git repository git:REF is read from, and where in it
                  the corpus lies (default: the current folder)
  --jobs N        threads to read and compare with, the documents split between them
                  (default: one per core, at most 4; 1 works in a single thread)
  -h, --help      show this help
`,
};
