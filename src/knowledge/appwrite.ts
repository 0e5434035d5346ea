import type { CredentialMethod } from './types.js';
import { entriesOf } from './entries-of.js';

/**
 * Appwrite's account JWT: `account.createJWT()` on an `Account` made from a signed-in client (web SDK `appwrite`,
 * server SDK `node-appwrite`) resolves `{ jwt }`, a token valid 15 min from its creation (900 s unless `duration`
 * asks for up to 3600 s). Nothing in the SDK renews it: a JWT minted once and kept is refused once that has passed.
 */
const APPWRITE_MODULES = ['appwrite', 'node-appwrite'];

export const APPWRITE_TOKEN_METHODS = entriesOf<CredentialMethod>()([
  {
    id: 'appwrite:createJWT',
    ecosystem: 'appwrite',
    method: 'createJWT',
    receivers: [{ modules: APPWRITE_MODULES, path: ['Account'] }],
    gateModules: APPWRITE_MODULES,
    yields: 'access-token',
    session: 'appwrite-jwt',
    secretFields: ['jwt'],
    ownName: true,
    replacement: { code: 'await account.createJWT()', imports: [] },
    fix: 'Call `account.createJWT()` where the token is sent (or keep its creation time with it and mint a new one before 15 min have passed).',
    source:
      'appwrite/sdk-for-web: src/services/account.ts (createJWT: "The JWT secret is valid for 15 minutes from its creation"; duration 900 s by default, at most 3600 s), src/models.ts (Jwt { jwt }), rollup.config.mjs (the CDN bundle defines the global Appwrite)',
  },
]);
