import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import {
  AWS_V2_CONFIG_UPDATE,
  AWS_V2_CREDENTIAL_FIELDS,
  AWS_V2_GLOBAL_CREDENTIALS,
  AWS_V2_GLOBAL_LOADERS,
  AWS_V2_REFRESHING_CLASSES,
  AWS_V2_SERVICE_CLIENTS,
  AWS_V2_STATIC_CREDENTIALS,
  findByApi,
  type SessionId,
} from '../../src/knowledge/index.js';
import { HeldValues } from '../../src/analysis/held-value.js';
import { type Finding, type Node, resolvesTo, type SnapshotContext, snippet } from './context.js';
import { liveObjectSuggestion, metadataCredentialsFix, metadataCredentialsSuggestion } from './v2-remedy.js';
import { isConstantOnPlatform, sessionWords } from './session.js';
import { fileIndex } from '../../src/analysis/file-index.js';
import { resolutionOf } from './sources.js';

const KEY_FIELDS: ReadonlySet<string> = new Set(AWS_V2_CREDENTIAL_FIELDS);
const SESSION_TOKEN_FIELD = AWS_V2_CREDENTIAL_FIELDS[2];

/** Where v2 turns raw keys into a static `AWS.Credentials`: `new AWS.Credentials(...)`, `AWS.config.update({...})`, `new AWS.S3({...})`. */
interface V2Sink {
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The key values given (positional arguments, or the key properties' values). */
  readonly keys: readonly Node[];
  /** The config object holding the keys, where the live object replaces them as `credentials` (null: replace the whole sink). */
  readonly options: TSESTree.ObjectExpression | null;
}

/**
 * Shape 6: keys copied out of a live, refreshing v2 object (`AWS.config.credentials`, `new AWS.EC2MetadataCredentials()`,
 * a provider chain's result) into static credentials. Always reported: the copy never refreshes, the object did.
 */
export function checkV2StaticCopy(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  ctx: SnapshotContext,
): Finding | null {
  const sink = v2SinkOf(node, ctx);
  if (!sink || sink.keys.length === 0 || !carriesSessionToken(sink)) return null;
  const sources = sink.keys.map((key) => liveKeySource(key, ctx));
  if (sources.some((s) => s === null)) return fetchedKeysCopied(sink, ctx);
  const [first] = sources as LiveObject[];
  if (isConstantOnPlatform(first.sessionId, ctx)) return null;
  const sameObject = sources.every((s) => s!.text === first.text);
  return {
    node: sink.node,
    messageId: 'v2FieldsCopied',
    data: {
      object: snippet(ctx.sourceCode, first.node, 40),
      sink: `\`${sink.node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${snippet(ctx.sourceCode, sink.node.callee, 40)}(...)\``,
      ...sessionWords(first.sessionId, ctx.settings),
    },
    ...(sameObject ? { suggest: [liveObjectSuggestion(sink.node, sink.options, first.node, ctx)] } : {}),
  };
}

/**
 * Keys fetched by hand from a metadata credentials endpoint (`axios.get('http://169.254.169.254/.../security-credentials/role')`)
 * copied into static credentials: nothing fetches them again.
 */
function fetchedKeysCopied(sink: V2Sink, ctx: SnapshotContext): Finding | null {
  const values = HeldValues.for(ctx.rule, ctx.refs, ctx.imports);
  const held = sink.keys.map((key) => values.heldBy(key));
  const [first] = held;
  if (!first || first.kind !== 'aws-credentials' || first.call || held.some((h) => h?.kind !== 'aws-credentials'))
    return null;
  const suggestion = first.endpointSession
    ? metadataCredentialsSuggestion(sink.node, sink.options, first.endpointSession, ctx)
    : null;
  return {
    node: sink.node,
    messageId: 'fetchedCredentialsCopied',
    data: {
      what: first.what,
      sink: `\`${sink.node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${snippet(ctx.sourceCode, sink.node.callee, 40)}(...)\``,
      phrase: first.lifetime,
      // The endpoint's remedy is worded for v3 (`fromInstanceMetadata()`); a v2 sink is told the v2 one.
      fix: (first.endpointSession && metadataCredentialsFix(sink.node, first.endpointSession, ctx)) ?? first.fix,
    },
    ...(suggestion ? { suggest: [suggestion] } : {}),
  };
}

/**
 * Temporary credentials work only with their session token (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html):
 * a copy of the access key and secret alone only ever works with long-term keys, which do not expire.
 */
function carriesSessionToken(sink: V2Sink): boolean {
  if (!sink.options) return sink.keys.length >= KEY_FIELDS.size;
  return sink.options.properties.some(
    (p) =>
      p.type === AST_NODE_TYPES.SpreadElement ||
      (p.type === AST_NODE_TYPES.Property && staticPropertyName(p) === SESSION_TOKEN_FIELD),
  );
}

/** `new AWS.Credentials(...)`, `AWS.config.update({...})` or `new AWS.S3({...})` given raw keys: reported here, at the sink. */
export function isV2KeySink(node: TSESTree.Node, ctx: SnapshotContext): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return false;
  return (v2SinkOf(node, ctx)?.keys.length ?? 0) > 0;
}

function v2SinkOf(node: TSESTree.NewExpression | TSESTree.CallExpression, ctx: SnapshotContext): V2Sink | null {
  const options = node.arguments[0] ? unwrap(node.arguments[0]) : null;
  const objectKeys = (): V2Sink | null => {
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const keys = options.properties.filter(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && KEY_FIELDS.has(staticPropertyName(p) ?? ''),
    );
    return { node, keys: keys.map((p) => p.value), options };
  };
  if (node.type === AST_NODE_TYPES.CallExpression)
    return resolvesTo(node.callee, AWS_V2_CONFIG_UPDATE, ctx) ? objectKeys() : null;
  if (resolvesTo(node.callee, AWS_V2_STATIC_CREDENTIALS, ctx)) {
    const keys =
      options?.type === AST_NODE_TYPES.ObjectExpression ? objectKeys()!.keys : node.arguments.slice(0, KEY_FIELDS.size);
    return { node, keys, options: null };
  }
  return AWS_V2_SERVICE_CLIENTS.some((api) => resolvesTo(node.callee, api, ctx)) ? objectKeys() : null;
}

interface LiveObject {
  readonly node: Node;
  readonly text: string;
  readonly sessionId: SessionId;
}

/** `live.accessKeyId`, or `accessKeyId` of `const { accessKeyId } = live`, where `live` is a refreshing v2 credentials object. */
function liveKeySource(key: Node, ctx: SnapshotContext): LiveObject | null {
  const value = unwrap(key);
  const object =
    value.type === AST_NODE_TYPES.MemberExpression && KEY_FIELDS.has(staticPropertyName(value) ?? '')
      ? value.object
      : destructuredKeyOwner(value, ctx);
  const sessionId = object ? liveSession(object, ctx) : null;
  return object && sessionId ? { node: object, text: ctx.sourceCode.getText(object), sessionId } : null;
}

/** `live` of `const { accessKeyId } = live` (or `{ accessKeyId: id }`) for the binding `key` reads. */
function destructuredKeyOwner(key: Node, ctx: SnapshotContext): Node | null {
  if (key.type !== AST_NODE_TYPES.Identifier) return null;
  const def = ctx.refs.variableOf(key)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init)
    return null;
  const property = def.node.id.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && unwrap(p.value) === def.name,
  );
  return property && KEY_FIELDS.has(staticPropertyName(property) ?? '') ? def.node.init : null;
}

/** The credentials parameter of `AWS.config.getCredentials((err, credentials) => ...)`: the global live object. */
function isLoadedGlobal(def: TSESLint.Scope.Definition | undefined, ctx: SnapshotContext): boolean {
  if (def?.type !== DefinitionType.Parameter) return false;
  const fn = def.node;
  const call = fn.parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.at(-1) === fn &&
    'params' in fn &&
    fn.params[1] === def.name &&
    AWS_V2_GLOBAL_LOADERS.some((api) => resolvesTo(call.callee, api, ctx))
  );
}

/** The session of a live v2 object: the global credentials, a refreshing class instance, or what a provider chain resolved. */
export function liveSession(node: Node, ctx: SnapshotContext): SessionId | null {
  const inner = unwrap(node);
  if (resolvesTo(inner, AWS_V2_GLOBAL_CREDENTIALS, ctx)) return globalSession(ctx);
  const made = ctx.refs.instanceOf(inner);
  const refreshing = findByApi(AWS_V2_REFRESHING_CLASSES, made);
  if (refreshing) return refreshing.session;
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const def = ctx.refs.variableOf(inner)?.defs[0];
  if (isLoadedGlobal(def, ctx)) return globalSession(ctx);
  const call =
    def?.type === DefinitionType.Parameter && def.node.parent?.type === AST_NODE_TYPES.CallExpression
      ? def.node.parent
      : def?.type === DefinitionType.Variable && def.node.init
        ? awaitedCall(def.node.init)
        : null;
  const resolution = call ? resolutionOf(call, ctx) : null;
  if (resolution?.kind !== 'v2-chain') return null;
  return resolution.valueStart === def!.name || resolution.valueStart === call ? resolution.sessionId : null;
}

/**
 * The global's session: that of the refreshing object the file assigns to it (`AWS.config.credentials = new
 * AWS.CognitoIdentityCredentials(...)`), else whatever the default chain finds.
 */
export function globalSession(ctx: SnapshotContext): SessionId {
  for (const assignment of fileIndex(ctx.sourceCode).assignments) {
    if (!resolvesTo(assignment.left, AWS_V2_GLOBAL_CREDENTIALS, ctx)) continue;
    const assigned = findByApi(AWS_V2_REFRESHING_CLASSES, ctx.refs.instanceOf(unwrap(assignment.right)));
    if (assigned) return assigned.session;
  }
  return 'default-chain';
}

function awaitedCall(node: Node): TSESTree.CallExpression | null {
  const inner = unwrap(node);
  const call = inner.type === AST_NODE_TYPES.AwaitExpression ? unwrap(inner.argument) : inner;
  return call.type === AST_NODE_TYPES.CallExpression ? call : null;
}
