import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findProperty } from './ast.js';
import { formatDuration } from './format.js';
import { staticNumber } from './static-value.js';
import {
  type CredentialMethod,
  GENERIC_TOKEN_ENDPOINT,
  GRANT_TYPE_PARAMETER,
  OAUTH_EXPIRES_IN_FIELD,
  type Presigner,
  type Replacement,
  RDS_TOKEN_ENVIRONMENT,
  sessionOf,
  STS_EXPIRATION_FIELD,
  type StsOperation,
  type SymptomKind,
  type TokenCallback,
  type TokenEndpoint,
  type Yield,
  EKS_TOKEN,
  type AskedAgainAtUse,
  type IdentityPlatformToken,
  type LoginCallback,
  type StrategyVerifyCallback,
  type GlobalTokenGetter,
  type InstanceTokenField,
  NAMED_PRESIGNER_DEFAULT_SECONDS,
  URL_FRAGMENT_TOKENS,
  type SessionId,
  type PlatformTokenFile,
} from '../knowledge/index.js';
import type { HttpRequest } from './http-request.js';
import type { SignedJwt } from './jwt-lifetime.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

type HeldKind = Exclude<Yield, 'live-aws-credentials'> | 'presigned-url';

/** An expiring value, described for a message, with what the suggestions need. */
export interface Held {
  readonly kind: HeldKind;
  /** "an access token from `auth.getAccessToken()`" */
  readonly what: string;
  /** "after about 1 h" */
  readonly lifetime: string;
  /** How long it typically lives, in seconds (for the expiry-check suggestion). */
  readonly seconds: number;
  readonly symptom: SymptomKind;
  /** One sentence: what to do instead. */
  readonly fix: string;
  /** The value is a promise of the above. */
  readonly promise: boolean;
  /** A v2 request that still needs `.promise()` or a callback to give the value. */
  readonly pending?: boolean;
  /** The SDK call that produced the value, and whether calling it per use is as cheap as caching its result. */
  /** `signs`: the call signs the value itself (a JWT of the app's own), so calling it again signs a fresh one. */
  readonly call?: { readonly node: TSESTree.CallExpression; readonly perUse: boolean; readonly signs?: true };
  /** The CREDENTIAL_METHODS id of the SDK method that produced it. */
  readonly method?: string;
  /** The value is the method's whole result, and only these of its fields carry the secret (`secretFields`). */
  readonly secretFields?: readonly string[];
  /** Only `secretFields` read off the value are held; the whole value is another rule's (IdentityPlatformToken.carriesCredentials). */
  readonly fieldsOnly?: true;
  /** A token of the signed-in user's session on an identity platform (identity-platforms.ts), which its SDK renews. */
  readonly userSession?: true;
  /** The SDK that gave it renews it when asked again (IdentityPlatformToken.renewsWhenAskedAgain): a kept copy is a snapshot. */
  readonly renewedBySource?: true;
  /** How a read of a kept copy can ask the SDK again for the same user's token (IdentityPlatformToken.askedAgainAtUse). */
  readonly askedAgain?: AskedAgainAtUse;
  /** The SESSIONS key of the known endpoint it was fetched from by hand (a remedy picks the SDK object for it). */
  readonly endpointSession?: SessionId;
  /** The object of another library built with it, innermost first (`new Pool({ password: token })`). */
  readonly keptIn?: {
    readonly construction: TSESTree.CallExpression | TSESTree.NewExpression;
    readonly property: TSESTree.Property;
  };
}

const LABELS: Record<HeldKind, string> = {
  'aws-credentials': 'temporary AWS credentials',
  'sts-output': 'temporary AWS credentials',
  'access-token': 'an access token',
  'id-token': 'an ID token',
  'request-headers': 'request headers carrying a bearer token',
  'token-response': 'a token response',
  'auth-token': 'an authentication token',
  'presigned-url': 'a presigned URL',
};

const MAX_CODE = 48;
export function heldFromMethod(method: CredentialMethod, call: TSESTree.CallExpression, context: Context): Held {
  const session = sessionOf(method.session);
  const kind: HeldKind = method.yields === 'live-aws-credentials' ? 'aws-credentials' : method.yields;
  return {
    kind,
    what: `${LABELS[kind]} from \`${codeOf(call, context)}\``,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: method.ecosystem === 'aws-v2' || method.ecosystem === 'aws-v3' ? 'aws' : method.ecosystem,
    // Signers mint a new token per call (no cache of their own); SDK auth clients cache and refresh theirs.
    fix:
      method.fix ??
      useInstead(
        method.replacement,
        method.yields === 'auth-token'
          ? 'the client asks for a fresh token for each connection'
          : 'it caches and refreshes the token',
      ),
    promise: method.synchronous !== true,
    call: { node: call, perUse: method.perUse === true },
    method: method.id,
    ...(method.secretFields && { secretFields: method.secretFields }),
    ...(method.renewsWhenAskedAgain && { renewedBySource: true }),
  };
}

export function heldFromSts(
  operation: StsOperation,
  call: TSESTree.CallExpression,
  durationSeconds: number | undefined,
  promise: boolean,
): Held {
  const session = sessionOf(operation.session);
  const name = operation.method ?? operation.api.path.at(-1);
  return {
    kind: 'sts-output',
    what: `${LABELS['sts-output']} from ${operation.service ?? 'STS'} \`${name}\``,
    lifetime:
      durationSeconds !== undefined
        ? `after ${formatDuration(durationSeconds)} (its ${operation.durationParam})`
        : session.phrase,
    seconds: durationSeconds ?? session.seconds,
    symptom: 'aws',
    fix: `${useInstead(operation.replacement, 'it refreshes by itself')}, or check \`Credentials.${STS_EXPIRATION_FIELD}\` before reuse.`,
    promise,
  };
}

export function heldFromPresigner(presigner: Presigner, call: TSESTree.CallExpression, context: Context): Held {
  const { expiry } = presigner;
  const options = call.arguments[expiry.argument];
  const valueNode = options && expiry.property ? findProperty(options, expiry.property)?.value : options;
  const given = valueNode ? staticNumber(valueNode, context) : undefined;
  const option = expiry.property ?? `argument ${expiry.argument + 1}`;
  const seconds = expiry.unit === 'seconds' ? (given ?? expiry.defaultSeconds) : undefined;

  return {
    kind: 'presigned-url',
    what: `${presigner.sessionBound === false ? 'a signing key' : LABELS['presigned-url']} from \`${codeOf(call, context)}\``,
    lifetime:
      seconds !== undefined
        ? `after ${formatDuration(seconds)} (its ${option}), or sooner when the signing credentials expire`
        : `when its \`${option}\` time passes`,
    seconds: seconds ?? expiry.defaultSeconds,
    symptom: presigner.symptom,
    fix: 'Sign the URL per request, or keep its expiry with it and sign again before it passes.',
    promise: !presigner.synchronous,
    call: { node: call, perUse: false },
  };
}

/** A URL from an imported helper named like a presigner (NAMED_PRESIGNER_PATTERN); its lifetime is the helper's. */
export function heldFromNamedPresigner(
  node: TSESTree.CallExpression | TSESTree.MemberExpression,
  context: Context,
  promise: boolean,
): Held {
  return {
    kind: 'presigned-url',
    what: `${LABELS['presigned-url']} ${node.type === AST_NODE_TYPES.CallExpression ? 'from' : 'in'} \`${shortCode(node, context)}\``,
    lifetime:
      'when the expiry it was signed with passes (15 min by default for the AWS SDK), or sooner when the signing session ends',
    seconds: NAMED_PRESIGNER_DEFAULT_SECONDS,
    symptom: 'signed-url',
    fix: 'Sign the URL per request, or keep its expiry with it and sign again before it passes.',
    promise,
  };
}

/** A token minted by a signer of the file's own, built from credentials resolved once. */
export function heldFromSigner(
  source: string,
  sessionId: SessionId,
  expiresIn: number | undefined,
  call: TSESTree.CallExpression,
  context: Context,
): Held {
  const session = sessionOf(sessionId);
  return {
    kind: 'auth-token',
    what: `${LABELS['auth-token']} from \`${codeOf(call, context)}\` (signed with credentials resolved once from \`${source}\`)`,
    lifetime:
      expiresIn !== undefined
        ? `after ${formatDuration(expiresIn)} (its expiresIn), and no later than ${session.label} ends`
        : `when ${session.label} ends (${session.phrase})`,
    seconds: expiresIn ?? session.seconds,
    symptom: 'aws',
    fix: 'Sign a new token for each connection (most clients take a password or token function), or keep its expiry with it and sign again before it passes.',
    promise: false,
    call: { node: call, perUse: false },
  };
}

/** `process.env.RDS_AUTH_TOKEN`: an RDS IAM token handed in by the environment (RDS_TOKEN_ENVIRONMENT). */
export function heldFromEnvironmentToken(name: string): Held {
  const session = sessionOf(RDS_TOKEN_ENVIRONMENT.session);
  return {
    kind: 'auth-token',
    what: `${LABELS['auth-token']} from the environment (\`process.env.${name}\`, minted before the process started)`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: 'aws',
    fix: 'Sign a token for each connection in the process (`password: () => signer.getAuthToken()` with `@aws-sdk/rds-signer`): the environment is not renewed while the process runs.',
    promise: false,
  };
}

/** The output of a v3 command that returns a registry password (ECR, CodeArtifact). */
export function heldFromTokenCommand(command: StsOperation): Held {
  const session = sessionOf(command.session);
  return {
    kind: 'auth-token',
    what: `${LABELS['auth-token']} from \`${command.api.path.at(-1)}\``,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: 'aws',
    fix: `Use ${command.replacement.code}.`,
    promise: true,
  };
}

/** The body (or response) of a request that fetches a token by its URL or its `grant_type`. */
export function heldFromEndpoint(request: HttpRequest): Held {
  const endpoint = request.endpoint ?? GENERIC_TOKEN_ENDPOINT;
  const session = sessionOf(endpoint.session);
  const from = request.endpoint ? endpoint.label : `an OAuth token request (it sends \`${GRANT_TYPE_PARAMETER}\`)`;
  const check =
    endpoint.yields === 'aws-credentials' || endpoint.yields === 'sts-output'
      ? 'check its `Expiration` before reuse'
      : 'keep `expires_in` with it and fetch again before it passes';
  return {
    kind: endpoint.yields === 'live-aws-credentials' ? 'aws-credentials' : endpoint.yields,
    what: `${LABELS[endpoint.yields === 'live-aws-credentials' ? 'aws-credentials' : endpoint.yields]} from ${from}`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(endpoint.session),
    fix: endpoint.replacement
      ? `${useInstead(endpoint.replacement, 'it refreshes by itself')}, or ${check}.`
      : `${capitalize(check)}.`,
    promise: false,
    ...(request.endpoint ? { endpointSession: endpoint.session } : {}),
  };
}

/** `body.access_token` of any HTTP response: a token, whatever the URL. */
export function heldFromTokenField(endpoint: TokenEndpoint | null, field: string): Held {
  const session = sessionOf(endpoint?.session ?? GENERIC_TOKEN_ENDPOINT.session);
  const kind: HeldKind = /^id_?token$/i.test(field) ? 'id-token' : 'access-token';
  return {
    kind,
    what: `${LABELS[kind]} (\`${field}\` of ${endpoint?.label ?? 'a token endpoint'}'s response)`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(endpoint?.session ?? GENERIC_TOKEN_ENDPOINT.session),
    fix:
      endpoint?.fix ??
      `Keep \`${endpoint?.lifetimeField ?? OAUTH_EXPIRES_IN_FIELD}\` from the same response with it and fetch again before it passes.`,
    promise: false,
  };
}

/** `res.token` read beside `res.expires_at`: a token whose own response says it expires, whatever fetched it. */
export function heldFromResponseShape(field: string, lifetimeField: string): Held {
  const session = sessionOf(GENERIC_TOKEN_ENDPOINT.session);
  const kind: HeldKind = /^id_?token$/i.test(field) ? 'id-token' : 'access-token';
  return {
    kind,
    what: `${LABELS[kind]} (\`${field}\` of a response that gives its \`${lifetimeField}\`)`,
    lifetime: `after its ${lifetimeField} (typically 1 h)`,
    seconds: session.seconds,
    symptom: symptomOfSession(GENERIC_TOKEN_ENDPOINT.session),
    fix: `Keep \`${lifetimeField}\` with it and fetch again before it passes.`,
    promise: false,
  };
}

/** A token of an identity platform read off its session or user object (`session.provider_token`, `user.getIdToken()`). */
export function heldFromIdentityPlatform(
  token: IdentityPlatformToken,
  node: TSESTree.CallExpression | TSESTree.MemberExpression,
  context: Context,
): Held {
  const session = sessionOf(token.session);
  return {
    kind: token.yields,
    what: `${token.label} (\`${shortCode(node, context)}\`)`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: token.symptom,
    fix: token.fix,
    promise: token.method !== undefined,
    userSession: true,
    ...(token.secretFields && { secretFields: token.secretFields }),
    ...(token.carriesCredentials && { fieldsOnly: true }),
    ...(token.renewsWhenAskedAgain && { renewedBySource: true }),
    ...(token.askedAgainAtUse && { askedAgain: token.askedAgainAtUse }),
  };
}

/** `'k8s-aws-v1.' + base64url(presignedUrl)`: an EKS bearer token, accepted for 15 min. */
export function heldFromEksToken(): Held {
  const session = sessionOf(EKS_TOKEN.session);
  return {
    kind: 'auth-token',
    what: `an EKS bearer token (\`${EKS_TOKEN.prefix}\` and a presigned GetCallerIdentity URL)`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: 'eks',
    fix: `Build ${EKS_TOKEN.replacement.code}, or keep its expiry with it and sign again before it passes.`,
    promise: false,
  };
}

/** A JWT the app signs itself with a short lifetime (`jwt.sign({ exp: now + 180 }, key)`): an assertion it sends later. */
export function heldFromSignedJwt(jwt: SignedJwt, call: TSESTree.CallExpression, context: Context): Held {
  return {
    kind: 'auth-token',
    what: `a JWT signed by \`${codeOf(call, context)}\``,
    lifetime: `after ${formatDuration(jwt.seconds)} (its \`${jwt.from}\`)`,
    seconds: jwt.seconds,
    symptom: 'oauth',
    fix: 'Sign the JWT where it is sent (inside the function that posts it), or keep its `exp` with it and sign a new one before then.',
    promise: false,
    call: { node: call, perUse: true, signs: true },
  };
}

/** The text of a token file a platform rewrites (`fs.readFileSync('/snowflake/session/token')`), read once. */
export function heldFromTokenFile(file: PlatformTokenFile): Held {
  const session = sessionOf(file.session);
  return {
    kind: 'access-token',
    what: `${session.label} read from \`${file.path}\``,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: session.symptom ?? 'oauth',
    fix: file.fix,
    promise: false,
  };
}

/** The parameter of a token callback: `initTokenClient({ callback: (response) => ... })`. */
export function heldFromCallback(entry: TokenCallback, call: TSESTree.CallExpression, context: Context): Held {
  const session = sessionOf(entry.session);
  const kind: HeldKind = entry.yields === 'live-aws-credentials' ? 'aws-credentials' : entry.yields;
  return {
    kind,
    what:
      entry.option !== undefined
        ? `${LABELS[kind]} handed to the \`${entry.option}\` of \`${codeOf(call, context)}\``
        : `${LABELS[kind]} handed to the callback of \`${codeOf(call, context)}\``,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(entry.session),
    fix: `Keep its \`expires_in\` with it and call \`${entry.replacement.code}\` again before it passes.`,
    promise: false,
  };
}

/**
 * A client built with a token-only provider option whose function hands back a token it captured (a parameter of the
 * code that built the client): `Client.init({ authProvider: (done) => done(null, accessToken) })`.
 */
export function heldFromCapturedToken(
  option: string,
  sessionId: SessionId,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  context: Context,
): Held {
  const session = sessionOf(sessionId);
  return {
    kind: 'access-token',
    what: `a client whose \`${option}\` hands back the access token it was built with (\`${codeOf(call, context)}\`)`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(sessionId),
    fix: `Make \`${option}\` get a fresh token each time the client calls it (from a token provider or a token cache that checks the expiry)`,
    promise: false,
  };
}

/** The login result a widget hands to the app's callback once (LOGIN_CALLBACKS): only its token fields carry the secret. */
export function heldFromLoginCallback(entry: LoginCallback): Held {
  const session = sessionOf(entry.session);
  return {
    kind: entry.yields,
    what: `${LABELS[entry.yields]} from ${entry.label}`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(entry.session),
    fix: entry.fix,
    promise: false,
    secretFields: entry.secretFields,
  };
}

/** A copy of a live client's token field: `conn.accessToken` of a jsforce `Connection` (INSTANCE_TOKEN_FIELDS). */
export function heldFromInstanceField(entry: InstanceTokenField): Held {
  const session = sessionOf(entry.session);
  return {
    kind: 'access-token',
    what: entry.label,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(entry.session),
    fix: entry.fix,
    promise: false,
  };
}

/** A token the page read from the URL fragment of an implicit-flow redirect (URL_FRAGMENT_TOKENS). */
export function heldFromUrlFragment(field: string): Held {
  const session = sessionOf(URL_FRAGMENT_TOKENS.session);
  const kind: HeldKind = /^id_?token$/i.test(field) ? 'id-token' : 'access-token';
  return {
    kind,
    what: `${LABELS[kind]} (\`${field}\` of the URL fragment an implicit-flow sign-in redirected to)`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(URL_FRAGMENT_TOKENS.session),
    fix: "Keep the fragment's `expires_in` with it as a deadline and sign in again before it passes.",
    promise: false,
  };
}

/** What a browser global returns as the page's current token: `gapi.client.getToken()`. */
export function heldFromGlobalGetter(entry: GlobalTokenGetter, call: TSESTree.CallExpression, context: Context): Held {
  const session = sessionOf(entry.session);
  return {
    kind: 'token-response',
    what: `${LABELS['token-response']} from \`${codeOf(call, context)}\``,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(entry.session),
    fix: entry.fix,
    promise: false,
  };
}

/** The access token an OAuth login strategy hands to the app's verify function once per login. */
export function heldFromStrategyVerify(entry: StrategyVerifyCallback): Held {
  const session = sessionOf(entry.session);
  return {
    kind: 'access-token',
    what: `${LABELS['access-token']} from ${entry.label}`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: symptomOfSession(entry.session),
    fix: entry.fix,
    promise: false,
  };
}

/**
 * Keys whose copy the file reads back and signs with as a session (`sessionToken: stored.SessionToken`): temporary
 * credentials, whatever fetched them, with nothing in the copy that renews them.
 */
export function heldFromStoredSessionKeys(): Held {
  const session = sessionOf(STORED_KEYS_SESSION);
  return {
    kind: 'aws-credentials',
    what: `${LABELS['aws-credentials']} (its readers sign with the session token in it)`,
    lifetime: session.phrase,
    seconds: session.seconds,
    symptom: 'aws',
    fix: 'Store their `Expiration` with them and fetch new ones once it passes, or keep a refreshing provider in memory instead.',
    promise: false,
  };
}
const STORED_KEYS_SESSION: SessionId = 'unknown-temporary';

function symptomOfSession(session: SessionId): SymptomKind {
  return sessionOf(session).symptom ?? 'aws';
}

/** "Call `await auth.getAccessToken()` where the value is used (...)" or "Use `fromInstanceMetadata()` instead (...)". */
function useInstead(replacement: Replacement, why: string): string {
  return replacement.code.startsWith('await ')
    ? `Call \`${replacement.code}\` where the value is used (${why})`
    : `Use \`${replacement.code}\` instead (${why})`;
}

/** `createClient()`, `new Pool()`: a call for messages, its callee shortened. */
/** A call as `callee()`, a member read as its text: short, and never a literal argument (which may be a secret). */
function shortCode(node: TSESTree.CallExpression | TSESTree.MemberExpression, context: Context): string {
  if (node.type === AST_NODE_TYPES.CallExpression) return codeOf(node, context);
  const text = context.sourceCode.getText(node).replace(/\s+/g, '');
  return text.length > MAX_CODE ? `…${text.slice(-MAX_CODE)}` : text;
}

export function codeOf(call: TSESTree.CallExpression | TSESTree.NewExpression, context: Context): string {
  const callee = context.sourceCode.getText(call.callee).replace(/\s+/g, '');
  const prefix = call.type === AST_NODE_TYPES.NewExpression ? 'new ' : '';
  return `${prefix}${callee.length > MAX_CODE ? `…${callee.slice(-MAX_CODE)}` : callee}()`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
