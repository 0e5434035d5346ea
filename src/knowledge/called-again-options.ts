import type { ApiRef } from './types.js';
import { entriesOf } from './entries-of.js';

/**
 * Options a library also accepts as a function that it calls again each time it needs the value: per request, per
 * connection, per (re)connection handshake. Given a plain value instead, the library sends that same value for as
 * long as the client lives, so a short-lived token there stops working while the client still runs. `path` is where
 * the option sits in the options argument (`argument`); what is under it (`auth: { token }`) is the value too.
 */
export interface CalledAgainOption {
  readonly id: string;
  /** The constructor or factory the options are given to. */
  readonly api: ApiRef;
  readonly argument: number;
  readonly path: readonly string[];
  /** When the library asks a function given there: "every request", "every connection and reconnection". */
  readonly calledPer: string;
  /** Whether the client uses the value again by itself while it is open (a socket's reconnections), kept or not. */
  readonly reusedWhileOpen: boolean;
  /** For messages: the function form the library calls again. */
  readonly functionForm: string;
  /**
   * The function form takes no argument and returns the value or a promise of it, so the value's own expression
   * can move into it as it is (`jwtToken: x` → `jwtToken: async () => x`). Absent for a callback form (socket.io's
   * `auth(cb)`), where the move would also change what happens when the token call fails.
   */
  readonly returnsValue?: true;
  readonly source: string;
}

const APPSYNC_JWT = {
  path: ['auth', 'jwtToken'],
  calledPer: 'every request',
  reusedWhileOpen: false,
  functionForm: '`jwtToken: async () => (await Auth.currentSession()).getIdToken().getJwtToken()`',
  returnsValue: true,
} as const;
const APPSYNC_SOURCE =
  'awslabs/aws-mobile-appsync-sdk-js: packages/aws-appsync-auth-link/src/auth-link.ts (headerBasedAuth: `typeof value === "function" ? await value.call() : await value`, run for each operation; AuthOptions jwtToken: `(() => (string | Promise<string>)) | string`); packages/aws-appsync/src/client.ts (AWSAppSyncClient builds that link from options.auth)';

export const CALLED_AGAIN_OPTIONS = entriesOf<CalledAgainOption>()([
  {
    id: 'aws-appsync-auth-link:createAuthLink',
    api: { modules: ['aws-appsync-auth-link'], path: ['createAuthLink'] },
    argument: 0,
    ...APPSYNC_JWT,
    source: APPSYNC_SOURCE,
  },
  {
    id: 'aws-appsync:AWSAppSyncClient',
    api: { modules: ['aws-appsync'], path: [] },
    argument: 0,
    ...APPSYNC_JWT,
    source: APPSYNC_SOURCE,
  },
  {
    id: 'aws-appsync:AWSAppSyncClient-named',
    api: { modules: ['aws-appsync'], path: ['AWSAppSyncClient'] },
    argument: 0,
    ...APPSYNC_JWT,
    source: APPSYNC_SOURCE,
  },
  {
    id: 'aws-appsync-subscription-link:createSubscriptionHandshakeLink',
    api: { modules: ['aws-appsync-subscription-link'], path: ['createSubscriptionHandshakeLink'] },
    argument: 0,
    ...APPSYNC_JWT,
    calledPer: 'every subscription handshake',
    source:
      'awslabs/aws-mobile-appsync-sdk-js: packages/aws-appsync-subscription-link/src/realtime-subscription-handshake-link.ts (_awsRealTimeHeaderBasedAuth: a function `jwtToken` is called for each subscription handshake, a string is sent as it is)',
  },
  ...(['io', 'connect'] as const).map((name) => ({
    id: `socket.io-client:${name}` as const,
    api: { modules: ['socket.io-client'], path: [name] },
    argument: 1,
    path: ['auth'],
    calledPer: 'every connection and reconnection',
    reusedWhileOpen: true,
    functionForm: '`auth: (cb) => getToken().then((token) => cb({ token }))`',
    source:
      'socketio/socket.io-client: lib/socket.ts (onopen: `typeof this.auth == "function" ? this.auth((data) => this._sendConnectPacket(data)) : this._sendConnectPacket(this.auth)`, run at each (re)connection); https://socket.io/docs/v4/client-options/#auth',
  })),
  {
    id: 'socket.io-client:default',
    api: { modules: ['socket.io-client'], path: [] },
    argument: 1,
    path: ['auth'],
    calledPer: 'every connection and reconnection',
    reusedWhileOpen: true,
    functionForm: '`auth: (cb) => getToken().then((token) => cb({ token }))`',
    source:
      'socketio/socket.io-client: lib/index.ts (the default export is `lookup`, also exported as `io` and `connect`)',
  },
]);

/**
 * Callbacks whose library awaits what they return, each time it calls them: one may become `async` without changing
 * when or how often it runs (Apollo's `setContext(setter)`, run for each operation, whose setter returns the context
 * or a promise of it).
 */
export interface PromiseAwaitingCallback {
  readonly id: string;
  readonly api: ApiRef;
  /** Which argument is the callback. */
  readonly argument: number;
  readonly source: string;
}

export const PROMISE_AWAITING_CALLBACKS = entriesOf<PromiseAwaitingCallback>()([
  {
    id: 'apollo:setContext',
    api: { modules: ['@apollo/client/link/context', 'apollo-link-context'], path: ['setContext'] },
    argument: 0,
    source:
      'apollographql/apollo-client: src/link/context/index.ts (ContextSetter: `(operation, prevContext) => Promise<DefaultContext> | DefaultContext`; setContext resolves what the setter returns before forwarding each operation); apollographql/apollo-link: packages/apollo-link-context/src/index.ts (the same in Apollo Client 2)',
  },
]);
