import type { CredentialMethod } from './types.js';
import { entriesOf } from './entries-of.js';

/**
 * HashiCorp Vault's auth-method logins through node-vault: each resolves Vault's login response, whose
 * `auth.client_token` lives for the role's `token_ttl` (`auth.lease_duration`, in seconds) and is refused once it
 * has passed; node-vault also sets it as the client's own `token` (the command's `tokenSource`). A client logged in
 * once and kept goes on sending it: nothing in node-vault renews it or logs in again.
 */
const NODE_VAULT = 'node-vault';
const LOGIN_METHODS = [
  'approleLogin',
  'kubernetesLogin',
  'awsIamLogin',
  'gcpLogin',
  'githubLogin',
  'userpassLogin',
  'ldapLogin',
  'oktaLogin',
  'radiusLogin',
  'certLogin',
  'jwtLogin',
] as const;

const vaultLogin = <const M extends (typeof LOGIN_METHODS)[number]>(method: M) =>
  ({
    id: `node-vault:${method}`,
    ecosystem: 'vault',
    method,
    receivers: [{ modules: [NODE_VAULT], path: [] }],
    gateModules: [NODE_VAULT],
    yields: 'access-token',
    session: 'vault-token',
    secretFields: ['auth.client_token'],
    tokenPaths: [['auth', 'client_token']],
    replacement: { code: `await vault.${method}(...)`, imports: [] },
    fix: "Keep the login's `auth.lease_duration` with the token and log in again (or renew it with `vault.tokenRenewSelf()`) before it passes.",
    source:
      'nodevault/node-vault: src/commands.js (approleLogin, kubernetesLogin, ... : tokenSource: true), src/index.js (a tokenSource response sets client.token = response.auth.client_token); https://developer.hashicorp.com/vault/docs/troubleshoot/tune-lease-ttl (tokens live 32 days unless the role or mount sets a TTL)',
  }) as const satisfies CredentialMethod;

export const VAULT_TOKEN_METHODS = entriesOf<CredentialMethod>()(LOGIN_METHODS.map(vaultLogin));
