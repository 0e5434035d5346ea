import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, enclosingFunction, isNullish, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { addMember, isMovable, isRepeatable, removeStatement, indentOf } from '../../src/analysis/edits.js';
import type { ExpiryGuard } from '../../src/analysis/expiry-guard.js';
import { formatDuration } from '../../src/analysis/format.js';
import { ModuleRefs } from '../../src/analysis/module-refs.js';
import type { Candidate } from '../../src/analysis/kept-candidates.js';
import { occurrencesOf } from '../../src/analysis/storage-slot.js';
import type { TokenCacheMessageId } from './messages.js';
import { freshIdentifier } from '../../src/util/words.js';
import { responseLifetimeAt, type StatedLifetime } from './response-lifetime.js';
import { checkStsExpiration } from './sts-expiration.js';
import { passwordPerConnection } from './per-connection.js';
import { settingsPerConnection } from './connection-settings.js';
import { useTokenCredential } from './token-credential.js';
import { expireSignedUrls } from './signed-url-expiry.js';
import { checkAccessTokenExpiry } from './access-token-expiry.js';
import { askEachCall, clearsMemo } from '../token-memo-utils/memo-return.js';
import { declarationMovedInto, isClockRead, readsClockOnce } from './sign-where-used.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<TokenCacheMessageId, readonly unknown[]>>;
type Suggestion = TSESLint.SuggestionReportDescriptor<TokenCacheMessageId>;
type Variable = TSESLint.Scope.Variable;

const FLIPPED: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
/** Reuse a value until this long before it typically expires. */
const MARGIN_SECONDS = 300;

/** The suggestions for one finding; each one's output parses and keeps the program's types. */
export function suggestionsFor(context: Context, candidate: Candidate, guard: ExpiryGuard, name: string): Suggestion[] {
  if (guard.kind === 'inverted') return invertComparison(context, guard.by);
  // The rewrites add module variables or fields beside the keeper; a component's state needs its own hook instead.
  if (candidate.componentState) return [];
  const sts = checkStsExpiration(context, candidate);
  if (sts.length > 0) return sts;
  const pooled = passwordPerConnection(context, candidate);
  if (pooled.length > 0) return pooled;
  const settings = settingsPerConnection(context, candidate);
  if (settings.length > 0) return settings;
  const tedious = useTokenCredential(context, candidate);
  if (tedious.length > 0) return tedious;
  const urls = expireSignedUrls(context, candidate, name);
  if (urls.length > 0) return urls;
  const memo = memoOfSelfCachingCall(context, candidate, name);
  if (memo.length > 0) return memo;
  const declared = moduleLetOrConst(candidate);
  return [...(declared ? perUse(context, candidate, declared, name) : []), ...addExpiryCheck(context, candidate, name)];
}

/** A memo in front of a call that caches the token itself: the early return goes (token-memo-utils/memo-return.ts). */
function memoOfSelfCachingCall(context: Context, candidate: Candidate, name: string): Suggestion[] {
  const found = cacheSlotOf(context, candidate);
  if (!found) return [];
  return askEachCall(
    context,
    found.reads,
    found.writes.filter((write) => !clearsMemo(write)),
    name,
  );
}

/** `if (cached && cached.expiresAt < Date.now()) return cached;` → `>=`. */
function invertComparison(context: Context, check: Node): Suggestion[] {
  if (
    check.type !== AST_NODE_TYPES.BinaryExpression ||
    !(check.operator in FLIPPED) ||
    check.left.type === AST_NODE_TYPES.PrivateIdentifier
  )
    return [];
  const operator = context.sourceCode.getFirstTokenBetween(
    check.left,
    check.right,
    (token) => token.value === check.operator,
  );
  if (!operator) return [];
  const to = FLIPPED[check.operator];
  return [
    {
      messageId: 'invertComparison',
      data: { line: String(check.loc.start.line), from: check.operator, to },
      fix: (fixer) => fixer.replaceText(operator, to),
    },
  ];
}

interface Declared {
  readonly variable: Variable;
  readonly declarator: TSESTree.VariableDeclarator;
  readonly declaration: TSESTree.VariableDeclaration;
}

/** A module-level, unexported, single-declarator `let`/`var`/`const x = ...` holding the value. */
function moduleLetOrConst(candidate: Candidate): Declared | null {
  const { slot } = candidate;
  if (slot.kind !== 'variable' || candidate.container) return null;
  const def = slot.variable.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  const declaration = def.parent;
  if (declaration.declarations.length !== 1 || declaration.parent?.type !== AST_NODE_TYPES.Program) return null;
  return { variable: slot.variable, declarator: def.node, declaration };
}

/**
 * `const token = await auth.getAccessToken();` read in async functions → `(await auth.getAccessToken())` at each
 * read, declaration removed. Only when the value is written once, by the SDK call itself, and the call means the
 * same at every read.
 */
function perUse(context: Context, candidate: Candidate, declared: Declared, name: string): Suggestion[] {
  const call = candidate.held.call;
  const init = declared.declarator.init;
  if (!call || !init) return [];
  const awaited = unwrap(init).type === AST_NODE_TYPES.AwaitExpression;
  if ((awaited ? unwrap((unwrap(init) as TSESTree.AwaitExpression).argument) : unwrap(init)) !== call.node) return [];
  if (!repeatableCall(call.node, context.sourceCode)) return [];
  const references = declared.variable.references;
  if (references.some((r) => r.isWrite() && !r.init)) return [];
  const reads = references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Identifier);
  if (reads.length === 0) return [];
  for (const read of reads) {
    const parent = read.parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier || !isMovable(call.node, read, context.sourceCode)) return [];
    // A read at module scope runs once, when the module loads: calling there keeps the same snapshot.
    const fn = enclosingFunction(read);
    if (fn === null || (awaited && !fn.async)) return [];
  }
  const text = context.sourceCode.getText(call.node);
  const replacementAt = (read: TSESTree.Identifier) =>
    awaited && needsParentheses(read) ? `(await ${text})` : awaited ? `await ${text}` : text;
  const messageId = call.signs
    ? 'signJwtPerUse'
    : call.perUse
      ? 'callPerUse'
      : candidate.held.kind === 'presigned-url'
        ? 'signPerUse'
        : 'fetchPerUse';
  const data = { call: awaited ? `await ${text}` : text, name };
  // A signature is made on the spot, with no effect elsewhere: the declaration itself can move to where it is used.
  // A signature whose claims use a time read once elsewhere (`iat: now - 60`) would stay as old as that read.
  if (call.signs && readsClockOnce(call.node, context.sourceCode)) return [];
  const moved = call.signs && !awaited ? declarationMovedInto(context, declared.declaration, reads) : null;
  if (moved) return [{ messageId, data, fix: moved }];
  return [
    {
      messageId,
      data,
      fix: (fixer) => [
        removeStatement(fixer, context.sourceCode, declared.declaration),
        ...reads.map((read) => {
          const parent = read.parent;
          const shorthand = parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === read;
          return fixer.replaceText(read, shorthand ? `${read.name}: ${replacementAt(read)}` : replacementAt(read));
        }),
      ],
    },
  ];
}

/**
 * The call may be copied to each read: besides the call itself, nothing in it has an effect of its own (an
 * argument with `await`, a nested call or an update would run again per use, or not parse outside an async function).
 */
function repeatableCall(call: Node, sourceCode: Context['sourceCode']): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return false;
  const refs = ModuleRefs.for(sourceCode);
  const imported = (callee: Node) => refs.resolve(callee) !== null;
  // `exp: Math.floor(Date.now() / 1000) + 180` in a JWT's claims: per use, the clock is read at each signature.
  const clockRead = (callee: Node) => isClockRead(callee, refs);
  return isRepeatable(call.callee) && call.arguments.every((argument) => isRepeatable(argument, imported, clockRead));
}

/** `await x` binds looser than member access, calls and tagged templates: `(await x).y`, `(await x)()`. */
function needsParentheses(read: TSESTree.Identifier): boolean {
  const parent = read.parent;
  return (
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read) ||
    ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
      parent.callee === read) ||
    (parent?.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === read)
  );
}

/**
 * `let token = null; ... if (token) return token; ... token = await fetchToken();` → a companion
 * `tokenExpiresAt`, set after each write and checked in each reuse test. When every write holds the token
 * response, the deadline is the lifetime it states (`expires_in`, less a margin: `expireFromResponse`); otherwise a
 * typical lifetime, which is a guess (`addExpiryCheck`). The cache is a module variable or a singleton's field.
 */
function addExpiryCheck(context: Context, candidate: Candidate, name: string): Suggestion[] {
  const found = cacheSlotOf(context, candidate);
  if (!found) return [];
  const tests = found.reads.map(reuseTest).filter((t) => t !== null);
  if (tests.length === 0) return [];
  // `this.token = null` (a logout, the constructor's start) empties the cache: no deadline to stamp there, since a
  // test of its truth (or a loose `!= null`) already refills it.
  const cache = tests.every(({ test }) => !isStrictNullTest(test))
    ? { ...found, writes: found.writes.filter((write) => !clearsMemo(write)) }
    : found;
  const statements = cache.writes.map(writeStatement);
  if (cache.writes.length === 0 || statements.some((s) => s === null)) return [];
  // `inflight = fetchToken().finally(() => { inflight = null; })`: edits of nested writes would overlap.
  const edited = [...statements.map((s) => s!.statement), ...tests.map((t) => t.test)];
  if (edited.some((a, i) => edited.some((b, j) => i !== j && a.range[0] < b.range[1] && b.range[0] < a.range[1])))
    return [];
  const ownExpiry = checkAccessTokenExpiry(context, cache.writes, tests, name);
  if (ownExpiry.length > 0) return ownExpiry;
  const deadline = freshIdentifier(`${cache.name}ExpiresAt`, context.sourceCode.text);
  const deadlineRef = cache.reference(deadline);
  const stated = statedLifetimes(context, cache, edited);
  if (stated) {
    // `expires_in` counts seconds from the response; a stated deadline is a time (`expires_at`) or a `Date` (`expiresOn`,
    // null when MSAL states none: then never reused).
    const stamps = stated.map(({ text, at }) =>
      at === 'iso-time'
        ? `${deadlineRef} = Date.parse(${text}) - ${MARGIN_SECONDS} * 1000;`
        : at === 'date'
          ? `${deadlineRef} = (${text}?.getTime() ?? 0) - ${MARGIN_SECONDS} * 1000;`
          : `${deadlineRef} = Date.now() + (${text} - ${MARGIN_SECONDS}) * 1000;`,
    );
    const typeLiterals = new Map(stated.flatMap((s) => (s.addFieldTo ? [[s.addFieldTo, s] as const] : [])));
    const fields = [...new Set(stated.map(({ field }) => field))];
    return [
      {
        messageId: 'expireFromResponse',
        data: { name, field: fields.join('`, `'), margin: formatDuration(MARGIN_SECONDS) },
        fix: (fixer) => [
          ...expiryFixes(fixer, context, cache.declare(fixer, deadline, '0'), {
            tests,
            deadlineRef,
            statements: statements.map((write, i) => ({ ...write!, stamp: stated[i].inHelper ? '' : stamps[i] })),
          }),
          ...stated.flatMap(({ inHelper }, i) => (inHelper ? stampInHelper(fixer, context, inHelper, stamps[i]) : [])),
          ...[...typeLiterals].flatMap(([type, { field, fieldType }]) =>
            addMember(type, field, fieldType, context.sourceCode, false)(fixer),
          ),
        ],
      },
    ];
  }
  const ttlSeconds = Math.max(
    60,
    candidate.held.seconds > 2 * MARGIN_SECONDS
      ? candidate.held.seconds - MARGIN_SECONDS
      : Math.floor(candidate.held.seconds / 2),
  );
  const ttl = ttlSeconds % 60 === 0 ? `${ttlSeconds / 60} * 60 * 1000` : `${ttlSeconds} * 1000`;
  const stamp = `${deadlineRef} = Date.now() + ${ttl};`;
  return [
    {
      messageId: 'addExpiryCheck',
      data: { name, ttl: formatDuration(ttlSeconds), margin: formatDuration(candidate.held.seconds - ttlSeconds) },
      fix: (fixer) =>
        expiryFixes(fixer, context, cache.declare(fixer, deadline, cache.filledAtLoad ? `Date.now() + ${ttl}` : '0'), {
          tests,
          deadlineRef,
          statements: statements.map((write) => ({ ...write!, stamp })),
        }),
    },
  ];
}

/**
 * The lifetime each write's response states, or null when one does not; a helper's stamp must reach the companion
 * and sit apart from the other edits.
 */
function statedLifetimes(context: Context, cache: CacheSlot, edited: readonly Node[]): StatedLifetime[] | null {
  if (cache.filledAtLoad || cache.writes.length === 0) return null;
  const stated: StatedLifetime[] = [];
  for (const write of cache.writes) {
    const lifetime = responseLifetimeAt(write, context);
    if (!lifetime) return null;
    if (
      lifetime.inHelper &&
      (!cache.reaches(lifetime.inHelper.fn) || overlapsAny([lifetime.inHelper.returned], edited))
    )
      return null;
    stated.push(lifetime);
  }
  return stated;
}

/** `null`, `undefined` or `''`: a cache declared empty (a string cache's `let token = ''`, tested by its truth). */
function isUnset(node: Node): boolean {
  const inner = unwrap(node);
  return isNullish(inner) || (inner.type === AST_NODE_TYPES.Literal && inner.value === '');
}

/** A cache the expiry check can be added to: where it is written and read, and how a companion is declared. */
interface CacheSlot {
  /** The base of the companion's name. */
  readonly name: string;
  readonly writes: readonly (TSESTree.Identifier | TSESTree.MemberExpression)[];
  readonly reads: readonly Node[];
  /** It holds a value from the start (the companion then starts with a deadline too). */
  readonly filledAtLoad: boolean;
  /** How the code refers to the companion (`tokenExpiresAt`, `this.tokenExpiresAt`). */
  reference(deadline: string): string;
  /** That reference means the companion inside `fn` too (a function of the file, a method of the field's class). */
  reaches(fn: TSESTree.FunctionLike): boolean;
  declare(fixer: TSESLint.RuleFixer, deadline: string, initial: string): TSESLint.RuleFix;
}

function cacheSlotOf(context: Context, candidate: Candidate): CacheSlot | null {
  const declared = moduleLetOrConst(candidate);
  if (declared) return moduleVariableCache(declared);
  return instanceFieldCache(context, candidate);
}

function moduleVariableCache({ variable, declarator, declaration }: Declared): CacheSlot | null {
  if (declaration.kind === 'const') return null;
  const references = variable.references;
  return {
    name: variable.name,
    writes: references.filter((r) => r.isWrite() && !r.init).map((r) => r.identifier as TSESTree.Identifier),
    reads: references.filter((r) => r.isRead()).map((r) => r.identifier as Node),
    filledAtLoad: declarator.init !== null && declarator.init !== undefined && !isUnset(declarator.init),
    reference: (deadline) => deadline,
    reaches: () => true,
    declare: (fixer, deadline, initial) =>
      fixer.insertTextAfter(declaration, `\n${declaration.kind} ${deadline} = ${initial};`),
  };
}

/**
 * A field of a singleton declared in its class (`private token: string | null = null;`) and used only as
 * `this.token`: the companion is a field declared after it with the same accessibility. A field the constructor
 * starts empty instead (`this.token = null;`, JavaScript's way) gets its companion the same way, after that line.
 */
function instanceFieldCache(context: Context, candidate: Candidate): CacheSlot | null {
  const { slot } = candidate;
  if (slot.kind !== 'member' || slot.owner.kind !== 'class' || slot.owner.isStatic || candidate.container) return null;
  const properties = slot.owner.classNode.body.body.filter(
    (e): e is TSESTree.PropertyDefinition =>
      e.type === AST_NODE_TYPES.PropertyDefinition && !e.static && staticPropertyName(e) === slot.name,
  );
  if (properties.length === 0) return constructorFieldCache(context, candidate);
  const property = properties[0];
  if (properties.length !== 1 || property.computed || (property.decorators?.length ?? 0) > 0 || property.declare)
    return null;
  if (property.readonly) return null;
  const accesses = thisAccesses(slot, context, property);
  if (!accesses) return null;
  const { writes, reads } = accesses;
  const privateName = property.key.type === AST_NODE_TYPES.PrivateIdentifier;
  const base = privateName ? slot.name.slice(1) : slot.name;
  const key = (deadline: string) => (privateName ? `#${deadline}` : deadline);
  return {
    name: base,
    writes,
    reads,
    filledAtLoad: property.value !== null && !isUnset(property.value),
    reference: (deadline) => `this.${key(deadline)}`,
    reaches: (fn) => isMethodOf(fn, property.parent.parent),
    declare: (fixer, deadline, initial) =>
      fixer.insertTextAfter(
        property,
        `\n${indentOf(property, context.sourceCode.text)}${property.accessibility ? `${property.accessibility} ` : ''}${key(deadline)} = ${initial};`,
      ),
  };
}

/**
 * The field's writes and reads, when every occurrence (but its declaration, `skip`) is a plain `this.x` read or write;
 * null when one is anything else (destructuring, `delete`, another object's `x`), which no companion edit can follow.
 */
function thisAccesses(
  slot: Parameters<typeof occurrencesOf>[0],
  context: Context,
  skip?: Node,
): { writes: TSESTree.MemberExpression[]; reads: Node[] } | null {
  const writes: TSESTree.MemberExpression[] = [];
  const reads: Node[] = [];
  for (const occurrence of occurrencesOf(slot, context.sourceCode)) {
    const node = occurrence.node;
    if (node === skip) continue;
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression)
      return null;
    if (occurrence.access === 'write') writes.push(node);
    else if (occurrence.access === 'read') reads.push(node);
    else return null;
  }
  return { writes, reads };
}

/** `constructor() { this.token = null; }` in a class that declares no `token` field: the companion follows it. */
function constructorFieldCache(context: Context, candidate: Candidate): CacheSlot | null {
  const { slot } = candidate;
  if (slot.kind !== 'member' || slot.owner.kind !== 'class') return null;
  const constructor = slot.owner.classNode.body.body.find(
    (e): e is TSESTree.MethodDefinition => e.type === AST_NODE_TYPES.MethodDefinition && e.kind === 'constructor',
  );
  const accesses = thisAccesses(slot, context);
  if (!accesses) return null;
  const { writes, reads } = accesses;
  const start = constructor?.value.body?.body.find(
    (statement): statement is TSESTree.ExpressionStatement =>
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      writes.includes(statement.expression.left as TSESTree.MemberExpression) &&
      isNullish(statement.expression.right),
  );
  if (!start) return null;
  return {
    name: slot.name,
    // The constructor's empty start is the field's initial value, as a declared field's initializer is.
    writes: writes.filter((write) => write !== (start.expression as TSESTree.AssignmentExpression).left),
    reads,
    filledAtLoad: false,
    reference: (deadline) => `this.${deadline}`,
    reaches: (fn) => slot.kind === 'member' && slot.owner.kind === 'class' && isMethodOf(fn, slot.owner.classNode),
    declare: (fixer, deadline, initial) =>
      fixer.insertTextAfter(start, `\n${indentOf(start, context.sourceCode.text)}this.${deadline} = ${initial};`),
  };
}

/** An instance method of the class (not static, not an arrow in a field): its `this` is the instance. */
function isMethodOf(fn: TSESTree.FunctionLike, classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression) {
  const method = fn.parent;
  return (
    method?.type === AST_NODE_TYPES.MethodDefinition &&
    method.kind === 'method' &&
    !method.static &&
    method.parent === classNode.body
  );
}

function overlapsAny(nodes: readonly Node[], others: readonly Node[]): boolean {
  return nodes.some((a) => others.some((b) => a.range[0] < b.range[1] && b.range[0] < a.range[1]));
}

/**
 * The deadline stamped just before the helper's return, where its response is in reach; an inline body (`return
 * (await res.json()).access_token`) is first held by a const.
 */
function stampInHelper(
  fixer: TSESLint.RuleFixer,
  context: Context,
  { returned, bind }: NonNullable<StatedLifetime['inHelper']>,
  stamp: string,
): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const indent = indentOf(returned, sourceCode.text);
  if (!bind) return [fixer.insertTextBefore(returned, `${stamp}\n${indent}`)];
  const before = sourceCode.getTokenBefore(bind.body);
  const after = sourceCode.getTokenAfter(bind.body);
  const wrapped = before?.value === '(' && after?.value === ')' && before.range[0] >= returned.range[0];
  const range: [number, number] = wrapped ? [before.range[0], after.range[1]] : bind.body.range;
  return [
    fixer.insertTextBefore(
      returned,
      `const ${bind.name} = ${sourceCode.getText(bind.body)};\n${indent}${stamp}\n${indent}`,
    ),
    fixer.replaceTextRange(range, bind.name),
  ];
}

/** `x !== null`, `x === undefined`: a null and an undefined value are told apart. */
function isStrictNullTest(test: Node): boolean {
  return test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '===' || test.operator === '!==');
}

interface ExpiryEdits {
  readonly tests: readonly { test: Node; positive: boolean }[];
  readonly deadlineRef: string;
  readonly statements: readonly (WriteStatement & { stamp: string })[];
}

/** The deadline declared after the cache, tested in each reuse test, and stamped after each write. */
function expiryFixes(
  fixer: TSESLint.RuleFixer,
  context: Context,
  declaration: TSESLint.RuleFix,
  { tests, deadlineRef, statements }: ExpiryEdits,
): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  return [
    declaration,
    ...tests.map(({ test, positive }) =>
      fixer.replaceText(
        test,
        positive
          ? `${sourceCode.getText(test)} && Date.now() < ${deadlineRef}`
          : `${sourceCode.getText(test)} || Date.now() >= ${deadlineRef}`,
      ),
    ),
    ...statements.flatMap(({ statement, inList, stamp }) =>
      stamp === ''
        ? []
        : inList
          ? fixer.insertTextAfter(statement, `\n${indentOf(statement, sourceCode.text)}${stamp}`)
          : fixer.replaceText(statement, `{ ${sourceCode.getText(statement)} ${stamp} }`),
    ),
  ];
}

interface WriteStatement {
  readonly statement: TSESTree.ExpressionStatement;
  readonly inList: boolean;
}

/**
 * The statement `x = value;` around a write. `inList`: it sits in a statement list, so a statement can follow
 * it; otherwise it is the body of an `if` or loop and needs braces to take a second statement.
 */
function writeStatement(identifier: Node): WriteStatement | null {
  const assignment = identifier.parent;
  if (
    assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
    assignment.operator !== '=' ||
    assignment.left !== identifier
  )
    return null;
  const statement = assignment.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const list = statement.parent?.type;
  return {
    statement,
    inList:
      list === AST_NODE_TYPES.BlockStatement || list === AST_NODE_TYPES.Program || list === AST_NODE_TYPES.SwitchCase,
  };
}

/**
 * `if (x)`, `if (x != null)` (reuse when true) or `if (!x)`, `if (x == null)` (refill when true), alone or in a
 * chain of `&&` (reuse) or `||` (refill) that is the whole test.
 */
function reuseTest(identifier: Node): { test: Node; positive: boolean } | null {
  let node = identifier;
  let positive = true;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') {
    node = parent;
    positive = false;
  } else if (parent?.type === AST_NODE_TYPES.BinaryExpression && ['!=', '!==', '==', '==='].includes(parent.operator)) {
    const other = parent.left === identifier ? parent.right : parent.left;
    if (!isNullish(other)) return null;
    node = parent;
    positive = parent.operator.startsWith('!');
  }
  // `if (token && instanceUrl)` reuses only when both hold (`if (!token || !url)` refills when either fails): the
  // deadline joins the same chain.
  const joiner = positive ? '&&' : '||';
  while (node.parent?.type === AST_NODE_TYPES.LogicalExpression && node.parent.operator === joiner) node = node.parent;
  const statement = node.parent;
  return statement?.type === AST_NODE_TYPES.IfStatement && statement.test === node ? { test: node, positive } : null;
}
