/**
 * The pieces of the merge driver's set-up that are plain text: the `.gitattributes` line, the
 * driver command git runs, and how words are quoted for it. git runs a driver command through
 * `sh -c` (Git for Windows brings its own sh), so paths are quoted the POSIX way.
 */

/** The driver's name in `.gitattributes` and in git's config (`merge.news-annotator.*`). */
export const mergeDriverName = 'news-annotator';

export const mergeDriverDescription = 'News Annotator sidecar merge (by annotation id)';

export const attributesLine = `*.ann.yaml merge=${mergeDriverName}`;

/**
 * One word for sh: single quotes keep everything literal (spaces, `$`, backquotes, `"`), and a
 * single quote itself is written as `'\''`. Plain words stay bare so the command reads well.
 */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command git runs for each conflicting sidecar: `launcher` is the program and script that
 * start the command line (e.g. node and dist/cli.js, both absolute, so it works from any
 * working directory); `environment` variables go in front (`NAME=value`, as sh reads them).
 * %L is git's conflict marker size, %O %A %B the three versions' temporary files (the result is
 * written to %A), %P the path in the repository (git quotes it itself).
 */
export function driverCommand(launcher: readonly string[], environment: Readonly<Record<string, string>> = {}): string {
  const prefix = Object.entries(environment).map(([name, value]) => `${name}=${shellWord(value)}`);
  return [...prefix, ...launcher.map(shellWord), 'merge-file', '--marker-size', '%L', '%O', '%A', '%B', '%P'].join(' ');
}

/**
 * `.gitattributes` with the driver's line added when no line already says the same; every other
 * line is kept as it was, and the file's own line break is used.
 */
export function withAttributesLine(existing: string | undefined): { text: string; changed: boolean } {
  const text = existing ?? '';
  const present = text.split(/\r?\n/).some((line) => line.trim().split(/\s+/).join(' ') === attributesLine);
  if (present) return { text, changed: false };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : newline;
  return { text: `${text}${separator}${attributesLine}${newline}`, changed: true };
}

/**
 * The absolute paths named in a driver command (its program and script), read the way sh splits
 * words: so a set-up whose program or script has since moved (an editor or extension update)
 * can be recognised and offered again.
 */
export function commandPaths(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let index = 0; index < command.length; index++) {
    const character = command[index];
    if (character === ' ' || character === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (character === "'") {
      const end = command.indexOf("'", index + 1);
      const stop = end < 0 ? command.length : end;
      word = (word ?? '') + command.slice(index + 1, stop);
      index = stop;
    } else if (character === '"') {
      let text = '';
      for (index++; index < command.length && command[index] !== '"'; index++) {
        if (command[index] === '\\' && index + 1 < command.length && '"\\$`'.includes(command[index + 1])) index++;
        text += command[index];
      }
      word = (word ?? '') + text;
    } else if (character === '\\' && index + 1 < command.length) {
      word = (word ?? '') + command[++index];
    } else {
      word = (word ?? '') + character;
    }
  }
  if (word !== undefined) words.push(word);
  return words.filter((item) => item.startsWith('/') || /^[A-Za-z]:[\\/]/.test(item));
}
