/**
 * Reads the corpus root's project file (`news-annotator.yaml`) through a file system; without
 * one, the defaults apply (every `.txt` file, the six news types), as in the editor.
 */
import { problem, type Problem } from '../problem';
import { defaultProjectConfig, parseProjectFile, projectFileName, type ProjectConfig } from '../project';
import type { FileSystem } from '../store/fileSystem';

export interface ProjectRead {
  config: ProjectConfig;
  problems: Problem[];
  /** Whether the project file exists (false: the defaults are in use). */
  found: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export async function readProject(fileSystem: FileSystem, path: string = projectFileName): Promise<ProjectRead> {
  let data: Uint8Array | undefined;
  try {
    data = await fileSystem.readFile(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { config: defaultProjectConfig(), problems: [problem('project-unreadable', `The project file could not be read (${message}); the defaults are used.`, path)], found: true };
  }
  if (data === undefined) return { config: defaultProjectConfig(), problems: [], found: false };
  const parsed = parseProjectFile(decoder.decode(data), path);
  return { config: parsed.config, problems: parsed.problems, found: true };
}
