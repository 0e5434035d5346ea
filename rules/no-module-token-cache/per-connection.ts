import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, findProperty, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isAskableAgain, removeStatement } from '../../src/analysis/edits.js';
import { localFunction } from '../../src/analysis/local-function.js';
import { isConstLike, ModuleRefs } from '../../src/analysis/module-refs.js';
import { returnedValues } from '../../src/analysis/returned-values.js';
import { staticString } from '../../src/analysis/static-value.js';
import { findByApi, PER_CONNECTION_SECRETS } from '../../src/knowledge/index.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import type { Held } from '../../src/analysis/held.js';
import type { TokenCacheMessageId } from './messages.js';

/** A character that continues a JS identifier (what a name's occurrence must not touch on either side). */
const IDENTIFIER_CHARACTER = /[\w$]/u;

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<TokenCacheMessageId>;

/** Held kinds whose source may be asked once per connection: a signer mints a token locally, an auth client caches. */
const PER_CONNECTION_KINDS: ReadonlySet<string> = new Set(['auth-token', 'access-token']);

/**
 * `new Pool({ password: await signer.getAuthToken() })` → `password: () => signer.getAuthToken()`, for a library
 * that calls a function secret for each new connection (`PER_CONNECTION_SECRETS`). Also through a const local read
 * only there (`const token = await signer.getAuthToken(); ... password: token`, whose declaration goes) and a field
 * of the result (`password: token.token` → `async () => (await credential.getToken(scope)).token`). A local that is
 * also read elsewhere (a check that a token came back) stays: the first connection's check still runs once.
 */
export function passwordPerConnection(context: Context, candidate: Candidate): Suggestion[] {
  const { held } = candidate;
  const kept = held.keptIn ?? keptByOnlyRead(candidate) ?? keptThroughOptionsHelper(context, candidate);
  if (!kept || !held.call || !PER_CONNECTION_KINDS.has(held.kind)) return [];
  const { construction, property } = kept;
  const { sourceCode } = context;
  const refs = ModuleRefs.for(sourceCode);
  const entry = findByApi(PER_CONNECTION_SECRETS, refs.resolve(construction.callee));
  if (!entry || construction.type !== AST_NODE_TYPES.NewExpression || property.computed) return [];
  if (staticPropertyName(property) !== entry.option || property.shorthand || property.kind !== 'init') return [];
  if (entry.requires) {
    const required = findProperty(construction.arguments[0], entry.requires.option);
    const value = required ? staticString(required.value, context) : undefined;
    if (value === undefined || !entry.requires.values.includes(value)) return [];
  }
  const call = held.call.node;
  const secret = property.value as Node;
  const local = localHolding(secret, context);
  const source = local ? local.init : secret;
  if (!isAwaitOf(source, call) && !within(call, source)) return [];
  if (!isAskableAgain(call, secret, sourceCode, refs)) return [];
  const text = local ? withInit(local, secret, sourceCode) : sourceCode.getText(secret);
  // The whole secret is the awaited call (inline or through the local): the function returns the call's promise.
  const whole = local ? unwrap(secret) === local.identifier : true;
  const body = whole && isAwaitOf(source, call) ? sourceCode.getText(call) : text;
  const fn = /\bawait\b/u.test(body) ? `async () => ${body}` : `() => ${body}`;
  return [
    {
      messageId: 'passwordPerConnection',
      data: { option: entry.option, call: sourceCode.getText(call) },
      fix: (fixer) => [
        fixer.replaceText(secret, fn),
        ...(local?.removable ? [removeStatement(fixer, sourceCode, local.statement)] : []),
      ],
    },
  ];
}

/** The token's own variable, read once: as an option of a construction (`new Pool({ password: token })`). */
function keptByOnlyRead({ slot }: Candidate): Held['keptIn'] {
  if (slot.kind !== 'variable') return undefined;
  const reads = slot.variable.references.filter((r) => r.isRead());
  const property = reads.length === 1 ? reads[0].identifier.parent : undefined;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== reads[0].identifier) return undefined;
  const construction = property.parent.parent;
  return construction?.type === AST_NODE_TYPES.NewExpression && construction.arguments[0] === property.parent
    ? { construction, property }
    : undefined;
}

/**
 * `this.pool = new Pool(await this.poolConfig())` where the file's own `poolConfig` returns `{ ...base, password:
 * token?.token ?? '' }`: the options are built by a helper called only there, so the returned object's secret option
 * is the pool's. Found from the construction written into the slot, for the option of a per-connection library.
 */
function keptThroughOptionsHelper(context: Context, { target, held }: Candidate): Held['keptIn'] {
  if (!held.call) return undefined;
  const { sourceCode } = context;
  const refs = ModuleRefs.for(sourceCode);
  const construction = writtenConstruction(target);
  const entry = construction && findByApi(PER_CONNECTION_SECRETS, refs.resolve(construction.callee));
  const argument = construction?.arguments[0] && throughAwait(construction.arguments[0]);
  if (!entry || argument?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const helper = localFunction(argument, refs, { bindings: 'written-once', thisMethods: true });
  const name = helperName(argument);
  if (!helper || name === null || !calledOnce(name, sourceCode.text)) return undefined;
  const call = held.call.node;
  if (!(call.range[0] >= helper.range[0] && call.range[1] <= helper.range[1])) return undefined;
  for (const returned of returnedValues(helper)) {
    const object = unwrap(returned);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const property = object.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && staticPropertyName(p) === entry.option,
    );
    if (property && property.value.range[0] <= call.range[0] && call.range[1] <= property.value.range[1])
      return { construction, property };
    const local = property ? localHolding(property.value, context) : null;
    if (property && local && within(call, local.init)) return { construction, property };
  }
  return undefined;
}

/** The construction a slot write stores: `x = new Pool(...)`, `this.pool = await new Pool(...)`, `let x = new Pool(...)`. */
function writtenConstruction(target: Node): TSESTree.NewExpression | null {
  const parent = target.parent;
  const value =
    parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === target
      ? parent.right
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === target
        ? parent.init
        : null;
  const written = value ? throughAwait(value) : null;
  return written?.type === AST_NODE_TYPES.NewExpression ? written : null;
}

function throughAwait(node: Node): Node {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.AwaitExpression ? unwrap(inner.argument) : inner;
}

/** `poolConfig` of `poolConfig()` or `this.poolConfig()`. */
function helperName(call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : null;
}

/** The name occurs twice in the file, its definition and this call: what it returns goes nowhere else. */
function calledOnce(name: string, text: string): boolean {
  let count = 0;
  for (let at = text.indexOf(name); at !== -1 && count <= 2; at = text.indexOf(name, at + name.length))
    if (!IDENTIFIER_CHARACTER.test(text[at - 1] ?? '') && !IDENTIFIER_CHARACTER.test(text[at + name.length] ?? ''))
      count++;
  return count === 2;
}

interface HoldingLocal {
  readonly identifier: TSESTree.Identifier;
  readonly init: Node;
  readonly statement: TSESTree.VariableDeclaration;
  /** Read only in the secret: its statement can go. */
  readonly removable: boolean;
}

/**
 * `token`, `token.token` or `token?.token ?? ''` where `const token = <init>`; its statement can go when it is read
 * only there. A default after `??` or `||` stays beside the call's result.
 */
function localHolding(secret: Node, context: Context): HoldingLocal | null {
  let root = unwrap(secret);
  while (root.type === AST_NODE_TYPES.LogicalExpression && root.operator !== '&&') root = unwrap(root.left);
  while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ModuleRefs.for(context.sourceCode).variableOf(root);
  const def = variable?.defs[0];
  if (!variable || !isConstLike(variable) || def?.type !== DefinitionType.Variable || !def.node.init) return null;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  const reads = variable.references.filter((r) => r.isRead());
  if (!reads.some((r) => r.identifier === root)) return null;
  const statement = def.parent;
  const holder = statement.parent?.type;
  if (
    statement.declarations.length !== 1 ||
    (holder !== AST_NODE_TYPES.BlockStatement && holder !== AST_NODE_TYPES.Program)
  )
    return null;
  return { identifier: root, init: def.node.init, statement, removable: reads.length === 1 };
}

/** The secret's text with the local replaced by its init: `(await x).token`, or the bare init for the whole secret. */
function withInit(local: HoldingLocal, secret: Node, sourceCode: Context['sourceCode']): string {
  const init = sourceCode.getText(local.init);
  if (unwrap(secret) === local.identifier) return init;
  const text = sourceCode.getText(secret);
  const [start, end] = local.identifier.range.map((offset) => offset - secret.range[0]);
  return `${text.slice(0, start)}(${init})${text.slice(end)}`;
}

function isAwaitOf(node: Node, call: Node): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.AwaitExpression && unwrap(inner.argument) === call;
}

/** `call` is `node` or inside it, reached through awaits and member reads only. */
function within(call: Node, node: Node): boolean {
  let current = unwrap(node);
  for (;;) {
    if (current === call) return true;
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
    else if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) current = unwrap(current.object);
    else return false;
  }
}
