import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@typescript-eslint/parser';
import { simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Code that runs on users' files: the plugin, its rules and the codemod. */
export const SCANNED_FOLDERS = ['src', 'rules'];

export interface RegexSite {
  readonly file: string;
  readonly line: number;
  /** Pattern and flags of a literal; null for a `new RegExp(...)` whose pattern is built when the code runs. */
  readonly literal: { readonly source: string; readonly flags: string } | null;
  /** For a constructor call: it runs once, when the module loads (not inside a function). */
  readonly moduleLevel: boolean;
  /** For a constructor call: its pattern is another RegExp's `.source` (already checked as that RegExp). */
  readonly fromSource: boolean;
}

function* codeFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* codeFiles(full);
    else if (/\.[cm]?[jt]s$/u.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

function isRegExpConstructor(node: TSESTree.Node): node is TSESTree.NewExpression | TSESTree.CallExpression {
  return (
    (node.type === 'NewExpression' || node.type === 'CallExpression') &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'RegExp'
  );
}

function insideFunction(node: TSESTree.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression')
      return true;
  }
  return false;
}

/** Every regex literal and RegExp constructor call in the scanned folders. */
export function regexSites(): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const folder of SCANNED_FOLDERS) {
    for (const file of codeFiles(path.join(REPOSITORY_ROOT, folder))) {
      const ast = parse(readFileSync(file, 'utf8'), {
        loc: true,
        range: true,
        sourceType: 'module',
      }) as TSESTree.Program;
      const relative = path.relative(REPOSITORY_ROOT, file);
      simpleTraverse(
        ast,
        {
          enter(node) {
            if (node.type === 'Literal' && 'regex' in node && node.regex) {
              sites.push({
                file: relative,
                line: node.loc.start.line,
                literal: { source: node.regex.pattern, flags: node.regex.flags },
                moduleLevel: false,
                fromSource: false,
              });
            } else if (isRegExpConstructor(node)) {
              const [pattern] = node.arguments;
              const fromSource =
                pattern?.type === 'MemberExpression' &&
                pattern.property.type === 'Identifier' &&
                pattern.property.name === 'source';
              sites.push({
                file: relative,
                line: node.loc.start.line,
                literal: null,
                moduleLevel: !insideFunction(node),
                fromSource,
              });
            }
          },
        },
        true,
      );
    }
  }
  return sites;
}
