import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Project, ts } from 'ts-morph';
import { directoryOf } from './discover.js';
import { errorMessage, UsageError } from './errors.js';

/** Used when the repository has no tsconfig.json: modern Node, JS files included. */
const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowJs: true,
  strict: true,
  skipLibCheck: true,
};

/** "No inputs were found in config file": files are added by the codemod, not from the tsconfig. */
const NO_INPUTS = 18003;

/** The tsconfig.json for stage 2: the one given, else the nearest at or above the first migrated path, up to the root. */
export function findTsconfig(
  cwd: string,
  root: string,
  paths: readonly string[],
  explicit?: string,
): string | undefined {
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new UsageError(`tsconfig not found: ${explicit}`);
    return path;
  }
  let dir = directoryOf(resolve(cwd, paths[0] ?? '.'));
  for (;;) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (dir === root || parent === dir || !parent.startsWith(root)) return undefined;
    dir = parent;
  }
}

/**
 * The run's one ts-morph Project, with the repository's compiler options (files are added only as stage 2 needs
 * them). A tsconfig that does not load is a one-line UsageError.
 */
export function createProject(tsconfig: string | undefined): Project {
  if (!tsconfig) return new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS, skipFileDependencyResolution: true });
  let project: Project;
  try {
    project = new Project({
      tsConfigFilePath: tsconfig,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
    });
  } catch (error) {
    throw new UsageError(`tsconfig ${tsconfig} does not load: ${errorMessage(error)}`);
  }
  const problem = project.getConfigFileParsingDiagnostics().find((diagnostic) => diagnostic.getCode() !== NO_INPUTS);
  if (problem) {
    const text = problem.getMessageText();
    throw new UsageError(
      `tsconfig ${tsconfig} does not load: ${typeof text === 'string' ? text : text.getMessageText()}`,
    );
  }
  // JS files are migrated too, and importers written in JS must resolve.
  project.compilerOptions.set({ allowJs: true });
  return project;
}
