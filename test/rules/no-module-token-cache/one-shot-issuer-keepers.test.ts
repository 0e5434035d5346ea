import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// One-shot issuers' tokens kept long: fetch ponyfills (isomorphic-unfetch, unfetch), a fetch the caller hands in,
// the chat platforms' app tokens (Feishu/Lark, WeChat, WeCom, DingTalk; 2 h), Vault logins through node-vault, and
// as keepers the closure of an exported factory and a client made with a refresh token. Each invalid case has
// look-alikes in `valid`.

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // An Auth0 client-credentials token fetched through isomorphic-unfetch (a fetch ponyfill) and kept at module scope.
    code: "import fetch from 'isomorphic-unfetch';\nlet apiToken;\nexport async function getApiToken() {\n  if (apiToken) return apiToken;\n  const res = await fetch(`https://${process.env.AUTH0_DOMAIN}/oauth/token`, { method: 'post', body: JSON.stringify({ grant_type: 'client_credentials' }) });\n  const body = await res.json();\n  apiToken = body.access_token;\n  return apiToken;\n}",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'expireFromResponse',
            output:
              "import fetch from 'isomorphic-unfetch';\nlet apiToken;\nlet apiTokenExpiresAt = 0;\nexport async function getApiToken() {\n  if (apiToken && Date.now() < apiTokenExpiresAt) return apiToken;\n  const res = await fetch(`https://${process.env.AUTH0_DOMAIN}/oauth/token`, { method: 'post', body: JSON.stringify({ grant_type: 'client_credentials' }) });\n  const body = await res.json();\n  apiToken = body.access_token;\n  apiTokenExpiresAt = Date.now() + (body.expires_in - 300) * 1000;\n  return apiToken;\n}",
          },
        ],
      },
    ],
  },
  {
    // A WeCom app token (2 h) fetched through unfetch and kept at module scope.
    code: "import fetch from 'unfetch';\nlet accessToken = null;\nexport async function wecomToken() {\n  if (accessToken) return accessToken;\n  const res = await fetch(`https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=${process.env.CORP_ID}&corpsecret=${process.env.CORP_SECRET}`);\n  const { access_token } = await res.json();\n  accessToken = access_token;\n  return accessToken;\n}",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "import fetch from 'unfetch';\nlet accessToken = null;\nlet accessTokenExpiresAt = 0;\nexport async function wecomToken() {\n  if (accessToken && Date.now() < accessTokenExpiresAt) return accessToken;\n  const res = await fetch(`https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=${process.env.CORP_ID}&corpsecret=${process.env.CORP_SECRET}`);\n  const { access_token } = await res.json();\n  accessToken = access_token;\n  accessTokenExpiresAt = Date.now() + 115 * 60 * 1000;\n  return accessToken;\n}",
          },
        ],
      },
    ],
  },
  {
    // A Lark tenant_access_token (2 h) read off the response of the global fetch.
    code: "let tenantToken;\nexport async function feishuToken() {\n  if (!tenantToken) {\n    const res = await fetch('https://open.larksuite.com/open-apis/auth/v3/tenant_access_token/internal', { method: 'POST', body: JSON.stringify({ app_id: process.env.APP_ID, app_secret: process.env.APP_SECRET }) });\n    tenantToken = (await res.json()).tenant_access_token;\n  }\n  return tenantToken;\n}",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "let tenantToken;\nlet tenantTokenExpiresAt = 0;\nexport async function feishuToken() {\n  if (!tenantToken || Date.now() >= tenantTokenExpiresAt) {\n    const res = await fetch('https://open.larksuite.com/open-apis/auth/v3/tenant_access_token/internal', { method: 'POST', body: JSON.stringify({ app_id: process.env.APP_ID, app_secret: process.env.APP_SECRET }) });\n    tenantToken = (await res.json()).tenant_access_token;\n    tenantTokenExpiresAt = Date.now() + 115 * 60 * 1000;\n  }\n  return tenantToken;\n}",
          },
        ],
      },
    ],
  },
  {
    // A Feishu tenant token memoised in an exported factory's closure, fetched with the fetch the caller hands in.
    code: "const FEISHU = 'https://open.feishu.cn/open-apis';\nexport function createSender(options) {\n  const fetchImpl = options.fetch ?? fetch;\n  let tenantToken = null;\n  async function token() {\n    if (!tenantToken) {\n      const res = await fetchImpl(`${FEISHU}/auth/v3/tenant_access_token/internal`, { method: 'POST', body: JSON.stringify({ app_id: options.appId, app_secret: options.appSecret }) });\n      const data = await res.json();\n      tenantToken = data.tenant_access_token;\n    }\n    return tenantToken;\n  }\n  return {\n    async send(text) {\n      await fetchImpl(`${FEISHU}/im/v1/messages`, { method: 'POST', headers: { Authorization: `Bearer ${await token()}` }, body: text });\n    },\n  };\n}",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
      },
    ],
  },
  {
    // A DingTalk app token memoised in an exported arrow factory's closure; the fetch comes as `{ fetch: fetchImpl }`.
    code: "export const createDingTalkClient = ({ appKey, appSecret, fetch: fetchImpl }) => {\n  let token = '';\n  const getToken = async () => {\n    if (token) return token;\n    const res = await fetchImpl('https://api.dingtalk.com/v1.0/oauth2/accessToken', { method: 'POST', body: JSON.stringify({ appKey, appSecret }) });\n    token = (await res.json()).accessToken;\n    return token;\n  };\n  return { getToken };\n};",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
      },
    ],
  },
  {
    // A Vault AppRole token written back onto the module's node-vault client, which skips the login while it has one: reported at that write.
    code: "import NodeVault from 'node-vault';\nconst vault = NodeVault({ endpoint: process.env.VAULT_ADDR });\nexport async function login() {\n  if (vault.token) return;\n  const result = await vault.approleLogin({ role_id: process.env.ROLE_ID, secret_id: process.env.SECRET_ID });\n  vault.token = result.auth.client_token;\n}\nexport async function secret(path) {\n  await login();\n  return (await vault.read(path)).data;\n}",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
      },
    ],
  },
  {
    // A Vault Kubernetes-login token kept in a module variable and sent as X-Vault-Token.
    code: "const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });\nlet vaultToken = null;\nasync function token() {\n  if (!vaultToken) vaultToken = (await vault.kubernetesLogin({ role: 'api', jwt: process.env.SA_JWT })).auth.client_token;\n  return vaultToken;\n}\nmodule.exports.secret = async (path) => fetch(`${process.env.VAULT_ADDR}/v1/${path}`, { headers: { 'X-Vault-Token': await token() } });",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 2,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });\nlet vaultToken = null;\nlet vaultTokenExpiresAt = 0;\nasync function token() {\n  if (!vaultToken || Date.now() >= vaultTokenExpiresAt) { vaultToken = (await vault.kubernetesLogin({ role: 'api', jwt: process.env.SA_JWT })).auth.client_token; vaultTokenExpiresAt = Date.now() + 55 * 60 * 1000; }\n  return vaultToken;\n}\nmodule.exports.secret = async (path) => fetch(`${process.env.VAULT_ADDR}/v1/${path}`, { headers: { 'X-Vault-Token': await token() } });",
          },
        ],
      },
    ],
  },
  {
    // A refresh-grant access token memoised on an exported client made with the user's refresh token: made to be kept.
    code: "export class DriveClient {\n  constructor(refreshToken) {\n    this.refreshToken = refreshToken;\n    this.accessToken = undefined;\n  }\n  async list() {\n    if (!this.accessToken) {\n      const res = await fetch('https://oauth2.googleapis.com/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.refreshToken }) });\n      this.accessToken = (await res.json()).access_token;\n    }\n    return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${this.accessToken}` } });\n  }\n}",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "export class DriveClient {\n  constructor(refreshToken) {\n    this.refreshToken = refreshToken;\n    this.accessToken = undefined;\n    this.accessTokenExpiresAt = 0;\n  }\n  async list() {\n    if (!this.accessToken || Date.now() >= this.accessTokenExpiresAt) {\n      const res = await fetch('https://oauth2.googleapis.com/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.refreshToken }) });\n      this.accessToken = (await res.json()).access_token;\n      this.accessTokenExpiresAt = Date.now() + 55 * 60 * 1000;\n    }\n    return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${this.accessToken}` } });\n  }\n}",
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The ponyfill's token with its expires_in deadline tested before reuse.
  "import fetch from 'isomorphic-unfetch';\nlet apiToken;\nlet apiTokenExpiresAt = 0;\nexport async function getApiToken() {\n  if (apiToken && Date.now() < apiTokenExpiresAt) return apiToken;\n  const res = await fetch(`https://${process.env.AUTH0_DOMAIN}/oauth/token`, { method: 'post', body: JSON.stringify({ grant_type: 'client_credentials' }) });\n  const body = await res.json();\n  apiToken = body.access_token;\n  apiTokenExpiresAt = Date.now() + (body.expires_in - 300) * 1000;\n  return apiToken;\n}",
  // The factory's closure keeps the token with its `expire` deadline, tested the right way round.
  "const FEISHU = 'https://open.feishu.cn/open-apis';\nexport function createSender(options) {\n  const fetchImpl = options.fetch ?? fetch;\n  let tenantToken = null;\n  let expiresAt = 0;\n  async function token() {\n    if (!tenantToken || Date.now() >= expiresAt) {\n      const res = await fetchImpl(`${FEISHU}/auth/v3/tenant_access_token/internal`, { method: 'POST', body: '{}' });\n      const data = await res.json();\n      tenantToken = data.tenant_access_token;\n      expiresAt = Date.now() + (data.expire - 300) * 1000;\n    }\n    return tenantToken;\n  }\n  return { async send(text) { await fetchImpl(`${FEISHU}/im/v1/messages`, { headers: { Authorization: `Bearer ${await token()}` }, body: text }); } };\n}",
  // The factory's functions fetch a token for every call: nothing is kept.
  "const FEISHU = 'https://open.feishu.cn/open-apis';\nexport function createSender(options) {\n  const fetchImpl = options.fetch ?? fetch;\n  async function token() {\n    const res = await fetchImpl(`${FEISHU}/auth/v3/tenant_access_token/internal`, { method: 'POST', body: '{}' });\n    return (await res.json()).tenant_access_token;\n  }\n  return { async send(text) { await fetchImpl(`${FEISHU}/im/v1/messages`, { headers: { Authorization: `Bearer ${await token()}` }, body: text }); } };\n}",
  // The file calls its factory per invocation: the closure lives for one call.
  "const FEISHU = 'https://open.feishu.cn/open-apis';\nfunction createSender(options) {\n  let tenantToken = null;\n  async function token() {\n    if (!tenantToken) tenantToken = (await (await fetch(`${FEISHU}/auth/v3/tenant_access_token/internal`, { method: 'POST' })).json()).tenant_access_token;\n    return tenantToken;\n  }\n  return { async send(text) { await fetch(`${FEISHU}/im/v1/messages`, { headers: { Authorization: `Bearer ${await token()}` }, body: text }); } };\n}\nexport async function handler(event) {\n  await createSender({}).send(event.body);\n}",
  // A hook's locals are made again on every render.
  "export function useTenantToken() {\n  let tenantToken = null;\n  async function token() {\n    if (!tenantToken) tenantToken = (await (await fetch('https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal', { method: 'POST' })).json()).tenant_access_token;\n    return tenantToken;\n  }\n  return { token };\n}",
  // A handed-in fetch to a URL that names no token endpoint by itself: the shape alone does not tell.
  "export function createClient(options) {\n  let session = null;\n  async function current() {\n    if (!session) session = (await (await options.fetch('https://api.example.com/token', { method: 'POST' })).json()).access_token;\n    return session;\n  }\n  return { current };\n}",
  // The closure keeps a response that is no token.
  "export function createSender(options) {\n  let tenantToken = null;\n  return {\n    async init() {\n      tenantToken = await fetch('https://open.feishu.cn/open-apis/im/v1/chats').then((r) => r.json());\n    },\n    async send(text) { if (tenantToken) await fetch('https://open.feishu.cn/open-apis/im/v1/messages', { body: text }); },\n  };\n}",
  // The Vault token's lease_duration kept as a deadline and tested before the login is skipped.
  "import NodeVault from 'node-vault';\nconst vault = NodeVault({ endpoint: process.env.VAULT_ADDR });\nlet tokenExpiresAt = 0;\nexport async function login() {\n  if (vault.token && Date.now() < tokenExpiresAt) return;\n  const result = await vault.approleLogin({ role_id: process.env.ROLE_ID, secret_id: process.env.SECRET_ID });\n  vault.token = result.auth.client_token;\n  tokenExpiresAt = Date.now() + (result.auth.lease_duration - 60) * 1000;\n}",
  // A client made, logged in and used within one call.
  "import NodeVault from 'node-vault';\nexport async function secret(path) {\n  const vault = NodeVault({ endpoint: process.env.VAULT_ADDR });\n  const result = await vault.approleLogin({ role_id: process.env.ROLE_ID, secret_id: process.env.SECRET_ID });\n  vault.token = result.auth.client_token;\n  return (await vault.read(path)).data;\n}",
  // Only the login's policies are kept: no token.
  "import NodeVault from 'node-vault';\nconst vault = NodeVault({ endpoint: process.env.VAULT_ADDR });\nlet policies = null;\nexport async function login() {\n  if (policies) return policies;\n  const result = await vault.approleLogin({ role_id: process.env.ROLE_ID, secret_id: process.env.SECRET_ID });\n  policies = result.auth.policies;\n  return policies;\n}",
  // The Vault token kept with its lease deadline, tested the right way round.
  "const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });\nlet vaultToken = null;\nlet expiresAt = 0;\nasync function token() {\n  if (!vaultToken || Date.now() >= expiresAt) {\n    const { auth } = await vault.kubernetesLogin({ role: 'api', jwt: process.env.SA_JWT });\n    vaultToken = auth.client_token;\n    expiresAt = Date.now() + auth.lease_duration * 1000;\n  }\n  return vaultToken;\n}\nmodule.exports.secret = async (path) => fetch(`${process.env.VAULT_ADDR}/v1/${path}`, { headers: { 'X-Vault-Token': await token() } });",
  // Logged in and used once at start-up, in one function: the token is not read back later.
  "const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });\nasync function readAtStartUp() {\n  const result = await vault.approleLogin({ role_id: process.env.ROLE_ID, secret_id: process.env.SECRET_ID });\n  vault.token = result.auth.client_token;\n  const { data } = await vault.read('secret/app');\n  return data;\n}\nmodule.exports = { readAtStartUp };",
  // Made with the caller's own token (an on-behalf-of exchange): one instance per caller.
  "export class OboClient {\n  constructor(userToken) {\n    this.userToken = userToken;\n    this.accessToken = undefined;\n  }\n  async me() {\n    if (!this.accessToken) {\n      const res = await fetch('https://login.microsoftonline.com/common/oauth2/v2.0/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: this.userToken }) });\n      this.accessToken = (await res.json()).access_token;\n    }\n    return fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${this.accessToken}` } });\n  }\n}",
  // The refresh-grant token kept with its expires_in deadline.
  "export class DriveClient {\n  constructor(refreshToken) {\n    this.refreshToken = refreshToken;\n    this.accessToken = undefined;\n    this.expiresAt = 0;\n  }\n  async list() {\n    if (!this.accessToken || Date.now() >= this.expiresAt) {\n      const res = await fetch('https://oauth2.googleapis.com/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.refreshToken }) });\n      const body = await res.json();\n      this.accessToken = body.access_token;\n      this.expiresAt = Date.now() + (body.expires_in - 60) * 1000;\n    }\n    return fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${this.accessToken}` } });\n  }\n}",
];

createRuleTester().run('no-module-token-cache (one-shot issuers kept long)', rule, { valid, invalid });
