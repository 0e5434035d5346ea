import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, findProperty, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isAskableAgain, removeStatement } from '../../src/analysis/edits.js';
import { isConstLike, ModuleRefs } from '../../src/analysis/module-refs.js';
import { staticString } from '../../src/analysis/static-value.js';
import { findByApi, PER_CONNECTION_SECRETS } from '../../src/knowledge/index.js';
import type { Candidate } from './candidates.js';
import type { Held } from '../../src/analysis/held.js';
import type { TokenCacheMessageId } from './messages.js';

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
  const kept = held.keptIn ?? keptByOnlyRead(candidate);
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

interface HoldingLocal {
  readonly identifier: TSESTree.Identifier;
  readonly init: Node;
  readonly statement: TSESTree.VariableDeclaration;
  /** Read only in the secret: its statement can go. */
  readonly removable: boolean;
}

/** `token` or `token.token` where `const token = <init>`; its statement can go when it is read only there. */
function localHolding(secret: Node, context: Context): HoldingLocal | null {
  let root = unwrap(secret);
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
