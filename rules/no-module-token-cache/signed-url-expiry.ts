import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, isNullish, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { formatDuration } from '../../src/analysis/format.js';
import { isConstLike, ModuleRefs } from '../../src/analysis/module-refs.js';
import { isExported, occurrencesOf } from '../../src/analysis/storage-slot.js';
import { indentOf } from '../../src/analysis/edits.js';
import { freshIdentifier } from '../../src/util/words.js';
import { inReach, lifetimeOf } from './signed-url-lifetime.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import type { TokenCacheMessageId } from './messages.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<TokenCacheMessageId>;

/** A cached URL is handed out until this long before it expires, so whoever gets it still has time to use it. */
export const SIGNED_URL_MARGIN_SECONDS = 60;
const MAP_CLASS = 'Map';
const RECORD_TYPE = 'Record';
const OBJECT_GLOBAL = 'Object';
const HARMLESS_MAP_METHODS: ReadonlySet<string> = new Set(['delete', 'clear']);
const HARMLESS_OBJECT_READS: ReadonlySet<string> = new Set(['keys']);

/** The cache and how its companion (one deadline per key) is declared and referred to. */
interface UrlCache {
  readonly base: string;
  readonly kind: 'map' | 'record';
  /** The nodes naming the cache where it is used (identifiers, or `this.x`), without its declaration. */
  readonly uses: readonly Node[];
  reference(deadline: string): string;
  declare(fixer: TSESLint.RuleFixer, deadline: string): TSESLint.RuleFix;
}

interface ReuseTest {
  readonly test: Node;
  readonly positive: boolean;
  readonly key: string;
  /** The `if` whose consequent runs when the cached URL is reused. */
  readonly statement: TSESTree.IfStatement;
}

interface Write {
  readonly statement: TSESTree.ExpressionStatement;
  readonly key: string;
  readonly lifetime: string;
}

/**
 * Presigned URLs cached per key in a `Map` or a record (`urls.set(key, data.signedUrl)`), reused while the key is
 * there: when every write states the lifetime the URL was signed for (the signer's `expiresIn` argument, a literal,
 * a constant or an unchanged parameter in reach of the write), a companion map keeps each URL's deadline, stamped
 * at each write and tested in each reuse test; a URL is reused until SIGNED_URL_MARGIN_SECONDS before it expires.
 * The cache hands out the same URLs as before while they are valid and signs a new one after that.
 */
export function expireSignedUrls(context: Context, candidate: Candidate, name: string): Suggestion[] {
  if (candidate.held.kind !== 'presigned-url' || !candidate.container || candidate.held.promise) return [];
  const cache = urlCacheOf(context, candidate);
  if (!cache) return [];
  const plan = planOf(context, cache);
  if (!plan) return [];
  const deadline = freshIdentifier(`${cache.base}ExpiresAt`, context.sourceCode.text);
  const ref = cache.reference(deadline);
  const at = (key: string) => (cache.kind === 'map' ? `(${ref}.get(${key}) ?? 0)` : `(${ref}[${key}] ?? 0)`);
  const { sourceCode } = context;
  return [
    {
      messageId: 'expireWithSignedUrl',
      data: { name, margin: formatDuration(SIGNED_URL_MARGIN_SECONDS) },
      fix: (fixer) => [
        cache.declare(fixer, deadline),
        ...plan.tests.map(({ test, positive, key }) =>
          fixer.replaceText(
            test,
            positive
              ? `${sourceCode.getText(test)} && Date.now() < ${at(key)}`
              : `${sourceCode.getText(test)} || Date.now() >= ${at(key)}`,
          ),
        ),
        ...plan.writes.map(({ statement, key, lifetime }) => {
          const until = `Date.now() + (${lifetime} - ${SIGNED_URL_MARGIN_SECONDS}) * 1000`;
          const stamp = cache.kind === 'map' ? `${ref}.set(${key}, ${until});` : `${ref}[${key}] = ${until};`;
          const list = statement.parent.type;
          return list === AST_NODE_TYPES.BlockStatement ||
            list === AST_NODE_TYPES.SwitchCase ||
            list === AST_NODE_TYPES.Program
            ? fixer.insertTextAfter(statement, `\n${indentOf(statement, sourceCode.text)}${stamp}`)
            : fixer.replaceText(statement, `{ ${sourceCode.getText(statement)} ${stamp} }`);
        }),
      ],
    },
  ];
}

/** A module-level `const urls = new Map()` / `= {}`, or a class field `private urls = new Map()`. */
function urlCacheOf(context: Context, candidate: Candidate): UrlCache | null {
  const { slot } = candidate;
  const { sourceCode } = context;
  const typed = /\.[cm]?tsx?$/u.test(context.filename);
  if (slot.kind === 'variable') {
    if (isExported(slot)) return null;
    const def = slot.variable.defs[0];
    if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init)
      return null;
    const declaration = def.parent;
    if (declaration.declarations.length !== 1 || declaration.parent?.type !== AST_NODE_TYPES.Program) return null;
    const shape = companionShape(def.node.init, def.node.id.typeAnnotation?.typeAnnotation, typed, sourceCode);
    if (!shape) return null;
    return {
      base: slot.name,
      kind: shape.kind,
      uses: slot.variable.references.filter((r) => !r.init).map((r) => r.identifier as Node),
      reference: (deadline) => deadline,
      declare: (fixer, deadline) =>
        fixer.insertTextAfter(declaration, `\n${declaration.kind} ${deadline}${shape.annotation} = ${shape.init};`),
    };
  }
  if (slot.owner.kind !== 'class') return null;
  const { isStatic, classNode } = slot.owner;
  const properties = classNode.body.body.filter(
    (e): e is TSESTree.PropertyDefinition =>
      e.type === AST_NODE_TYPES.PropertyDefinition && e.static === isStatic && staticPropertyName(e) === slot.name,
  );
  const [property] = properties;
  if (properties.length !== 1 || !property.value || property.computed || property.declare) return null;
  if ((property.decorators?.length ?? 0) > 0) return null;
  const shape = companionShape(property.value, property.typeAnnotation?.typeAnnotation, typed, sourceCode);
  if (!shape) return null;
  const privateName = property.key.type === AST_NODE_TYPES.PrivateIdentifier;
  const base = privateName ? slot.name.slice(1) : slot.name;
  const key = (deadline: string) => (privateName ? `#${deadline}` : deadline);
  const owner = isStatic ? classNode.id?.name : 'this';
  if (!owner) return null;
  const uses = occurrencesOf(slot, sourceCode)
    .map((o) => o.node)
    .filter((node) => node !== property);
  const modifiers = [
    property.accessibility,
    isStatic ? 'static' : undefined,
    property.readonly ? 'readonly' : undefined,
  ]
    .filter(Boolean)
    .map((m) => `${m} `)
    .join('');
  return {
    base,
    kind: shape.kind,
    uses,
    reference: (deadline) => `${owner}.${key(deadline)}`,
    declare: (fixer, deadline) =>
      fixer.insertTextAfter(
        property,
        `\n${indentOf(property, sourceCode.text)}${modifiers}${key(deadline)}${shape.annotation} = ${shape.init};`,
      ),
  };
}

/** How the deadline companion is declared: the cache's own shape with `number` values. */
function companionShape(
  init: Node,
  annotation: TSESTree.TypeNode | undefined,
  typed: boolean,
  sourceCode: Context['sourceCode'],
): { kind: 'map' | 'record'; annotation: string; init: string } | null {
  const value = unwrap(init);
  if (
    value.type === AST_NODE_TYPES.NewExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === MAP_CLASS &&
    value.arguments.length === 0
  ) {
    const keyType = (args: readonly TSESTree.TypeNode[] | undefined) =>
      args?.length === 2 ? sourceCode.getText(args[0]) : null;
    const fromNew = keyType(value.typeArguments?.params);
    if (fromNew) return { kind: 'map', annotation: '', init: `new Map<${fromNew}, number>()` };
    const fromAnnotation =
      annotation?.type === AST_NODE_TYPES.TSTypeReference &&
      annotation.typeName.type === AST_NODE_TYPES.Identifier &&
      annotation.typeName.name === MAP_CLASS
        ? keyType(annotation.typeArguments?.params)
        : null;
    if (fromAnnotation) return { kind: 'map', annotation: `: Map<${fromAnnotation}, number>`, init: 'new Map()' };
    return { kind: 'map', annotation: '', init: typed ? 'new Map<string, number>()' : 'new Map()' };
  }
  if (value.type !== AST_NODE_TYPES.ObjectExpression || value.properties.length > 0) return null;
  if (!typed) return { kind: 'record', annotation: '', init: '{}' };
  if (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === RECORD_TYPE &&
    annotation.typeArguments?.params.length === 2
  )
    return {
      kind: 'record',
      annotation: `: Record<${sourceCode.getText(annotation.typeArguments.params[0])}, number>`,
      init: '{}',
    };
  return null;
}

/** Every use of the cache: reuse tests, reads they guard, writes with a stated lifetime, and clean-ups. */
function planOf(context: Context, cache: UrlCache): { tests: ReuseTest[]; writes: Write[] } | null {
  const tests: ReuseTest[] = [];
  const reads: { node: Node; key: string }[] = [];
  const writes: Write[] = [];
  for (const use of cache.uses) {
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && isHarmlessObjectRead(parent, use)) continue;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== use) return null;
    const grand = parent.parent;
    if (cache.kind === 'map') {
      if (parent.computed || grand?.type !== AST_NODE_TYPES.CallExpression || grand.callee !== parent) return null;
      const method = staticPropertyName(parent);
      if (method !== null && HARMLESS_MAP_METHODS.has(method)) continue;
      const key = grand.arguments[0] && stableKey(grand.arguments[0], context);
      if (!key) return null;
      if (method === 'has') {
        const test = reuseTestAt(grand, key);
        if (!test) return null;
        tests.push(test);
      } else if (method === 'get') reads.push({ node: grand, key });
      else if (method === 'set' && grand.arguments.length === 2) {
        const write = writeAt(context, grand, grand.arguments[1], key);
        if (write === null) return null;
        if (write !== 'cleared') writes.push(write);
      } else return null;
      continue;
    }
    if (!parent.computed) return null;
    const key = stableKey(parent.property, context);
    if (!key) return null;
    if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') continue;
    if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
      if (grand.operator !== '=') return null;
      const write = writeAt(context, grand, grand.right, key);
      if (write === null) return null;
      if (write !== 'cleared') writes.push(write);
      continue;
    }
    reads.push({ node: parent, key });
  }
  const guarded: { node: Node; key: string }[] = [];
  for (const read of reads) {
    const test = reuseTestAt(read.node, read.key) ?? testedLocal(context, read.node, read.key);
    if (test) tests.push(test);
    else guarded.push(read);
  }
  // Every other read hands out a URL only where a reuse test of its key has passed.
  if (!guarded.every((read) => tests.some((t) => guards(t, read.node, read.key)))) return null;
  if (tests.length === 0 || writes.length === 0) return null;
  const edited = [...tests.map((t) => t.test), ...writes.map((w) => w.statement)];
  if (edited.some((a, i) => edited.some((b, j) => i !== j && a.range[0] < b.range[1] && b.range[0] < a.range[1])))
    return null;
  return { tests, writes };
}

/** `Object.keys(cache)`: lists the keys (to clear them), hands out no URL. */
function isHarmlessObjectRead(call: TSESTree.CallExpression, use: Node): boolean {
  const callee = call.callee;
  return (
    call.arguments[0] === use &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === OBJECT_GLOBAL &&
    HARMLESS_OBJECT_READS.has(staticPropertyName(callee) ?? '')
  );
}

/** A key that means the same wherever the cache is used in its function: a literal, or a name never reassigned. */
function stableKey(node: Node, context: Context): string | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal && (typeof inner.value === 'string' || typeof inner.value === 'number'))
    return inner.raw;
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ModuleRefs.for(context.sourceCode).variableOf(inner);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable)) return null;
  return def?.type === DefinitionType.Variable || def?.type === DefinitionType.Parameter ? inner.name : null;
}

/** `if (cache.has(k))`, `if (cache[k])`, `if (x && cache.has(k))` (reuse when true) or `if (!cache.has(k))`. */
function reuseTestAt(node: Node, key: string): ReuseTest | null {
  let test: Node = node;
  let positive = true;
  if (node.parent?.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === '!') {
    test = node.parent;
    positive = false;
  }
  let chain: Node = test;
  while (
    positive &&
    chain.parent?.type === AST_NODE_TYPES.LogicalExpression &&
    chain.parent.operator === '&&' &&
    (chain.parent.left === chain || chain.parent.right === chain)
  )
    chain = chain.parent;
  const statement = chain.parent;
  return statement?.type === AST_NODE_TYPES.IfStatement && statement.test === chain
    ? { test, positive, key, statement }
    : null;
}

/** `const hit = cache.get(k); if (hit) return hit;`: the local is the reuse test, read only where it is reused. */
function testedLocal(context: Context, read: Node, key: string): ReuseTest | null {
  let value: Node = read;
  while (
    value.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    (value.parent?.type === AST_NODE_TYPES.LogicalExpression &&
      value.parent.operator === '??' &&
      value.parent.left === value &&
      isNullish(value.parent.right))
  )
    value = value.parent;
  const declarator = value.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== value ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const'
  )
    return null;
  const [variable] = context.sourceCode.getDeclaredVariables(declarator);
  const uses = variable?.references.filter((r) => !r.init).map((r) => r.identifier as Node) ?? [];
  const first = uses[0];
  const test = first && reuseTestAt(first, key);
  if (!test?.positive) return null;
  const rest = uses.slice(1);
  return rest.every((use) => within(use, test.statement.consequent)) ? test : null;
}

/**
 * A read of the key's URL that a test decides: inside the consequent of a test that reuses it, or after a test that
 * refills it (`if (!urls[k]) { urls[k] = await sign(k); } return urls[k];`), in the block of that test.
 */
function guards(test: ReuseTest, read: Node, key: string): boolean {
  if (test.key !== key) return false;
  if (test.positive) return within(read, test.statement.consequent);
  const block = test.statement.parent;
  return block !== undefined && read.range[0] >= test.statement.range[1] && within(read, block);
}

/**
 * `cache.set(k, v);` or `cache[k] = v;` as a statement: its lifetime, or `cleared` for a nullish value (a failed
 * signature remembered as `null` fails every reuse test), or null when the lifetime is not in reach.
 */
function writeAt(context: Context, write: Node, value: Node, key: string): Write | 'cleared' | null {
  const statement = write.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  if (isNullish(value)) return 'cleared';
  const lifetime = lifetimeOf(context, value, 0);
  if (!lifetime) return null;
  if (lifetime.node && !inReach(context, lifetime.node, statement)) return null;
  return { statement, key, lifetime: lifetime.text };
}

const within = (inner: Node, outer: Node) => inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
