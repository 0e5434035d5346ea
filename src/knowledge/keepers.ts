import { AWS_V3_CREDENTIAL_FIELDS, STS_CREDENTIAL_FIELDS } from './aws-v3.js';
import { TOKEN_RESPONSE_FIELDS } from './token-endpoints.js';
import type { ApiRef } from './types.js';
import { entriesOf } from './entries-of.js';
import type { SessionId } from './sessions.js';

/**
 * Places a value outlives the code that made it even though no variable holds it: files, CI step outputs, bundle
 * constants, browser storage and the environment. A resolved credential or token written there is read later,
 * by someone who cannot refresh it.
 */
export interface OutlivingSink {
  readonly id: string;
  /** For messages: "a file", "a CI step output". */
  readonly label: string;
  /** The function or class, reached through the file's imports. */
  readonly api?: ApiRef;
  /** Or a method on a global object (`localStorage.setItem`), matched when the global is not shadowed. */
  readonly globalMethod?: readonly [object: string, method: string];
  readonly how: 'call' | 'construct';
  /** Index of the argument that receives the value. */
  readonly argument: number;
  /** The value must arrive under this option of that argument (Vite's `defineConfig({ define })`). */
  readonly option?: string;
  /** True when the sink survives the process itself (so even a one-shot script leaves a stale copy behind). */
  readonly outlivesProcess: boolean;
  /**
   * The page that wrote it reads it back (browser storage): a cache. What a refreshing provider resolved is still a
   * snapshot there (no-static-snapshot); a token or a service's output is no-module-token-cache's (BROWSER_STORAGES).
   */
  readonly cacheOfThePage?: true;
  readonly source: string;
}

/** node's file system modules and their drop-in replacements. */
export const FS_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs'];
const FS_SOURCE =
  'https://nodejs.org/api/fs.html#fspromiseswritefilefile-data-options; jprichardson/node-fs-extra README (outputFile, writeJson)';

/** `['promises', 'writeFile']` as the type `'promises.writeFile'`. */
type JoinedPath<Path extends readonly string[]> = Path extends readonly [infer Only extends string]
  ? Only
  : Path extends readonly [infer First extends string, ...infer Rest extends readonly string[]]
    ? `${First}.${JoinedPath<Rest>}`
    : string;

function fileWrite<const Path extends readonly string[]>(
  path: Path,
): OutlivingSink & { readonly id: `fs:${JoinedPath<Path>}` } {
  return {
    id: `fs:${path.join('.') as JoinedPath<Path>}`,
    label: 'a file',
    api: { modules: FS_MODULES, path },
    how: 'call',
    argument: 1,
    outlivesProcess: true,
    source: FS_SOURCE,
  };
}

export const OUTLIVING_SINKS = [
  ...(
    [
      ['writeFile'],
      ['writeFileSync'],
      ['appendFile'],
      ['appendFileSync'],
      ['promises', 'writeFile'],
      ['promises', 'appendFile'],
      ['outputFile'],
      ['outputFileSync'],
      ['writeJson'],
      ['writeJsonSync'],
      ['writeJSON'],
      ['outputJson'],
    ] as const
  ).map(fileWrite),
  {
    id: 'actions:setOutput',
    label: 'a CI step output (`@actions/core` setOutput)',
    api: { modules: ['@actions/core'], path: ['setOutput'] },
    how: 'call',
    argument: 1,
    outlivesProcess: true,
    source: 'actions/toolkit: packages/core/src/core.ts (setOutput writes to $GITHUB_OUTPUT for later steps)',
  },
  {
    id: 'actions:exportVariable',
    label: 'an environment variable of the later CI steps (`@actions/core` exportVariable)',
    api: { modules: ['@actions/core'], path: ['exportVariable'] },
    how: 'call',
    argument: 1,
    outlivesProcess: true,
    source: 'actions/toolkit: packages/core/src/core.ts (exportVariable writes to $GITHUB_ENV)',
  },
  {
    id: 'webpack:DefinePlugin',
    label: 'a bundle constant (webpack `DefinePlugin`)',
    api: { modules: ['webpack'], path: ['DefinePlugin'] },
    how: 'construct',
    argument: 0,
    outlivesProcess: true,
    source: 'https://webpack.js.org/plugins/define-plugin/ (values are inlined into the bundle at build time)',
  },
  {
    id: 'vite:define',
    label: 'a bundle constant (Vite `define`)',
    api: { modules: ['vite'], path: ['defineConfig'] },
    how: 'call',
    argument: 0,
    option: 'define',
    outlivesProcess: true,
    source: 'https://vite.dev/config/shared-options.html#define (statically replaced at build time)',
  },
  {
    id: 'browser:localStorage',
    label: '`localStorage`',
    globalMethod: ['localStorage', 'setItem'],
    how: 'call',
    argument: 1,
    outlivesProcess: true,
    cacheOfThePage: true,
    source: 'https://developer.mozilla.org/docs/Web/API/Window/localStorage (kept across browser sessions)',
  },
  {
    // Kept for as long as the tab lives, reloads included: a tab left open for a day reads back what was written at
    // sign-in.
    id: 'browser:sessionStorage',
    label: '`sessionStorage`',
    globalMethod: ['sessionStorage', 'setItem'],
    how: 'call',
    argument: 1,
    outlivesProcess: true,
    cacheOfThePage: true,
    source:
      'https://developer.mozilla.org/docs/Web/API/Window/sessionStorage (kept for the duration of the page session: as long as the tab is open, and survives page reloads and restores)',
  },
] as const satisfies readonly OutlivingSink[];

/**
 * The browser's Web Storage: what a page writes there under a key is handed back to every later read of that key,
 * across reloads and, for `localStorage`, later visits (`sessionStorage`: for as long as the tab lives), whatever the
 * lifetime of the value. Reached as the unshadowed global or through the global object (`window.localStorage`).
 */
export const BROWSER_STORAGES = {
  objects: ['localStorage', 'sessionStorage'],
  write: 'setItem',
  read: 'getItem',
  remove: 'removeItem',
  /** Members that are no key: `localStorage.clear()`, `.key(i)`, `.length`. */
  otherMembers: ['clear', 'key', 'length'],
  source:
    'https://html.spec.whatwg.org/multipage/webstorage.html (setItem, getItem, removeItem; localStorage persists across browsing sessions, sessionStorage for the top-level browsing context); https://developer.mozilla.org/docs/Web/API/Window/localStorage',
} as const;

/**
 * The key-value stores of a mobile app (React Native, Expo): what the app writes there under a key is handed back to
 * every later read of that key, across restarts of the app, whatever the lifetime of the value. They keep a token as
 * `localStorage` does (BROWSER_STORAGES), through an imported object whose methods return promises. `api` names the
 * object; its methods are `write`, `read` and `remove`.
 */
export const APP_STORAGES = [
  {
    label: 'AsyncStorage',
    api: { modules: ['@react-native-async-storage/async-storage'], path: [] },
    write: 'setItem',
    read: 'getItem',
    remove: 'removeItem',
    source:
      'https://react-native-async-storage.github.io/async-storage/docs/api (setItem, getItem, removeItem: persistent, unencrypted key-value storage of the app)',
  },
  {
    label: 'AsyncStorage',
    // The store that react-native itself exported before it moved to the community package.
    api: { modules: ['react-native'], path: ['AsyncStorage'] },
    write: 'setItem',
    read: 'getItem',
    remove: 'removeItem',
    source: 'https://reactnative.dev/docs/0.59/asyncstorage (deprecated core module, same API)',
  },
  {
    label: 'SecureStore',
    api: { modules: ['expo-secure-store'], path: [] },
    write: 'setItemAsync',
    read: 'getItemAsync',
    remove: 'deleteItemAsync',
    source:
      'https://docs.expo.dev/versions/latest/sdk/securestore/ (setItemAsync, getItemAsync, deleteItemAsync: values kept in the device keychain/keystore across app restarts)',
  },
] as const satisfies readonly {
  readonly label: string;
  readonly api: ApiRef;
  readonly write: string;
  readonly read: string;
  readonly remove: string;
  readonly source: string;
}[];

/**
 * Calls that mount a component as the root of the page: the instance they make lives as long as the page, so what
 * it keeps on `this` is kept for the page's life. `render(<App />, el)` / `hydrate` (react-dom up to 17, also
 * `ReactDOM.render`), `hydrateRoot(el, <App />)` and `createRoot(el).render(<App />)` (react-dom/client).
 */
export const PAGE_ROOT_RENDERS = {
  modules: ['react-dom', 'react-dom/client'],
  calls: ['render', 'hydrate', 'hydrateRoot'],
  source:
    'https://legacy.reactjs.org/docs/react-dom.html#render; https://react.dev/reference/react-dom/client/createRoot (root.render); https://react.dev/reference/react-dom/client/hydrateRoot',
} as const;

/**
 * Calls that keep a process running after its top-level code: servers, timers, queue consumers, subscriptions.
 * A file that exports nothing, runs over `process.argv` or exits, and calls none of these is a one-shot script:
 * whatever it keeps at module scope dies with it long before a session ends.
 */
export const LONG_RUNNING_CALLS: readonly string[] = [
  'listen',
  'createServer',
  'setInterval',
  'subscribe',
  'consume',
  'serve',
  'startServer',
  'schedule',
  'watch',
  // A Model Context Protocol server answers tool calls for as long as its client keeps it running
  // (@modelcontextprotocol/sdk: Server#setRequestHandler, McpServer#registerTool; src/server/index.ts, mcp.ts).
  'setRequestHandler',
  'registerTool',
];
/**
 * Class decorators that wire the class into an application a framework keeps running: a NestJS module, controller,
 * provider, GraphQL resolver or WebSocket gateway is loaded by the server that handles requests for the life of the
 * process (https://docs.nestjs.com/modules, /controllers, /providers, /graphql/resolvers, /websockets/gateways).
 * A file that declares one runs in a long-running process even though it starts nothing itself.
 */
export const SERVER_APPLICATION_DECORATORS = [
  {
    id: 'nestjs:application-class',
    modules: ['@nestjs/common', '@nestjs/graphql', '@nestjs/websockets', '@nestjs/microservices'],
    names: ['Module', 'Global', 'Controller', 'Injectable', 'Resolver', 'WebSocketGateway'],
    source: 'https://docs.nestjs.com/modules; https://docs.nestjs.com/controllers; https://docs.nestjs.com/providers',
  },
] as const satisfies readonly { id: string; modules: readonly string[]; names: readonly string[]; source: string }[];

/**
 * Functions that write a value at a named path of an object: `set(process.env, 'AWS_ACCESS_KEY_ID', key)` writes the
 * variable as `process.env.AWS_ACCESS_KEY_ID = key` does. `object`, `path` and `value` are argument positions.
 */
interface PathSetter {
  readonly id: string;
  readonly api: ApiRef;
  readonly object: number;
  readonly path: number;
  readonly value: number;
  readonly source: string;
}

export const PATH_SETTERS = entriesOf<PathSetter>()([
  {
    id: 'lodash:set',
    api: { modules: ['lodash', 'lodash-es'], path: ['set'] },
    object: 0,
    path: 1,
    value: 2,
    source: 'https://lodash.com/docs/4.17.15#set (_.set(object, path, value))',
  },
  {
    id: 'lodash:set-module',
    api: { modules: ['lodash.set', 'lodash/set', 'lodash-es/set'], path: [] },
    object: 0,
    path: 1,
    value: 2,
    source: 'https://lodash.com/docs/4.17.15#set; https://www.npmjs.com/package/lodash.set',
  },
  {
    id: 'dot-prop:setProperty',
    api: { modules: ['dot-prop'], path: ['setProperty'] },
    object: 0,
    path: 1,
    value: 2,
    source: 'sindresorhus/dot-prop README (setProperty(object, path, value))',
  },
]);

/**
 * Environment variables that SDKs and CLIs read as static credentials: whatever the process writes there is what
 * every client it builds later (and every child it starts) signs with, read once per client and never refreshed.
 */
interface EnvCredentialVariable {
  readonly name: string;
  /** Completes "every ... built later reads it". */
  readonly reader: string;
  readonly source: string;
}

export const ENV_CREDENTIAL_VARIABLES = [
  ...(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'] as const).map(
    (name) => ({
      name,
      reader: 'AWS SDK client',
      source:
        'aws/aws-sdk-js-v3: packages/credential-provider-env/src/fromEnv.ts (reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, no expiration unless AWS_CREDENTIAL_EXPIRATION); aws/aws-sdk-js: lib/credentials/environment_credentials.js',
    }),
  ),
  {
    name: 'GOOGLE_OAUTH_ACCESS_TOKEN',
    reader: 'Terraform Google provider',
    source:
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/provider_reference (access_token, GOOGLE_OAUTH_ACCESS_TOKEN: not refreshed)',
  },
  {
    name: 'CLOUDSDK_AUTH_ACCESS_TOKEN',
    reader: 'gcloud command',
    source: 'https://cloud.google.com/sdk/docs/authorizing (CLOUDSDK_AUTH_ACCESS_TOKEN: used as is, not refreshed)',
  },
] as const satisfies readonly EnvCredentialVariable[];

/**
 * Callbacks a library calls again and again for the life of the process: event listeners, timers, route handlers,
 * queue consumers, cron jobs. A value such a callback reads from the function that registered it is the one value
 * that function resolved, however long the process runs.
 */
export const LONG_LIVED_CALLBACKS = {
  /** `emitter.on(event, fn)`: every event except those that end the emitter or the process. */
  listenerMethods: ['on', 'addListener', 'addEventListener', 'prependListener'],
  endingEvents: ['exit', 'beforeExit', 'SIGTERM', 'SIGINT', 'SIGHUP', 'close', 'end', 'finish', 'error'],
  /** `setInterval(fn, ms)`, node-cron `schedule(expr, fn)`. */
  repeatingCalls: ['setInterval', 'schedule'],
  /** `app.get('/path', fn)`: a route handler, registered with a path. */
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route'],
  /** `http.createServer(fn)`. */
  serverFactories: ['createServer'],
  /** kafkajs `consumer.run({ eachMessage })`, sqs-consumer `Consumer.create({ handleMessage })`, cron `new CronJob({ onTick })`. */
  handlerOptions: ['eachMessage', 'eachBatch', 'handleMessage', 'handleMessageBatch', 'onTick'],
  /** `new CronJob(expr, fn)` (cron). */
  repeatingConstructors: ['CronJob'],
  source:
    'https://nodejs.org/api/events.html#emitteroneventname-listener; https://nodejs.org/api/timers.html#setintervalcallback-delay-args; https://expressjs.com/en/guide/routing.html; https://kafka.js.org/docs/consuming#a-name-each-message-a-eachmessage; https://github.com/bbc/sqs-consumer#usage; https://github.com/kelektiv/node-cron#usage; https://github.com/node-cron/node-cron',
} as const;

/**
 * Fields that hand a library what it needs to fetch the next access token itself: an options object given to a
 * library with one of these beside the token renews it there (nodemailer's OAuth2 `auth` with `refreshToken`, a
 * `{ access_token, refresh_token }` credentials object). The token in it is the first of many, not a snapshot.
 */
export const TOKEN_RENEWING_FIELDS = {
  names: ['refreshToken', 'refresh_token'],
  source:
    'https://nodemailer.com/smtp/oauth2 (refreshToken: "Nodemailer tries to generate a new access token if existing one expires or fails"); googleapis/google-auth-library-nodejs: src/auth/oauth2client.ts (refresh_token)',
} as const;

export const ONE_SHOT_SIGNS = { argv: ['process', 'argv'], exit: ['process', 'exit'] } as const;
// Source: https://nodejs.org/api/process.html#event-exit (the process exits once its event loop is empty)

/**
 * A module whose work is top-level `await`s (an ES module run once: a smoke test, a seed or migration script) ends
 * when its last await settles and the event loop is empty, unless it leaves something behind that keeps the loop
 * or the page alive. These are the signs that it does, on top of LONG_RUNNING_CALLS: event listeners (`.on(...)`,
 * `addEventListener`, `onmessage = ...`), a started app (`await app.start()`: Hapi, Bolt), values published on the
 * global object for other modules, a page's globals (a browser module lives as long as its tab), and a top-level
 * loop that never ends or waits on a stream (`while (true)`, `for await`).
 */
export const TOP_LEVEL_AWAIT_KEEPERS = {
  listenerCalls: ['on', 'once', 'addListener', 'prependListener', 'addEventListener'],
  listenerProperty: /^on[a-z]+$/,
  // A started app, or a UI app mounted on the page (it lives as long as its tab): Vue `createApp(App).mount('#app')`,
  // Vue 2 `new Vue(...).$mount('#app')`, React 18 `createRoot(el)` / `hydrateRoot(el, ...)`.
  startCalls: ['start', 'mount', '$mount', 'createRoot', 'hydrateRoot'],
  globalObjects: ['globalThis', 'global', 'window', 'self'],
  browserGlobals: ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location'],
} as const;
// Sources: https://nodejs.org/api/esm.html#top-level-await; https://nodejs.org/api/events.html#emitteroneventname-listener;
// https://hapi.dev/api/#-await-serverstart; https://tools.slack.dev/bolt-js/getting-started (await app.start());
// https://vuejs.org/api/application.html#app-mount; https://v2.vuejs.org/v2/api/#vm-mount;
// https://react.dev/reference/react-dom/client/createRoot

/**
 * Fields that carry the secret part of a resolved value: v3 and STS keys, the STS output's `Credentials` (Amplify
 * `fetchAuthSession()`'s `credentials`: aws-amplify/amplify-js packages/core/src/singleton/Auth/types.ts), the IMDS/ECS
 * document's `Token`, a token object's `token` (MSK signer, Azure `AccessToken`) and token-response fields. What is
 * built from other fields (`expiration`, `RoleArn`) carries no credential into a keeper.
 */
export const SECRET_CARRYING_FIELDS: ReadonlySet<string> = new Set([
  ...AWS_V3_CREDENTIAL_FIELDS,
  ...STS_CREDENTIAL_FIELDS,
  'Credentials',
  'credentials',
  'Token',
  'token',
  ...TOKEN_RESPONSE_FIELDS,
]);
/** Turns a value into text that still carries it (what sinks store), or text back into the value (a CLI's JSON output). */
export const SERIALIZERS: readonly (readonly [object: string, method: string])[] = [
  ['JSON', 'stringify'],
  ['JSON', 'parse'],
];

/**
 * Provider factories that a dependency-injection container runs once, keeping what they return as a singleton for
 * the life of the process: NestJS `{ provide, useFactory }` (default scope; `scope: Scope.REQUEST`/`TRANSIENT` runs it
 * again). https://docs.nestjs.com/fundamentals/custom-providers#factory-providers-usefactory;
 * https://docs.nestjs.com/fundamentals/injection-scopes
 */
export const SINGLETON_FACTORIES = [
  { id: 'nestjs:useFactory', option: 'useFactory', sibling: 'provide', perUseOption: 'scope' },
] as const satisfies readonly { id: string; option: string; sibling: string; perUseOption: string }[];

/**
 * Methods that hand raw keys to a long-lived connection, which signs with them until they are handed again: called
 * once, the connection stops authenticating when the session ends. A call from a timer or one of `renewEvents`
 * hands fresh keys each time.
 */
interface KeyUpdateMethod {
  readonly id: string;
  readonly method: string;
  /** The file must import one of these for a receiver we cannot trace. */
  readonly modules: readonly string[];
  /** Positional arguments: access key ID, secret, session token. */
  readonly keyArguments: number;
  /** Events of the connection whose handler is where the keys are renewed. */
  readonly renewEvents: readonly string[];
  readonly source: string;
}

export const KEY_UPDATE_METHODS = entriesOf<KeyUpdateMethod>()([
  {
    id: 'aws-iot-device-sdk:updateWebSocketCredentials',
    method: 'updateWebSocketCredentials',
    modules: ['aws-iot-device-sdk'],
    keyArguments: 3,
    // 'error': the device emits it when a connection attempt fails (signed with expired keys, among others), so a
    // handler that fetches keys and hands them on renews them on every failed retry.
    renewEvents: ['reconnect', 'offline', 'close', 'error'],
    source:
      'aws/aws-iot-device-sdk-js: README.md (updateWebSocketCredentials: "should be called ... when credentials expire", device.js signs each WebSocket connection with the last keys given; events connect/close/reconnect/offline/error)',
  },
]);

/**
 * Class decorators after which a dependency-injection container makes one instance of the class and hands it to
 * every consumer for the life of the application: a value kept on a field of that instance is kept process-wide.
 * `requires`: the option of the decorator's first argument that must name an application-wide injector (Angular's
 * `providedIn`); `perUseOption`: the option that, set to one of `perUseValues`, makes an instance per request or per
 * injection instead (NestJS `scope`).
 */
interface SingletonDecorator {
  readonly id: string;
  readonly api: ApiRef;
  readonly requires?: { readonly option: string; readonly values: readonly string[] };
  readonly perUseOption?: { readonly option: string; readonly values: readonly string[] };
  readonly source: string;
}

export const SINGLETON_DECORATORS = [
  {
    id: 'angular:Injectable',
    api: { modules: ['@angular/core'], path: ['Injectable'] },
    // 'any' (deprecated) is one instance for the eager modules and one per lazy module: each lives as long as the app.
    requires: { option: 'providedIn', values: ['root', 'platform', 'any'] },
    source: 'https://angular.dev/api/core/Injectable (providedIn)',
  },
  {
    id: 'nestjs:Injectable',
    api: { modules: ['@nestjs/common'], path: ['Injectable'] },
    perUseOption: { option: 'scope', values: ['REQUEST', 'TRANSIENT'] },
    source: 'https://docs.nestjs.com/fundamentals/injection-scopes (DEFAULT: a single instance shared across the app)',
  },
  {
    id: 'tsyringe:singleton',
    api: { modules: ['tsyringe'], path: ['singleton'] },
    source:
      'https://github.com/microsoft/tsyringe#singleton (registers the class as a singleton in the global container)',
  },
] as const satisfies readonly SingletonDecorator[];

/**
 * Binding methods that make a container keep one instance of the bound class: InversifyJS
 * `container.bind(X).toSelf().inSingletonScope()`. https://inversify.io/docs/fundamentals/binding/#insingletonscope
 */
export const SINGLETON_BINDING_METHODS: readonly string[] = ['inSingletonScope'];

/**
 * Client options whose function the client calls again whenever it needs a fresh token: a function that returns a
 * token captured outside it hands the client the same token every time. `tokenOnly` options hold nothing but a token
 * (whatever call produced it, it carries an expiry); the others are reported only when the captured value is known
 * to be short-lived. `modules`: the clients that take a token-only option (a file importing one is checked even
 * when it imports no SDK).
 */
export const TOKEN_PROVIDER_OPTIONS = [
  {
    option: 'oauthBearerProvider',
    tokenOnly: true,
    session: 'oauth-token',
    modules: ['kafkajs', '@confluentinc/kafka-javascript'],
    source:
      'tulios/kafkajs: src/broker/saslAuthenticator/oauthBearer.js ("The implementation of the oauthBearerProvider must take care that tokens are reused and refreshed when appropriate"); https://kafka.js.org/docs/configuration#oauthbearer-example',
  },
  {
    option: 'oauthbearer_token_refresh_cb',
    tokenOnly: true,
    session: 'oauth-token',
    modules: ['@confluentinc/kafka-javascript', 'node-rdkafka'],
    source:
      'confluentinc/confluent-kafka-javascript: examples/oauthbearer_callback_authentication (called by librdkafka whenever a token needs to be retrieved); https://docs.confluent.io/platform/current/clients/librdkafka/html/classRdKafka_1_1OAuthBearerTokenRefreshCb.html',
  },
  {
    // Called with a callback, `(done) => done(null, accessToken)`: the token is the callback's second argument.
    option: 'authProvider',
    tokenOnly: true,
    // Graph takes Microsoft Entra access tokens.
    session: 'azure-access-token',
    callbackTokenArgument: 1,
    // A Graph client is cheap and often built per call: only one that is kept outlives the captured token.
    clientMustBeKept: true,
    modules: ['@microsoft/microsoft-graph-client'],
    source:
      'microsoftgraph/msgraph-sdk-javascript: src/CustomAuthenticationProvider.ts (the AuthProvider callback is called for the access token of each request); docs/CustomAuthenticationProvider.md',
  },
  { option: 'tokenProvider', tokenOnly: false, source: 'the option name: a function asked for the current token' },
  {
    option: 'accessTokenProvider',
    tokenOnly: false,
    source: 'the option name: a function asked for the current token',
  },
  {
    option: 'getCredentials',
    tokenOnly: false,
    source: 'the option name: a function asked for the current credentials',
  },
  { option: 'getToken', tokenOnly: false, source: 'the option name: a function asked for the current token' },
  { option: 'getAccessToken', tokenOnly: false, source: 'the option name: a function asked for the current token' },
  {
    option: 'credentials',
    tokenOnly: false,
    source:
      'aws/aws-sdk-js-v3: a client calls its `credentials` provider function before each request (packages/middleware-signing)',
  },
] as const satisfies readonly {
  option: string;
  tokenOnly: boolean;
  /** For token-only options: how long the token the function hands back lives. */
  session?: SessionId;
  callbackTokenArgument?: number;
  clientMustBeKept?: boolean;
  modules?: readonly string[];
  source: string;
}[];

/**
 * Calls that put a value in an app-wide state store, which keeps it for as long as the page or process lives: Redux
 * `dispatch(action)`, Vuex `commit(type, payload)` / `dispatch(type, payload)`, Pinia `store.$patch(partial)`, and
 * (`storeMethods`, called on a store rather than on `this`, which is a component's own state) Zustand
 * `useStore.setState(partial)`.
 */
export const STATE_STORE_WRITES = {
  methods: ['dispatch', 'commit', '$patch'],
  storeMethods: ['setState'],
  source:
    'https://redux.js.org/api/store#dispatchaction; https://vuex.vuejs.org/api/#commit; https://pinia.vuejs.org/api/pinia/interfaces/pinia._StoreWithState.html#patch; https://zustand.docs.pmnd.rs/apis/create (setState on the store outside components)',
} as const;

/**
 * A UI component's state keeps what is written there for as long as the component is mounted, and every later render
 * and handler reads it back: React/Preact class components' `this.setState(partial)`, and the setter a `useState`
 * hook hands back (`const [value, setValue] = useState()`, the second element).
 */
export const COMPONENT_STATE = {
  classMethods: ['setState'],
  hooks: [{ modules: ['react', 'preact/hooks', 'preact/compat'], path: ['useState'] }],
  /**
   * Signals hand back the same `[read, write]` pair and keep what is written for as long as their owner lives: a
   * module-level one for the page's life (`export const [token, setToken] = createSignal()`).
   */
  signals: [{ modules: ['solid-js'], path: ['createSignal'] }],
  hookSetterIndex: 1,
  hookStateIndex: 0,
  source:
    'https://react.dev/reference/react/Component#setstate; https://react.dev/reference/react/useState (returns [state, setState]); https://preactjs.com/guide/v10/hooks/#usestate; https://docs.solidjs.com/reference/basic-reactivity/create-signal (returns [getter, setter]; a signal created outside a component lives as long as the module)',
} as const satisfies {
  classMethods: readonly string[];
  hooks: readonly ApiRef[];
  signals: readonly ApiRef[];
  hookSetterIndex: number;
  hookStateIndex: number;
  source: string;
};

/**
 * Stores made once at module level that keep the last value written to them for the page's life and hand it to
 * every subscriber and later reader: Svelte's `writable()` with `store.set(value)`.
 */
export const WRITABLE_STORES = [
  {
    api: { modules: ['svelte/store'], path: ['writable'] },
    writeMethods: ['set'],
    source:
      'https://svelte.dev/docs/svelte/stores (writable(initial) returns { set, update, subscribe }; set(value) stores it and notifies subscribers); sveltejs/svelte: packages/svelte/src/store/shared/index.js (writable)',
  },
] as const satisfies readonly { api: ApiRef; writeMethods: readonly string[]; source: string }[];

/**
 * The method name of an app's API client (or store) that takes the bearer token it then sends with every request
 * (`apiClient.setToken(token)`, `http.setAuthToken(t)`, `useAuthStore.getState().setAccessToken(t)`), as the
 * libraries that hand such a setter name it: Google's `gapi.client.setToken`, Directus's `client.setToken`. The
 * client is the app's own: only the name says what it keeps.
 */
export const CLIENT_TOKEN_SETTER_PATTERN =
  /^set(?:auth|access|id|bearer|api|jwt)?_?token$|^setauth(?:orization|header)$/i;
export const CLIENT_TOKEN_SETTER_SOURCE =
  "https://github.com/google/google-api-javascript-client/blob/master/docs/reference.md (gapi.client.setToken: the token used by all later requests); directus/directus: sdk/src/auth/static.ts (staticToken: setToken keeps the token getToken hands to every request); test/fixtures/engine-heldout-16 A03 (an app client's setToken)";

/**
 * Options a library takes but never reads, so credentials passed there reach nothing that keeps them: opensearch-js's
 * `AwsSigv4Signer` signs with `opts.getCredentials`, or else the SDK's default provider chain, which it calls again
 * before the cached credentials expire; a `credentials` option is ignored.
 */
export const IGNORED_CREDENTIAL_OPTIONS = [
  {
    api: {
      modules: ['@opensearch-project/opensearch/aws', '@opensearch-project/opensearch/aws-v3'],
      path: ['AwsSigv4Signer'],
    },
    options: ['credentials'],
    source:
      'opensearch-project/opensearch-js: lib/aws/shared.js (giveAwsV4Signer: `if (typeof opts.getCredentials !== "function") opts.getCredentials = awsDefaultCredentialsProvider`; no read of opts.credentials)',
  },
] as const satisfies readonly { api: ApiRef; options: readonly string[]; source: string }[];

/**
 * Constructor parameters that make an instance one caller's: a user's token or assertion handed in for an
 * on-behalf-of exchange (`new OnBehalfOfUserCredential(ssoToken)`, `new OboAuthProvider(jwt)`), or the request or
 * event being served. Such a class is made per request, so a token memoised on its fields dies with it. Sources:
 * the TeamsFx SDK's documented `new OnBehalfOfUserCredential(ssoToken)` (one per signed-in user's request);
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow (the assertion is the caller's token).
 */
export const PER_CALLER_PARAMETER_PATTERN = /(?:token|assertion|jwt)$|^(?:req|request|event)$/i;
/**
 * Not a caller's: a refresh token (RFC 6749 §1.5) is handed in so that the object can get new access tokens for as
 * long as it lives; an object made with one is made to be kept.
 */
export const RENEWING_PARAMETER_PATTERN = /^refresh_?token$/i;

/**
 * An entry point a serverless platform calls once per invocation: Lambda runs the exported function the function's
 * `Handler` setting names (`index.handler` by default), as `handler(event, context)`. Known by its name or by its
 * first parameter. Source: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html ("export const handler =
 * async (event, context) => ..."; the handler runs for each event, the code outside it once per environment).
 */
export const PER_INVOCATION_ENTRIES = {
  namePattern: /^(?:handler|\w+Handler)$/,
  firstParameters: ['event'],
} as const;

/**
 * A request's session (`req.session.x`, Koa's `ctx.session.x`): the session middleware saves what is written there and
 * hands it back on the user's later requests, for as long as the session lives (days by default), whatever the
 * token's own lifetime. Sources: express-session README ("Session data is not saved in the cookie itself, just the
 * session ID. Session data is stored server-side"; `cookie.maxAge`), https://github.com/expressjs/session; koa-session
 * README (`ctx.session`, `maxAge` 1 day by default), https://github.com/koajs/session; @fastify/session
 * (`request.session`), https://github.com/fastify/session.
 */
export const REQUEST_SESSIONS = {
  property: 'session',
  requestNames: ['req', 'request', 'ctx'],
} as const;

/**
 * Names of the global object (unshadowed): `globalThis.x`, `global.x` (Node), `window.x` and `self.x` (browsers and
 * workers) are process- or page-wide storage.
 */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

/**
 * Connection options whose secret may be a function that the library calls for each new connection it opens. A
 * pool built once with a token as its password authenticates every later connection with that token; given a
 * function that asks the signer, each connection gets a fresh one. (A single client connects once: it is not listed.)
 */
export interface PerConnectionSecret {
  readonly id: string;
  /** The class constructed with the options as its first argument. */
  readonly api: ApiRef;
  /** The option holding the secret. */
  readonly option: string;
  /** Another option that must have one of these literal values (a library that passes the function on only then). */
  readonly requires?: { readonly option: string; readonly values: readonly string[] };
  readonly source: string;
}

export const PER_CONNECTION_SECRETS: readonly PerConnectionSecret[] = [
  {
    id: 'pg:Pool',
    api: { modules: ['pg'], path: ['Pool'] },
    option: 'password',
    source:
      'brianc/node-postgres: packages/pg/lib/client.js (_getPassword: a function password is called when each client connects; the pool makes a client per connection); @types/pg ClientConfig.password: string | (() => string | Promise<string>)',
  },
  {
    id: 'typeorm:DataSource',
    api: { modules: ['typeorm'], path: ['DataSource'] },
    option: 'password',
    requires: { option: 'type', values: ['postgres'] },
    source:
      'typeorm/typeorm: src/driver/postgres/PostgresConnectionCredentialsOptions.ts (password?: string | (() => string) | (() => Promise<string>)), handed to the pg pool by PostgresDriver',
  },
];

/**
 * Connection classes that take the password as a positional argument: `new Sequelize(database, username, password,
 * options)`. Built once with a token there, every later connection uses it, unless a `beforeConnect` hook (in
 * `options.hooks`, or added with `sequelize.beforeConnect(fn)` / `addHook('beforeConnect', fn)`) sets a fresh
 * password for each connection.
 */
export const POSITIONAL_CONNECTION_SECRETS = [
  {
    id: 'sequelize:Sequelize',
    api: { modules: ['sequelize', '@sequelize/core'], path: ['Sequelize'] },
    argument: 2,
    renewingHook: 'beforeConnect',
    source:
      'sequelize/sequelize: src/sequelize.js (constructor(database, username, password, options)); https://sequelize.org/docs/v6/other-topics/hooks/ (beforeConnect receives the connection config to change, e.g. for a rotating password)',
  },
] as const satisfies readonly {
  readonly id: string;
  readonly api: ApiRef;
  readonly argument: number;
  readonly renewingHook: string;
  readonly source: string;
}[];

/**
 * Memoisers: `const token = memoize(fetchToken)` keeps the first result for as long as the module lives, unless an
 * option gives each result a lifetime (memoizee and moize `maxAge`, sindresorhus `memoize`/`mem` `maxAge`, or a
 * `cache` of the caller's own, such as p-memoize's documented `new ExpiryMap(ms)`). lodash's `memoize`,
 * `memoize-one` and `fast-memoize` have no lifetime at all.
 */
export interface Memoizer {
  readonly api: ApiRef;
  /** Options (of the argument after the function) that make each result expire; empty when there is none. */
  readonly lifetimeOptions: readonly string[];
  readonly source: string;
}

/** lodash's memoised function exposes its cache: `getToken.cache.clear()` drops what it kept (lodash docs). */
export const MEMO_CACHE_PROPERTY = 'cache';

export const MEMOIZERS: readonly Memoizer[] = [
  {
    api: { modules: ['lodash', 'lodash-es', 'underscore'], path: ['memoize'] },
    lifetimeOptions: [],
    source: 'https://lodash.com/docs/4.17.15#memoize',
  },
  {
    api: {
      modules: ['lodash.memoize', 'lodash/memoize', 'lodash-es/memoize', 'memoize-one', 'fast-memoize'],
      path: [],
    },
    lifetimeOptions: [],
    source:
      'https://lodash.com/docs/4.17.15#memoize; alexreardon/memoize-one README; caiogondim/fast-memoize.js README',
  },
  {
    api: { modules: ['memoizee', 'moize'], path: [] },
    lifetimeOptions: ['maxAge'],
    source: 'medikoo/memoizee README (maxAge); planttheidea/moize README (maxAge)',
  },
  {
    api: { modules: ['p-memoize', 'mem', 'memoize'], path: [] },
    lifetimeOptions: ['maxAge', 'cache'],
    source: 'sindresorhus/p-memoize README (cache: new ExpiryMap(ms)); sindresorhus/memoize README (maxAge)',
  },
];

/**
 * What shows that a connection built from credentials stays open after the call that built it returns: listeners
 * for its connection events (the event loop keeps it alive, and it reconnects by itself, signing again with the keys
 * it was given), or options that make it reconnect. `closeMethods` end it within the call (a per-request connection);
 * a function run again from one of `renewEvents` (or a timer) resolves fresh keys for each reconnect.
 * HTTP request events (`response`, `data`, `end`, `close`, `error`) are left out: a request signed per call ends
 * with the call.
 */
export const LIVE_CONNECTION_SIGNS = {
  listenerMethods: ['on', 'once', 'addListener', 'addEventListener'],
  events: [
    'connect',
    'reconnect',
    'offline',
    'disconnect',
    'message',
    'interrupt',
    'resume',
    'connection_success',
    'connection_interrupted',
  ],
  reconnectOptions: ['baseReconnectTimeMs', 'maximumReconnectTimeMs', 'reconnectPeriod', 'autoReconnect'],
  closeMethods: ['end', 'endAsync', 'close', 'disconnect', 'destroy', 'terminate', 'quit'],
  // 'error': MQTT.js and the IoT device SDKs emit it when a connection attempt is refused (an expired signature
  // among others), so code run again from it on each failure builds the connection with what it resolves then.
  renewEvents: ['reconnect', 'offline', 'close', 'disconnect', 'interrupt', 'connection_interrupted', 'error'],
  /** Handler properties a connection calls when it drops or fails to connect (Paho, the browser WebSocket). */
  renewHandlers: ['onConnectionLost', 'onFailure', 'onclose', 'onerror', 'onClose', 'onError', 'onDisconnect'],
  source:
    'aws/aws-iot-device-sdk-js: README.md (device and thingShadow events connect/reconnect/offline/message, options baseReconnectTimeMs/maximumReconnectTimeMs; the WebSocket is signed again on each reconnect with the keys given); mqttjs/MQTT.js: README.md (events connect/reconnect/offline/disconnect/error/message, option reconnectPeriod); aws/aws-iot-device-sdk-js-v2: MqttClientConnection events connect/interrupt/resume/message/disconnect/connection_success; eclipse/paho.mqtt.javascript: Paho.MQTT.Client onConnectionLost, connect options onFailure; https://developer.mozilla.org/docs/Web/API/WebSocket (onclose, onerror)',
} as const;

/**
 * Builder methods whose result still carries what was handed to the chain: `.with_credentials(region, k, s, t)`
 * then `.with_endpoint(...)...build()` (aws-iot-device-sdk-v2 `AwsIotMqttConnectionConfigBuilder`), Java-style
 * `.withCredentials(c).build()`. A chain is followed only from an argument given to one of these.
 */
export const BUILDER_METHOD_PATTERN = /^(?:with(?:_[a-z]|[A-Z])\w*|set[A-Z]\w*|build)$/;
export const BUILDER_METHOD_SOURCE =
  'aws/aws-iot-device-sdk-js-v2: lib/iot/aws_iot_mqtt_config.ts (AwsIotMqttConnectionConfigBuilder: with_* methods return this, build() returns the config)';

/**
 * Methods that open the connection of an object built with a credential and hand back a promise of that object (or
 * of a connection made with its settings): mssql `new ConnectionPool(config).connect()`, node-redis
 * `createClient({ password }).connect()`, pg `pool.connect()`. What they return keeps the credential as long as the
 * object does. Sources: tediousjs/node-mssql README (ConnectionPool connect); redis/node-redis README (connect);
 * https://node-postgres.com/apis/pool#poolconnect
 */
export const CONNECTING_METHODS: readonly string[] = ['connect'];
