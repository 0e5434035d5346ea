import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Appwrite's account JWT (`account.createJWT()`, valid 15 min; web SDK `appwrite`, server `node-appwrite`, the CDN
// global `Appwrite`, and an Account from the app's own module): minted once and kept, it is refused after 15 min.
// Each invalid case has look-alikes in `valid`.

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // A web-SDK JWT minted once at sign-in and kept in a module variable that every later request sends.
    code: "import { Account, Client } from 'appwrite';\nconst account = new Account(new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject(process.env.PROJECT_ID));\nlet jwt = null;\nexport async function signIn(email, password) {\n  await account.createEmailPasswordSession(email, password);\n  jwt = (await account.createJWT()).jwt;\n}\nexport const api = (path) => fetch(path, { headers: { Authorization: `Bearer ${jwt}` } });",
    errors: [{ messageId: 'moduleTokenCache', line: 6, suggestions: [] }],
  },
  {
    // The CDN bundle's global `Appwrite` (no import): a JWT minted once at page load and added to every htmx request.
    code: "let authToken = null;\nasync function init() {\n  const account = new Appwrite.Account(new Appwrite.Client().setProject('app'));\n  const { jwt } = await account.createJWT();\n  authToken = jwt;\n}\ninit();\ndocument.body.addEventListener('htmx:configRequest', (e) => {\n  e.detail.headers['x-jwt'] = authToken;\n});",
    errors: [{ messageId: 'moduleTokenCache', line: 5, suggestions: [] }],
  },
  {
    // node-appwrite through require: the JWT memoised in module scope with no deadline.
    code: "const sdk = require('node-appwrite');\nconst account = new sdk.Account(new sdk.Client().setEndpoint(process.env.APPWRITE_ENDPOINT));\nlet cachedJwt;\nasync function userJwt() {\n  if (!cachedJwt) cachedJwt = (await account.createJWT()).jwt;\n  return cachedJwt;\n}\nmodule.exports = { userJwt };",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "const sdk = require('node-appwrite');\nconst account = new sdk.Account(new sdk.Client().setEndpoint(process.env.APPWRITE_ENDPOINT));\nlet cachedJwt;\nlet cachedJwtExpiresAt = 0;\nasync function userJwt() {\n  if (!cachedJwt || Date.now() >= cachedJwtExpiresAt) { cachedJwt = (await account.createJWT()).jwt; cachedJwtExpiresAt = Date.now() + 10 * 60 * 1000; }\n  return cachedJwt;\n}\nmodule.exports = { userJwt };",
          },
        ],
      },
    ],
  },
  {
    // An Account from the app's own module (a path alias factory) whose JWT is handed to a module-scope setter.
    code: "import { getAppwriteBrowser } from '@/lib/appwrite';\nlet sessionToken = null;\nexport function setToken(value) {\n  sessionToken = value;\n}\nexport const authHeader = () => ({ Authorization: `Bearer ${sessionToken}` });\nexport async function afterSignIn() {\n  const { account } = getAppwriteBrowser();\n  const res = await account.createJWT();\n  setToken(res.jwt);\n}",
    errors: [{ messageId: 'moduleTokenCache', line: 4, suggestions: [] }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // A JWT minted for every request: nothing is kept.
  "import { Account, Client } from 'appwrite';\nconst account = new Account(new Client().setProject('app'));\nexport async function api(path) {\n  const { jwt } = await account.createJWT();\n  return fetch(path, { headers: { Authorization: `Bearer ${jwt}` } });\n}",
  // The JWT kept with a deadline under its 15 min, tested the right way round.
  "import { Account, Client } from 'appwrite';\nconst account = new Account(new Client().setProject('app'));\nlet jwt = null;\nlet jwtExpiresAt = 0;\nexport async function token() {\n  if (!jwt || Date.now() >= jwtExpiresAt) {\n    jwt = (await account.createJWT()).jwt;\n    jwtExpiresAt = Date.now() + 14 * 60 * 1000;\n  }\n  return jwt;\n}",
  // A local object named `Appwrite` (not the CDN global): its createJWT is the file's own.
  "const Appwrite = { Account: class { constructor(c) { this.c = c; } async createJWT() { return { jwt: 'x' }; } } };\nlet authToken = null;\nasync function init() {\n  const account = new Appwrite.Account({});\n  authToken = (await account.createJWT()).jwt;\n}\ninit();\nexport const header = () => authToken;",
  // The own module's account asked for a JWT per call and the token returned, not kept.
  "import { getAppwriteBrowser } from '@/lib/appwrite';\nexport async function authHeader() {\n  const { account } = getAppwriteBrowser();\n  const res = await account.createJWT();\n  return { Authorization: `Bearer ${res.jwt}` };\n}",
  // Only the account's user object is kept: no token.
  "import { Account, Client } from 'appwrite';\nconst account = new Account(new Client().setProject('app'));\nlet user = null;\nexport async function load() {\n  if (!user) user = await account.get();\n  return user;\n}",
  // A function of the app's own named createJWT, called bare: no Appwrite account behind it.
  "import { createJWT } from '@/lib/tokens';\nlet token = null;\nexport async function init() {\n  token = await createJWT({ sub: 'svc' });\n}\nexport const header = () => token;",
];

createRuleTester().run('no-module-token-cache (Appwrite account JWT)', rule, { valid, invalid });
