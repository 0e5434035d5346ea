import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type PlatformTokenFile, PROJECTED_TOKEN_FILES, refMatches } from '../knowledge/index.js';
import { isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { localFunction } from './local-function.js';
import { constInitializer, type ModuleRefs } from './module-refs.js';
import { forEachDescendant } from './value-flow.js';
import { isProcessEnv } from './storage.js';

type Node = TSESTree.Node;

/** Names bound once, then hops through them: bounded so that a chain of consts cannot loop. */
const MAX_HOPS = 4;
const ENV_NAMES: ReadonlySet<string> = new Set(PROJECTED_TOKEN_FILES.environmentVariables);
const TEXT_METHODS: ReadonlySet<string> = new Set(PROJECTED_TOKEN_FILES.textMethods);

/** A read of a projected token file, and where the text is produced for the code that uses it. */
export interface ProjectedTokenRead {
  readonly read: TSESTree.CallExpression;
  /** The read itself, or the call of the file's own helper that returns it (`const token = readToken()`). */
  readonly at: Node;
  /** A file of another platform than the kubelet (PROJECTED_TOKEN_FILES.platformFiles). */
  readonly platform?: PlatformTokenFile;
}

/** Which token file a path names: the kubelet's (`'projected'`), another platform's, or none. */
type TokenFile = 'projected' | PlatformTokenFile | null;

/**
 * The file read whose text `expression` holds, when the file is a projected token the kubelet rotates
 * (`fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8')`, `(await readFile(TOKEN_PATH)).toString().trim()`,
 * a const bound to either, or a call of a function of the file that returns one); null for anything else.
 */
export function projectedTokenRead(
  expression: Node,
  refs: ModuleRefs,
  sourceCode: Readonly<TSESLint.SourceCode>,
  hops = 0,
): ProjectedTokenRead | null {
  if (hops > MAX_HOPS) return null;
  const inner = unwrap(expression);
  switch (inner.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return projectedTokenRead(inner.argument, refs, sourceCode, hops);
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(inner, sourceCode.getScope(inner));
      return init ? projectedTokenRead(init, refs, sourceCode, hops + 1) : null;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(inner.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && TEXT_METHODS.has(staticPropertyName(callee) ?? ''))
        return projectedTokenRead(callee.object, refs, sourceCode, hops);
      const ref = refs.resolve(callee);
      if (ref && PROJECTED_TOKEN_FILES.reads.some((api) => refMatches(ref, api))) {
        const file = inner.arguments[0] ? tokenFileOf(inner.arguments[0], refs, sourceCode, hops) : null;
        if (!file) return null;
        return file === 'projected' ? { read: inner, at: inner } : { read: inner, at: inner, platform: file };
      }
      const helper = localFunction(inner, refs, { bindings: 'written-once', thisMethods: false });
      const found =
        helper && firstReturned(helper, sourceCode, (value) => projectedTokenRead(value, refs, sourceCode, hops + 1));
      return found ? { ...found, at: inner } : null;
    }
    default:
      return null;
  }
}

/** The first of a function's returned expressions (its body, or its own `return`s) for which `test` answers. */
function firstReturned<T>(
  fn: TSESTree.FunctionLike,
  sourceCode: Readonly<TSESLint.SourceCode>,
  test: (value: Node) => T | null,
): T | null {
  if (!fn.body) return null;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return test(fn.body);
  let found: T | null = null;
  forEachDescendant(fn.body, sourceCode, (node) => {
    if (isFunctionNode(node)) return 'skip';
    if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return undefined;
    found = test(node.argument);
    return found ? 'stop' : 'skip';
  });
  return found;
}

/**
 * `process.env.AWS_WEB_IDENTITY_TOKEN_FILE` (or `['...']`), a literal projected-token path or another platform's token
 * file, or a const bound to one: which file it names.
 */
function tokenFileOf(path: Node, refs: ModuleRefs, sourceCode: Readonly<TSESLint.SourceCode>, hops: number): TokenFile {
  const inner = unwrap(path);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'string' ? fileAt(inner.value) : null;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral)
    return inner.expressions.length === 0 ? fileAt(inner.quasis[0]?.value.cooked ?? '') : null;
  if (inner.type === AST_NODE_TYPES.LogicalExpression)
    return tokenFileOf(inner.left, refs, sourceCode, hops) ?? tokenFileOf(inner.right, refs, sourceCode, hops);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    if (hops >= MAX_HOPS) return null;
    const init = constInitializer(inner, sourceCode.getScope(inner));
    return init ? tokenFileOf(init, refs, sourceCode, hops + 1) : null;
  }
  return isEnvironmentRead(inner, refs) ? 'projected' : null;
}

function fileAt(path: string): TokenFile {
  if (PROJECTED_TOKEN_FILES.pathPattern.test(path)) return 'projected';
  return PROJECTED_TOKEN_FILES.platformFiles.find((file) => file.path === path) ?? null;
}

/** `process.env.NAME` (of the global `process` or node's `process` module), for one of the token-file variables. */
function isEnvironmentRead(node: Node, refs: ModuleRefs): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || !ENV_NAMES.has(staticPropertyName(node) ?? '')) return false;
  return isProcessEnv(unwrap(node.object), refs);
}
