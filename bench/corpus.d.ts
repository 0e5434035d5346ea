// Types for bench/corpus.js, so test/sdk-corpus.test.ts can share the corpus definition with the benchmark.
import type { Linter } from 'eslint';

export interface CorpusFile {
  /** Where the file is read from, inside node_modules. */
  absolutePath: string;
  /** `<package>/<path inside the package>`, forward slashes, no node_modules segment. */
  corpusPath: string;
  sourceType: 'module' | 'commonjs';
  bytes: number;
}

export declare const REPO_ROOT: string;
export declare function listCorpusFiles(): CorpusFile[];
export declare function corpusPackageVersions(): string[];
export declare function corpusLanguageBlocks(): Linter.Config[];
export declare function materializeCorpus(destination: string): { root: string; files: number; bytes: number };
