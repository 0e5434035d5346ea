import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, enclosingFunction, isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { keepsProcessRunning, readsArgv } from '../../src/analysis/process-lifetime.js';
import { alongTokenPath } from '../../src/analysis/token-path.js';
import { type FlowNode, flowPath } from '../../src/analysis/value-flow.js';
import {
  AWS_V2_CREDENTIAL_FIELDS,
  AWS_V2_REFRESH_METHODS,
  LONG_LIVED_CALLBACKS,
  SECRET_CARRYING_FIELDS,
} from '../../src/knowledge/index.js';
import type { Finding, Node, SnapshotContext } from './context.js';
import { resolveAtUse } from './resolve-at-use.js';
import { sessionWords } from './session.js';
import { valueWords } from './keeper-words.js';
import { type Resolution, tokenPathsOf } from './sources.js';

const LISTENERS: ReadonlySet<string> = new Set(LONG_LIVED_CALLBACKS.listenerMethods);
const ENDING_EVENTS: ReadonlySet<string> = new Set(LONG_LIVED_CALLBACKS.endingEvents);
const REPEATING: ReadonlySet<string> = new Set(LONG_LIVED_CALLBACKS.repeatingCalls);
const ROUTES: ReadonlySet<string> = new Set(LONG_LIVED_CALLBACKS.routeMethods);
const SERVERS: ReadonlySet<string> = new Set(LONG_LIVED_CALLBACKS.serverFactories);
const HANDLER_OPTIONS: ReadonlySet<string> = new Set(LONG_LIVED_CALLBACKS.handlerOptions);
const REPEATING_CONSTRUCTORS: ReadonlySet<string> = new Set(LONG_LIVED_CALLBACKS.repeatingConstructors);
const V2_KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V2_CREDENTIAL_FIELDS);
const V2_REFRESH_METHODS: ReadonlySet<string> = new Set(AWS_V2_REFRESH_METHODS);

/**
 * A value resolved once in a start-up function (`main()`, `start()`, run once from the top of the file) and read by
 * a callback that function registers for the life of the process: an event listener, a timer, a route handler, a
 * queue consumer, a cron job. Every call of the callback gets the same copy, long after its session ended. A value
 * resolved inside the callback, a variable written again (a refresh), `once(...)` and exit handlers are fine.
 * A timer whose handle nobody keeps, or a listener on `process`, outlives whatever function registered it, so there
 * the function need not be a start-up one (an exported `start()` the file never calls). A live v2 credentials object
 * (what a v2 chain resolves, `AWS.config.credentials`, a refreshing class's instance) captured whole refreshes when
 * its clients call `get()`; only keys copied out of it are one copy.
 */
export function checkCapturedByLongLivedCallback(
  resolution: Resolution,
  flow: readonly FlowNode[],
  ctx: SnapshotContext,
): Finding | null {
  const home = enclosingFunction(resolution.reportNode);
  if (!home) return null;
  const atStart = runsOnceAtStart(home, ctx);
  const tokenPaths = tokenPathsOf(resolution);
  for (const node of flow) {
    const { step } = node;
    if (step.kind !== 'capture' || isWrittenAgain(step.reference, ctx)) continue;
    if (!readsSecret(step.reference) && !holdsObjectBuiltWith(node, ctx)) continue;
    if (tokenPaths && !alongTokenPath(flowPath(node), tokenPaths)) continue;
    if (
      resolution.kind === 'v2-chain' &&
      (!copiesV2Keys(node, step.reference) || reloadsInside(step.node, step.reference, ctx))
    )
      continue;
    const registration = registrationOf(step.node, home);
    if (!registration || (registration.listener && runsOverArguments(ctx))) continue;
    if (!atStart && !registration.processWide) continue;
    return {
      node: resolution.reportNode,
      messageId: 'capturedByLongLivedCallback',
      data: {
        ...valueWords(resolution, 'callback', ctx),
        callback: registration.words,
        start: registrantWords(home, atStart),
        ...sessionWords(resolution.sessionId, ctx.settings, resolution.durationSeconds),
      },
      suggest: resolveAtUse(resolution, ctx),
    };
  }
  return null;
}

/** A key field (`accessKeyId`) read off the live v2 object on the way to the callback, or by the callback itself. */
function copiesV2Keys(node: FlowNode, reference: TSESTree.Identifier): boolean {
  const parent = reference.parent;
  return (
    (parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference &&
      V2_KEY_FIELDS.has(staticPropertyName(parent) ?? '')) ||
    flowPath(node).some(({ step }) => step.kind === 'field' && V2_KEY_FIELDS.has(step.name ?? ''))
  );
}

/** The callback loads the live object again before it reads it (`await live.getPromise()`), so each run gets fresh keys. */
function reloadsInside(closure: TSESTree.FunctionLike, reference: TSESTree.Identifier, ctx: SnapshotContext): boolean {
  const variable = ctx.refs.variableOf(reference);
  return (variable?.references ?? []).some(({ identifier }) => {
    const member = identifier.parent;
    return (
      identifier.range[0] >= closure.range[0] &&
      identifier.range[1] <= closure.range[1] &&
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === identifier &&
      V2_REFRESH_METHODS.has(staticPropertyName(member) ?? '') &&
      member.parent?.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    );
  });
}

/** `\`main()\``, the method's or the variable's name, or what it is when it has none. */
function registrantWords(home: TSESTree.FunctionLike, atStart: boolean): string {
  const parent = home.parent;
  const name =
    home.type === AST_NODE_TYPES.FunctionDeclaration && home.id
      ? home.id.name
      : parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property
        ? staticPropertyName(parent)
        : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
          ? parent.id.name
          : null;
  return name ? `\`${name}()\`` : atStart ? 'start-up' : 'the function around it';
}

/**
 * A function the file runs once from its top level: `main();`, `start().catch(...)`, `void bootstrap()`, or an
 * async IIFE there. Its locals live as long as what it registers.
 */
function runsOnceAtStart(fn: TSESTree.FunctionLike, ctx: SnapshotContext): boolean {
  const call = fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.callee === fn ? fn.parent : null;
  if (call) return enclosingFunction(call) === null;
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier
        ? fn.parent.id
        : null;
  const variable = name ? ctx.refs.variableOf(name) : null;
  if (!variable) return false;
  const reads = variable.references.filter((r) => r.isRead());
  return (
    reads.length === 1 &&
    reads.every((r) => {
      const parent = r.identifier.parent;
      return (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.callee === r.identifier &&
        enclosingFunction(parent) === null
      );
    })
  );
}

/** The reference reads the value whole or a secret field of it (`creds.accessKeyId`), not `creds.expiration`. */
function readsSecret(reference: TSESTree.Identifier): boolean {
  const parent = reference.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference) return true;
  return SECRET_CARRYING_FIELDS.has(staticPropertyName(parent) ?? '');
}

/**
 * The captured variable holds an object built with the value (`const s3 = new S3Client({ credentials })`, a factory
 * of an imported module): whatever the callback calls on it (`s3.send(...)`) signs with the copy it was built with.
 * Only secret fields may be read on the way (`new Date(creds.expiration)` builds nothing from the secret).
 */
function holdsObjectBuiltWith(node: FlowNode, ctx: SnapshotContext): boolean {
  const store = node.previous;
  const built = store?.step.kind === 'store' ? store.previous : null;
  if (built?.step.kind !== 'argument') return false;
  const call = built.step.node;
  if (call.type !== AST_NODE_TYPES.NewExpression && ctx.refs.resolve(call.callee) === null) return false;
  return flowPath(built).every(({ step }) => step.kind !== 'field' || SECRET_CARRYING_FIELDS.has(step.name ?? ''));
}

/** `creds = await provider()` again somewhere (a refresh): the variable is not one copy. */
function isWrittenAgain(reference: TSESTree.Identifier, ctx: SnapshotContext): boolean {
  const variable = ctx.refs.variableOf(reference);
  return !variable || variable.references.filter((r) => r.isWrite()).length > 1;
}

/**
 * A command run over its arguments (`process.argv`) that starts nothing long-lived: its listeners (lines of an input
 * file, a child's output) end with the work it was given.
 */
function runsOverArguments(ctx: SnapshotContext): boolean {
  return readsArgv(ctx.sourceCode) && !keepsProcessRunning(ctx.sourceCode);
}

interface Registration {
  readonly words: string;
  /** An event listener (its emitter may be as short-lived as the command), not a server, timer or consumer. */
  readonly listener: boolean;
  /** Outlives any call of the function that registers it: a timer nobody can clear, a listener on `process`. */
  readonly processWide: boolean;
}

/** How the closure (or a function it sits in, below `home`) is registered to run for the process's life. */
function registrationOf(closure: TSESTree.FunctionLike, home: TSESTree.FunctionLike): Registration | null {
  for (let fn: Node | null = closure; fn && fn !== home; fn = enclosingFunction(fn)) {
    if (!isFunctionNode(fn)) return null;
    const words = registeredAs(fn);
    if (words) return { words, listener: words.endsWith('listener'), processWide: isProcessWide(fn) };
  }
  return null;
}

function registeredAs(fn: TSESTree.FunctionLike): string | null {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    const option = staticPropertyName(parent);
    const holder = parent.parent?.parent;
    return option !== null &&
      HANDLER_OPTIONS.has(option) &&
      (holder?.type === AST_NODE_TYPES.CallExpression || holder?.type === AST_NODE_TYPES.NewExpression)
      ? `the \`${option}\` handler`
      : null;
  }
  if (parent?.type === AST_NODE_TYPES.NewExpression) {
    const name = calleeName(parent);
    return name !== null && REPEATING_CONSTRUCTORS.has(name) ? `the \`${name}\` job` : null;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.Expression))
    return null;
  const name = calleeName(parent);
  if (name === null) return null;
  const first = parent.arguments[0] ? unwrap(parent.arguments[0]) : null;
  const literal = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : null;
  if (LISTENERS.has(name) && parent.callee.type === AST_NODE_TYPES.MemberExpression)
    return literal !== null && !ENDING_EVENTS.has(literal) ? `the \`'${literal}'\` listener` : null;
  if (REPEATING.has(name)) return `the \`${name}\` callback`;
  if (SERVERS.has(name)) return `the \`${name}\` request handler`;
  if (ROUTES.has(name) && parent.callee.type === AST_NODE_TYPES.MemberExpression && literal?.startsWith('/'))
    return `the \`${name}('${literal.slice(0, 40)}')\` route handler`;
  return null;
}

/**
 * `setInterval(fn, ms);` with its handle dropped (nothing can `clearInterval` it) or `process.on(event, fn)`: the
 * callback runs until the process ends, however often (or rarely) its registering function is called.
 */
function isProcessWide(fn: TSESTree.FunctionLike): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier)
    return REPEATING.has(callee.name) && call.parent?.type === AST_NODE_TYPES.ExpressionStatement;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    LISTENERS.has(staticPropertyName(callee) ?? '')
  );
}
