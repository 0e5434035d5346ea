import type { SessionId } from './sessions.js';
import type { ApiRef } from './types.js';
import { entriesOf } from './entries-of.js';

/**
 * Factories of an auth function: `const auth = createAppAuth({ appId, privateKey })` makes a function whose call
 * `await auth({ type: 'installation', installationId })` hands out a token. The function caches and renews what it
 * hands out, so asking it per use is cheap; the token it returned does not renew.
 */
export interface AuthFunctionFactory {
  readonly id: string;
  readonly factory: ApiRef;
  /** The option of the call that says which token is asked for, with the sessions of the short-lived ones. */
  readonly kindOption: string;
  readonly sessions: Readonly<Record<string, SessionId>>;
  /** The field of the result that is the token. */
  readonly tokenField: string;
  /** For messages: "a GitHub App installation token". */
  readonly label: string;
  readonly source: string;
}

export const AUTH_FUNCTION_FACTORIES = entriesOf<AuthFunctionFactory>()([
  {
    id: 'octokit:createAppAuth',
    factory: { modules: ['@octokit/auth-app'], path: ['createAppAuth'] },
    kindOption: 'type',
    sessions: { installation: 'github-installation-token' },
    tokenField: 'token',
    label: 'a GitHub App installation token',
    source:
      'octokit/auth-app.js: README.md (auth({ type: "installation" }) resolves { type, token, expiresAt, ... }; tokens are cached and renewed before they expire); https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app (expires after 1 hour)',
  },
]);

/**
 * Clients that keep the token they are built with and send it on every call, with no way to renew it: the token in
 * `slot` (an option of the constructor's first argument, or an argument of the call) is fixed for the client's life.
 * `impliedSession`: whatever value sits there is a token of that kind (azure-devops-node-api's bearer handler takes
 * a Microsoft Entra access token; a personal access token goes to `getPersonalAccessTokenHandler`), so a value
 * resolved at run time there is short-lived even when its source is the app's own.
 */
export interface TokenKeepingClient {
  readonly id: string;
  readonly api: ApiRef;
  readonly slot: { readonly option: string } | { readonly argument: number };
  readonly impliedSession?: SessionId;
  /** One sentence for messages: what keeps the client authenticated instead. */
  readonly renewal: string;
  /**
   * The client also takes the factory of an auth function (AUTH_FUNCTION_FACTORIES, by id) as its strategy in
   * `option`, with the factory's options and the call's `callOptions` under `authOption`: it then asks the strategy
   * for a token on each request, and the strategy caches and renews it.
   */
  readonly authStrategy?: {
    readonly option: string;
    readonly authOption: string;
    readonly factories: readonly string[];
    readonly callOptions: readonly string[];
  };
  readonly source: string;
}

export const TOKEN_KEEPING_CLIENTS = entriesOf<TokenKeepingClient>()([
  {
    id: 'octokit:auth-option',
    api: { modules: ['@octokit/rest', '@octokit/core', 'octokit'], path: ['Octokit'] },
    slot: { option: 'auth' },
    authStrategy: {
      option: 'authStrategy',
      authOption: 'auth',
      factories: ['octokit:createAppAuth'],
      callOptions: ['installationId'],
    },
    renewal:
      "Build the client with the auth strategy instead (`new Octokit({ authStrategy: createAppAuth, auth: { appId, privateKey, installationId } })`), which renews the installation token before it expires, or build it per use from a fresh `auth({ type: 'installation' })`.",
    source:
      'octokit/core.js: src/index.ts (a string `auth` becomes a fixed token via @octokit/auth-token; `authStrategy` is called for each request); octokit/auth-app.js README (authStrategy: createAppAuth, auth: { appId, privateKey, installationId }: each request is authenticated as the installation, its token cached and renewed)',
  },
  {
    id: 'azure-devops:getBearerHandler',
    api: { modules: ['azure-devops-node-api'], path: ['getBearerHandler'] },
    slot: { argument: 0 },
    impliedSession: 'azure-access-token',
    renewal:
      "Build the `WebApi` per use from a fresh token (a `TokenCredential`'s `getToken()` caches and renews it), or keep the token's `expiresOnTimestamp` with the connection and build it again before then.",
    source:
      'microsoft/azure-devops-node-api: api/WebApi.ts (getBearerHandler(token) returns a BearerCredentialHandler), api/handlers/bearertoken.ts (sends the same token on every request); https://learn.microsoft.com/azure/devops/integrate/get-started/authentication/entra (Entra tokens expire after about 1 h)',
  },
]);
