import path from 'node:path';
import ts from 'typescript';
import { TYPED_FIXTURE_DIR } from '../rule-tester.js';

/**
 * Type-checks virtual TypeScript files (absolute path → text) as one program with the typed fixture project's
 * options (test/fixtures/typed/tsconfig.json: strict, NodeNext, the installed SDKs' types). Returns the errors of
 * those files, each as `<path from the typed fixture folder>(<line>): TS<code> <message>`.
 */
export class TypeCheck {
  readonly #options: ts.CompilerOptions;
  #program: ts.Program | undefined;

  constructor() {
    const configFile = ts.readConfigFile(path.join(TYPED_FIXTURE_DIR, 'tsconfig.json'), ts.sys.readFile);
    this.#options = ts.parseJsonConfigFileContent(configFile.config, ts.sys, TYPED_FIXTURE_DIR).options;
  }

  /** A file name beside the typed fixture project, where the installed packages resolve. */
  static fileName(stem: string): string {
    return path.join(TYPED_FIXTURE_DIR, `${stem}.ts`);
  }

  /** How `errors` names a file made by `fileName`. */
  static relative(file: string): string {
    return path.relative(TYPED_FIXTURE_DIR, file);
  }

  /** The program of the last `errors` call (for a typed lint of the same files: `parserOptions.programs`). */
  get program(): ts.Program | undefined {
    return this.#program;
  }

  errors(files: ReadonlyMap<string, string>): string[] {
    const host = ts.createCompilerHost(this.#options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) => {
      const text = files.get(path.resolve(name));
      return text !== undefined ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
    // Virtual files may sit in virtual folders (so that the files of one case import each other).
    const folders = new Set([...files.keys()].map((file) => path.dirname(file)));
    const directoryExists = host.directoryExists?.bind(host);
    host.directoryExists = (name) => folders.has(path.resolve(name)) || (directoryExists?.(name) ?? true);
    // Reusing the previous program lets TypeScript keep the (large) SDK declaration files it already checked.
    this.#program = ts.createProgram([...files.keys()], this.#options, host, this.#program);
    return ts
      .getPreEmitDiagnostics(this.#program)
      .filter((d) => d.file && files.has(path.resolve(d.file.fileName)))
      .map((d) => {
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${TypeCheck.relative(d.file!.fileName)}(${line + 1}): TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
  }
}
