import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { awaited, calleeName, findProperty, findPropertyPath, unwrap } from '../../src/analysis/ast.js';
import { formatDuration } from '../../src/analysis/format.js';
import { constInitializer, type ModuleRefs } from '../../src/analysis/module-refs.js';
import { staticNumberSource, staticObjectSource } from '../../src/analysis/static-value.js';
import {
  AWS_V2_PROVIDER_CHAIN,
  AWS_V2_REFRESHING_CLASSES,
  AWS_V2_SERVICE,
  AWS_V2_STATIC_CREDENTIALS,
  AWS_V3_CLIENT,
  AWS_V3_CREDENTIALS_OPTION,
  AWS_V3_PROVIDER_FACTORIES,
  findByApi,
  GCS_PRIVATE_KEY_OPTIONS,
  GCS_STORAGE_CLASS,
  isUndeterminedKind,
  type Presigner,
  refMatches,
  type Session,
  SESSIONS,
  sessionOf,
  UNSEEN_SIGNER_SESSIONS,
} from '../../src/knowledge/index.js';
import { citationText, placementOf, repositoryModel } from '../../src/repository/index.js';
import type { ResolvedSettings } from '../../src/settings.js';
import { roleCeilings } from '../session-duration-within-role/ceiling.js';
import { declaredFields, keyPairFields, keyPairKind } from './credential-fields.js';
import { requestedLifetime } from './lifetime.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Node = TSESTree.Node;

/** How long the credentials that sign a URL live, and why we think so (shown in the message). */
export interface SigningSession {
  readonly seconds: number;
  readonly label: string;
  readonly basis: string;
  /**
   * `code`: the file shows the source; `settings`: settings['credential-expiry']; `infrastructure`: the repository
   * model places the file on a platform; `default`: nothing is known.
   */
  readonly from: 'code' | 'settings' | 'infrastructure' | 'default';
  /** The length is observed, not documented as a limit (`Session.lengthObserved`): no migration clamps to it. */
  readonly observed?: boolean;
}

/** What a source says, before settings and defaults: a session, or the reason the code cannot tell. */
type Finding = SigningSession | { readonly unseen: string };

const MAX_DEPTH = 6;

/**
 * The session that signs a presign call. In order: what the file shows about the signer's credentials (a provider
 * factory and its duration option, a v2 credentials class, a key pair with or without a session token, a GCS key,
 * the user-delegation key an Azure SAS is signed with), then the settings, then the ecosystem's unseen-signer
 * session. Null when nothing bounds the lifetime (a shared-key SAS, the key request itself).
 */
export function signingSession(
  call: TSESTree.CallExpression,
  presigner: Presigner,
  context: Context,
  refs: ModuleRefs,
  settings: ResolvedSettings,
): SigningSession | null {
  if (presigner.sessionBound === false) return null;
  const found = new SessionFinder(context, refs, settings).forCall(call, presigner);
  if (found === null) return null;
  if (!('unseen' in found)) return found;
  if (settings.session) {
    const setting =
      settings.sessionSeconds !== undefined
        ? `sessionSeconds ${settings.sessionSeconds}`
        : `platform '${settings.platform}'`;
    return {
      seconds: settings.session.seconds,
      label: settings.session.label,
      basis: `${found.unseen}; settings['credential-expiry'] ${setting}`,
      from: 'settings',
      // `sessionSeconds` states the length; a `platform` preset only names the session.
      observed: settings.sessionSeconds === undefined && settings.session.lengthObserved === true,
    };
  }
  const placed = platformSession(context, presigner, settings);
  if (placed) return { ...placed, basis: `${found.unseen}, and ${placed.basis}` };
  const session = sessionOf(UNSEEN_SIGNER_SESSIONS[presigner.ecosystem]);
  return {
    seconds: session.seconds,
    label: session.label,
    basis: `${found.unseen}, and ${session.phrase}`,
    from: 'default',
  };
}

/** The session of the platform the repository model places this file on, for a presigner of that cloud. */
function platformSession(context: Context, presigner: Presigner, settings: ResolvedSettings): SigningSession | null {
  const model = repositoryModel(context.cwd, settings.infrastructure);
  const placed = model && placementOf(model, path.resolve(context.cwd, context.filename));
  if (!placed || (placed.unit.platform === 'gcp') !== (presigner.ecosystem === 'google')) return null;
  const { unit, session } = placed;
  const role = unit.role ? ` with the role \`${unit.role.id}\`` : '';
  const basis = `${unit.label} runs this code${role} (${citationText(unit.declared)}): ${session.phrase}`;
  return {
    seconds: session.seconds,
    label: session.label,
    basis,
    from: 'infrastructure',
    observed: session.lengthObserved === true,
  };
}

class SessionFinder {
  constructor(
    private readonly context: Context,
    private readonly refs: ModuleRefs,
    private readonly settings: ResolvedSettings,
  ) {}

  forCall(call: TSESTree.CallExpression, presigner: Presigner): Finding | null {
    if (presigner.signingKey) return this.signingKey(call, presigner, presigner.signingKey);
    const callee = unwrap(call.callee);
    const signer =
      presigner.clientArgument !== undefined
        ? call.arguments[presigner.clientArgument]
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? callee.object
          : undefined;
    if (!signer) return { unseen: 'the signing client is not visible' };
    const made = this.construction(signer, 0);
    if (!made) return { unseen: 'the signing client is created outside this file' };
    return this.client(made, presigner);
  }

  /** `new X(...)` behind a client or a handle made from one (`storage.bucket(b).file(k)`, `const file = bucket.file(k)`). */
  private construction(node: Node, depth: number): TSESTree.NewExpression | null {
    if (depth > MAX_DEPTH) return null;
    const inner = unwrap(node);
    const origin = this.refs.originOf(inner);
    if (origin) return origin.made ?? null;
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(inner.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression ? this.construction(callee.object, depth + 1) : null;
    }
    const init = inner.type === AST_NODE_TYPES.Identifier ? this.constInit(inner) : null;
    return init ? this.construction(init, depth + 1) : null;
  }

  private client(made: TSESTree.NewExpression, presigner: Presigner): Finding {
    const ref = this.refs.resolve(made.callee);
    const [first] = made.arguments;
    const options = first === undefined ? null : staticObjectSource(first, this.context);
    if (first !== undefined && !options) return { unseen: 'the client options are not visible' };
    if (ref && refMatches(ref, GCS_STORAGE_CLASS)) {
      const keyed = options && GCS_PRIVATE_KEY_OPTIONS.find((path) => findPropertyPath(options, path));
      if (keyed)
        return fromCode(
          SESSIONS['google-private-key'],
          `the Storage options give a private key (${keyed.join('.')}); it signs ${SESSIONS['google-private-key'].phrase}`,
        );
      return { unseen: 'the Storage options name no key file, so on Google Cloud the IAM signBlob API signs' };
    }
    const isAwsSigner =
      ref && [AWS_V3_CLIENT, AWS_V2_SERVICE, ...(presigner.receivers ?? [])].some((api) => refMatches(ref, api));
    if (!isAwsSigner) return { unseen: 'the signing client is created outside this file' };
    const credentials = options && findProperty(options, AWS_V3_CREDENTIALS_OPTION);
    if (credentials) return this.credentials(credentials.value, 0);
    const topLevelKeys = options && keyPair(declaredFields(options, this.context));
    if (topLevelKeys) return topLevelKeys;
    if (options?.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement))
      return { unseen: 'the client options are not all visible' };
    return { unseen: 'the client uses the default credential chain' };
  }

  /** The session of a `credentials:` value: a provider, a v2 credentials object, or a key pair. */
  private credentials(value: Node, depth: number): Finding {
    const unseen = { unseen: 'the client credentials are not visible' };
    if (depth > MAX_DEPTH) return unseen;
    const inner = unwrap(value);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const init = this.constInit(inner);
      if (init) return this.credentials(init, depth + 1);
    }
    // `await fromInstanceMetadata()()` is a snapshot (another rule's business), but its session is still known.
    const resolvedOnce = awaited(inner);
    const call = resolvedOnce?.type === AST_NODE_TYPES.CallExpression ? unwrap(resolvedOnce.callee) : inner;
    if (call.type === AST_NODE_TYPES.CallExpression) {
      const factory = findByApi(AWS_V3_PROVIDER_FACTORIES, this.refs.resolve(call.callee));
      if (factory) {
        const name = `${factory.api.path.join('.')}()`;
        if (factory.refreshes === 'when-temporary' || isUndeterminedKind(factory.session)) {
          return { unseen: `${name} may find long-term or temporary credentials` };
        }
        return this.withDuration(sessionOf(factory.session), factory.durationOption, call.arguments[0], name);
      }
    }
    if (inner.type === AST_NODE_TYPES.NewExpression) {
      const ref = this.refs.resolve(inner.callee);
      if (ref && refMatches(ref, AWS_V2_STATIC_CREDENTIALS)) return this.v2StaticCredentials(inner) ?? unseen;
      const live = findByApi([...AWS_V2_REFRESHING_CLASSES, AWS_V2_PROVIDER_CHAIN], ref);
      if (live) {
        const name = `new ${live.api.path.join('.')}()`;
        if (isUndeterminedKind(live.session)) return { unseen: `${name} may find long-term or temporary credentials` };
        return this.withDuration(sessionOf(live.session), live.durationOption, inner.arguments[0], name);
      }
    }
    return keyPair(declaredFields(inner, this.context)) ?? unseen;
  }

  /** `new AWS.Credentials(id, secret[, token])` or `new AWS.Credentials({ accessKeyId, ... })`. */
  private v2StaticCredentials(made: TSESTree.NewExpression): Finding | null {
    if (made.arguments.length === 1) return keyPair(declaredFields(made.arguments[0], this.context));
    return made.arguments.length > 1 ? keyPair(keyPairFields(made.arguments.length > 2)) : null;
  }

  /**
   * A known source's session: the duration its options set (`params.DurationSeconds`), else the API default when
   * the option is absent; for sources whose length is configured outside the code, the longest it can be.
   */
  private withDuration(
    session: Session,
    option: readonly string[] | undefined,
    init: Node | undefined,
    name: string,
  ): Finding {
    const options = init === undefined ? null : staticObjectSource(init, this.context);
    // An assumed role's session is also bounded by role chaining and the role's MaxSessionDuration.
    const [ceiling] =
      session === SESSIONS['assume-role'] && option
        ? roleCeilings(
            {
              options,
              roleArn: [...option.slice(0, -1), 'RoleArn'],
              master: option.length > 1 ? ['masterCredentials'] : undefined,
            },
            this.context,
            this.settings,
          )
        : [];
    const longest = Math.min(session.maxSeconds ?? session.seconds, ceiling?.seconds ?? Infinity);
    const atMost =
      ceiling && ceiling.seconds < (session.maxSeconds ?? session.seconds)
        ? ceiling.basis
        : `at most ${formatDuration(longest)}`;
    if (!option) return fromCode(session, `${name}: ${session.phrase}`, longest);
    const path = option.join('.');
    if (init !== undefined && !options)
      return fromCode(session, `${name} options are set at run time; ${path} is ${atMost}`, longest);
    const property = options ? findPropertyPath(options, option) : undefined;
    if (property) {
      const duration = staticNumberSource(property.value, this.context);
      if (duration)
        return fromCode(session, `${name} sets ${path} to ${formatDuration(duration.value)}`, duration.value);
      return fromCode(session, `${name} sets ${path} at run time; ${atMost}`, longest);
    }
    if (options?.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement))
      return fromCode(session, `${path} is not visible; ${atMost}`, longest);
    return fromCode(session, `${name} does not set ${path}, which defaults to ${formatDuration(session.seconds)}`);
  }

  /** Azure: the SAS dies with the user-delegation key passed as an argument; its lifetime is the key request's. */
  private signingKey(
    call: TSESTree.CallExpression,
    presigner: Presigner,
    key: NonNullable<Presigner['signingKey']>,
  ): Finding | null {
    if (key.minArguments !== undefined && call.arguments.length < key.minArguments) return null;
    const session = sessionOf(UNSEEN_SIGNER_SESSIONS[presigner.ecosystem]);
    const request = this.keyRequest(call.arguments[key.argument]);
    const issuer = key.issuedBy;
    const requested =
      request && calleeName(request) === issuer.method ? requestedLifetime(request, issuer, this.context) : null;
    if (requested?.kind === 'duration') {
      return fromCode(
        session,
        `the key was requested to end ${formatDuration(requested.seconds)} after it was fetched`,
        requested.seconds,
      );
    }
    return fromCode(session, session.phrase);
  }

  private keyRequest(node: Node | undefined): TSESTree.CallExpression | null {
    let current = node && unwrap(node);
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if (current.type === AST_NODE_TYPES.Identifier) current = this.constInit(current) ?? undefined;
      else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
      else return current.type === AST_NODE_TYPES.CallExpression ? current : null;
    }
    return null;
  }

  private constInit(identifier: TSESTree.Identifier): Node | null {
    return constInitializer(identifier, this.context.sourceCode.getScope(identifier));
  }
}

function keyPair(fields: ReadonlySet<string> | null): Finding | null {
  const kind = keyPairKind(fields);
  if (kind === 'temporary') return { unseen: 'the credentials carry a session token, so they are temporary' };
  return kind && fromCode(SESSIONS['long-term'], 'an access key pair without a session token is a long-term key');
}

function fromCode(session: Session, basis: string, seconds = session.seconds): SigningSession {
  return { seconds, label: session.label, basis, from: 'code', observed: session.lengthObserved === true };
}
