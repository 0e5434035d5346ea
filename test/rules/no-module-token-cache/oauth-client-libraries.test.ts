import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Tokens that an OAuth client library hands back (OAUTH_CLIENT_TOKEN_METHODS, STRATEGY_VERIFY_CALLBACKS): kept in
// module scope or on the global object they expire like a token fetched by hand. Kept per session, asked
// `expired()` before use, handed back to a client that refreshes, or used at once, they are fine.
const lines = (...text: string[]) => text.join('\n');

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // salesforce-oauth2: the token of the callback payload written to the global object, read by every later request.
    code: lines(
      "const oauth2 = require('salesforce-oauth2');",
      'function onCallback(req, res) {',
      '  const done = (error, payload) => {',
      '    global.sfToken = payload.access_token;',
      '    global.sfInstance = payload.instance_url;',
      "    res.redirect('/');",
      '  };',
      '  oauth2.authenticate({ code: req.query.code, client_id: process.env.SF_ID }, done);',
      '}',
      'function proxy(req, res) {',
      '  return fetch(global.sfInstance + req.path, { headers: { Authorization: `Bearer ${global.sfToken}` } });',
      '}',
      'module.exports = { onCallback, proxy };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
      },
    ],
  },
  {
    // salesforce-oauth2 with the callback written inline, kept in a module variable.
    code: lines(
      "const oauth2 = require('salesforce-oauth2');",
      'let sfToken;',
      'exports.onCallback = (req, res) =>',
      '  oauth2.authenticate({ code: req.query.code }, function (error, payload) {',
      '    sfToken = payload.access_token;',
      "    res.redirect('/');",
      '  });',
      'exports.query = (soql) => fetch(`/query?q=${soql}`, { headers: { Authorization: `Bearer ${sfToken}` } });',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
      },
    ],
  },
  {
    // simple-oauth2: the AccessToken itself kept, never asked expired().
    code: lines(
      "const { ClientCredentials } = require('simple-oauth2');",
      "const client = new ClientCredentials({ client: { id: 'a', secret: process.env.S }, auth: { tokenHost: 'https://id.example.com' } });",
      'let accessToken;',
      'async function bearer() {',
      "  if (!accessToken) accessToken = await client.getToken({ scope: 'read' });",
      '  return accessToken.token.access_token;',
      '}',
      'module.exports = { bearer };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "const { ClientCredentials } = require('simple-oauth2');",
              "const client = new ClientCredentials({ client: { id: 'a', secret: process.env.S }, auth: { tokenHost: 'https://id.example.com' } });",
              'let accessToken;',
              'let accessTokenExpiresAt = 0;',
              'async function bearer() {',
              "  if (!accessToken || Date.now() >= accessTokenExpiresAt) { accessToken = await client.getToken({ scope: 'read' }); accessTokenExpiresAt = Date.now() + 55 * 60 * 1000; }",
              '  return accessToken.token.access_token;',
              '}',
              'module.exports = { bearer };',
            ),
          },
        ],
      },
    ],
  },
  {
    // simple-oauth2: only the token text of the AccessToken kept.
    code: lines(
      "const { ClientCredentials } = require('simple-oauth2');",
      "const client = new ClientCredentials({ client: { id: 'a', secret: process.env.S }, auth: { tokenHost: 'https://id.example.com' } });",
      'let bearer = null;',
      'async function token() {',
      '  if (bearer) return bearer;',
      "  const result = await client.getToken({ scope: 'read' });",
      '  bearer = result.token.access_token;',
      '  return bearer;',
      '}',
      'module.exports = { token };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "const { ClientCredentials } = require('simple-oauth2');",
              "const client = new ClientCredentials({ client: { id: 'a', secret: process.env.S }, auth: { tokenHost: 'https://id.example.com' } });",
              'let bearer = null;',
              'let bearerExpiresAt = 0;',
              'async function token() {',
              '  if (bearer && Date.now() < bearerExpiresAt) return bearer;',
              "  const result = await client.getToken({ scope: 'read' });",
              '  bearer = result.token.access_token;',
              '  bearerExpiresAt = Date.now() + 55 * 60 * 1000;',
              '  return bearer;',
              '}',
              'module.exports = { token };',
            ),
          },
        ],
      },
    ],
  },
  {
    // client-oauth2: the token object of the client-credentials grant, kept without expired().
    code: lines(
      "const ClientOAuth2 = require('client-oauth2');",
      "const auth = new ClientOAuth2({ clientId: 'a', clientSecret: process.env.S, accessTokenUri: 'https://id.example.com/token' });",
      'let cached;',
      'exports.headers = async () => {',
      '  if (!cached) cached = await auth.credentials.getToken();',
      '  return { Authorization: `Bearer ${cached.accessToken}` };',
      '};',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 3,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output: lines(
              "const ClientOAuth2 = require('client-oauth2');",
              "const auth = new ClientOAuth2({ clientId: 'a', clientSecret: process.env.S, accessTokenUri: 'https://id.example.com/token' });",
              'let cached;',
              'let cachedExpiresAt = 0;',
              'exports.headers = async () => {',
              '  if (!cached || Date.now() >= cachedExpiresAt) { cached = await auth.credentials.getToken(); cachedExpiresAt = Date.now() + 55 * 60 * 1000; }',
              '  return { Authorization: `Bearer ${cached.accessToken}` };',
              '};',
            ),
          },
        ],
      },
    ],
  },
  {
    // openid-client: a TokenSet of client.grant() memoised in module scope.
    code: lines(
      "import { Issuer } from 'openid-client';",
      "const issuer = await Issuer.discover('https://id.example.com');",
      "const client = new issuer.Client({ client_id: 'a', client_secret: process.env.S });",
      'let tokenSet;',
      'export async function apiToken() {',
      "  tokenSet ??= await client.grant({ grant_type: 'client_credentials' });",
      '  return tokenSet.access_token;',
      '}',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
      },
    ],
  },
  {
    // googleapis: the access token of oauth2Client.getToken(code) copied into a module variable.
    code: lines(
      "const { google } = require('googleapis');",
      "const oauth2Client = new google.auth.OAuth2(process.env.ID, process.env.SECRET, 'http://localhost/cb');",
      'let accessToken = null;',
      'async function callback(req, res) {',
      '  const { tokens } = await oauth2Client.getToken(req.query.code);',
      '  accessToken = tokens.access_token;',
      "  res.send('ok');",
      '}',
      "const list = () => fetch('https://www.googleapis.com/drive/v3/files', { headers: { Authorization: `Bearer ${accessToken}` } });",
      'module.exports = { callback, list };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
      },
    ],
  },
  {
    // Passport: the verify function writes the access token to a module variable.
    code: lines(
      "const passport = require('passport');",
      "const GoogleStrategy = require('passport-google-oauth20').Strategy;",
      'let googleAccessToken;',
      'passport.use(',
      "  new GoogleStrategy({ clientID: 'x', callbackURL: '/cb' }, (accessToken, refreshToken, profile, done) => {",
      '    googleAccessToken = accessToken;',
      '    done(null, profile);',
      '  }),',
      ');',
      "module.exports.events = () => fetch('/calendar', { headers: { Authorization: `Bearer ${googleAccessToken}` } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
      },
    ],
  },
  {
    // Passport with passReqToCallback and a named verify function: the token goes to the global object.
    code: lines(
      "const passport = require('passport');",
      "const { Strategy } = require('passport-salesforce');",
      'function verify(req, accessToken, refreshToken, params, profile, done) {',
      '  globalThis.sfToken = accessToken;',
      '  done(null, profile);',
      '}',
      "passport.use(new Strategy({ clientID: 'x', passReqToCallback: true }, verify));",
      "module.exports.query = () => fetch('/query', { headers: { Authorization: `Bearer ${globalThis.sfToken}` } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
      },
    ],
  },
  {
    // Passport with passReqToCallback set in a const options object: the token is the second parameter.
    code: lines(
      "const passport = require('passport');",
      "const GoogleStrategy = require('passport-google-oauth20').Strategy;",
      'let googleAccessToken;',
      "const options = { clientID: 'x', callbackURL: '/cb', passReqToCallback: true };",
      'passport.use(',
      '  new GoogleStrategy(options, (req, accessToken, refreshToken, profile, done) => {',
      '    googleAccessToken = accessToken;',
      '    done(null, profile);',
      '  }),',
      ');',
      "module.exports.events = () => fetch('/calendar', { headers: { Authorization: `Bearer ${googleAccessToken}` } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 7,
      },
    ],
  },
  {
    // passport-google-oauth's OAuth2Strategy: its access token kept in a module variable.
    code: lines(
      "const { OAuth2Strategy } = require('passport-google-oauth');",
      'let driveToken;',
      "new OAuth2Strategy({ clientID: 'x' }, (accessToken, refreshToken, profile, done) => {",
      '  driveToken = accessToken;',
      '  done(null, profile);',
      '});',
      "module.exports.files = () => fetch('/drive', { headers: { Authorization: `Bearer ${driveToken}` } });",
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 4,
      },
    ],
  },
  {
    // jsforce: the access token copied off the Connection after login, then sent by hand.
    code: lines(
      "const jsforce = require('jsforce');",
      'let sfToken;',
      'let sfInstance;',
      'async function login() {',
      '  const conn = new jsforce.Connection({ loginUrl: process.env.SF_LOGIN_URL });',
      '  await conn.login(process.env.SF_USER, process.env.SF_PASSWORD);',
      '  sfToken = conn.accessToken;',
      '  sfInstance = conn.instanceUrl;',
      '}',
      'const query = (soql) => fetch(`${sfInstance}/services/data/v59.0/query?q=${soql}`, { headers: { Authorization: `Bearer ${sfToken}` } });',
      'module.exports = { login, query };',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 7,
      },
    ],
  },
  {
    // jsforce: the token written to the global object after an OAuth authorize.
    code: lines(
      "import { Connection, OAuth2 } from 'jsforce';",
      "const oauth2 = new OAuth2({ clientId: process.env.SF_ID, redirectUri: '/cb' });",
      'export async function callback(req, res) {',
      '  const conn = new Connection({ oauth2 });',
      '  await conn.authorize(req.query.code);',
      '  globalThis.sfAccessToken = conn.accessToken;',
      "  res.redirect('/');",
      '}',
      'export const headers = () => ({ Authorization: `Bearer ${globalThis.sfAccessToken}` });',
    ),
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 6,
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // salesforce-oauth2: the token kept per session.
  lines(
    "const oauth2 = require('salesforce-oauth2');",
    'exports.onCallback = (req, res) =>',
    '  oauth2.authenticate({ code: req.query.code }, (error, payload) => {',
    '    req.session.sfToken = payload.access_token;',
    "    res.redirect('/');",
    '  });',
  ),
  // salesforce-oauth2: only the instance URL kept globally; the token is used in the callback and dropped.
  lines(
    "const oauth2 = require('salesforce-oauth2');",
    'let instanceUrl;',
    'exports.onCallback = (req, res) =>',
    '  oauth2.authenticate({ code: req.query.code }, (error, payload) => {',
    '    instanceUrl = payload.instance_url;',
    '    fetch(`${instanceUrl}/limits`, { headers: { Authorization: `Bearer ${payload.access_token}` } });',
    '  });',
  ),
  // simple-oauth2: the kept AccessToken is asked expired() before each use.
  lines(
    "const { ClientCredentials } = require('simple-oauth2');",
    "const client = new ClientCredentials({ client: { id: 'a', secret: process.env.S }, auth: { tokenHost: 'https://id.example.com' } });",
    'let accessToken;',
    'async function bearer() {',
    "  if (!accessToken || accessToken.expired(300)) accessToken = await client.getToken({ scope: 'read' });",
    '  return accessToken.token.access_token;',
    '}',
    'module.exports = { bearer };',
  ),
  // simple-oauth2: a token per call, passed straight to the request.
  lines(
    "const { ClientCredentials } = require('simple-oauth2');",
    "const client = new ClientCredentials({ client: { id: 'a', secret: process.env.S }, auth: { tokenHost: 'https://id.example.com' } });",
    'async function call(path) {',
    "  const accessToken = await client.getToken({ scope: 'read' });",
    '  return fetch(path, { headers: { Authorization: `Bearer ${accessToken.token.access_token}` } });',
    '}',
    'module.exports = { call };',
  ),
  // client-oauth2: the kept token is asked expired() and refreshed.
  lines(
    "const ClientOAuth2 = require('client-oauth2');",
    "const auth = new ClientOAuth2({ clientId: 'a', clientSecret: process.env.S, accessTokenUri: 'https://id.example.com/token' });",
    'let cached;',
    'exports.headers = async () => {',
    '  if (!cached || cached.expired()) cached = await auth.credentials.getToken();',
    '  return { Authorization: `Bearer ${cached.accessToken}` };',
    '};',
  ),
  // openid-client: the kept TokenSet is asked expired().
  lines(
    "import { Issuer } from 'openid-client';",
    "const issuer = await Issuer.discover('https://id.example.com');",
    "const client = new issuer.Client({ client_id: 'a', client_secret: process.env.S });",
    'let tokenSet;',
    'export async function apiToken() {',
    "  if (!tokenSet || tokenSet.expired()) tokenSet = await client.grant({ grant_type: 'client_credentials' });",
    '  return tokenSet.access_token;',
    '}',
  ),
  // googleapis: the tokens handed back to the client, which refreshes them.
  lines(
    "const { google } = require('googleapis');",
    "const oauth2Client = new google.auth.OAuth2(process.env.ID, process.env.SECRET, 'http://localhost/cb');",
    'async function callback(req, res) {',
    '  const { tokens } = await oauth2Client.getToken(req.query.code);',
    '  oauth2Client.setCredentials(tokens);',
    "  res.send('ok');",
    '}',
    'module.exports = { callback };',
  ),
  // googleapis: the access token kept in the user's session.
  lines(
    "const { google } = require('googleapis');",
    "const oauth2Client = new google.auth.OAuth2(process.env.ID, process.env.SECRET, 'http://localhost/cb');",
    'async function callback(req, res) {',
    '  const { tokens } = await oauth2Client.getToken(req.query.code);',
    '  req.session.accessToken = tokens.access_token;',
    "  res.send('ok');",
    '}',
    'module.exports = { callback };',
  ),
  // Passport: the token goes into the user object, which passport keeps per session.
  lines(
    "const passport = require('passport');",
    "const GoogleStrategy = require('passport-google-oauth20').Strategy;",
    'passport.use(',
    "  new GoogleStrategy({ clientID: 'x' }, (accessToken, refreshToken, profile, done) => {",
    '    done(null, { id: profile.id, accessToken });',
    '  }),',
    ');',
  ),
  // passport-local: the verify function's first parameters are a user name and password, not a token.
  lines(
    "const passport = require('passport');",
    "const LocalStrategy = require('passport-local').Strategy;",
    'let lastUser;',
    'passport.use(',
    '  new LocalStrategy({ passReqToCallback: true }, (req, username, password, done) => {',
    '    lastUser = username;',
    '    done(null, { username });',
    '  }),',
    ');',
  ),
  // Passport with passReqToCallback: the token written to the request's session.
  lines(
    "const passport = require('passport');",
    "const GoogleStrategy = require('passport-google-oauth20').Strategy;",
    'passport.use(',
    "  new GoogleStrategy({ clientID: 'x', passReqToCallback: true }, (req, accessToken, refreshToken, profile, done) => {",
    '    req.session.accessToken = accessToken;',
    '    done(null, profile);',
    '  }),',
    ');',
  ),
  // Passport with passReqToCallback set in a const options object: the request (first parameter) is no token.
  lines(
    "const passport = require('passport');",
    "const GoogleStrategy = require('passport-google-oauth20').Strategy;",
    'let lastRequest;',
    "const options = { clientID: 'x', callbackURL: '/cb', passReqToCallback: true };",
    'passport.use(',
    '  new GoogleStrategy(options, (req, accessToken, refreshToken, profile, done) => {',
    '    lastRequest = req;',
    '    done(null, profile);',
    '  }),',
    ');',
    'module.exports.last = () => lastRequest.headers;',
  ),
  // A file that imports googleapis: `getToken()` of a receiver made from another library (csrf's Tokens) is no OAuth call.
  lines(
    "import { google } from 'googleapis';",
    "import Tokens from 'csrf';",
    'const csrf = new Tokens();',
    'let csrfToken;',
    'export async function form() {',
    '  csrfToken = await csrf.getToken();',
    '  return csrfToken;',
    '}',
    "export const header = () => ({ 'x-csrf': csrfToken, auth: google.auth });",
  ),
  // A file that imports salesforce-oauth2: Passport's `authenticate(name, callback)` hands the callback a user, no token.
  lines(
    "const passport = require('passport');",
    "const oauth2 = require('salesforce-oauth2');",
    'let lastUser;',
    'exports.login = (req, res, next) =>',
    "  passport.authenticate('local', (err, user) => {",
    '    lastUser = user;',
    "    res.redirect(oauth2.getAuthorizationUrl({ redirect_uri: '/cb' }));",
    '  })(req, res, next);',
    "exports.who = () => fetch('/me', { headers: { Authorization: `Bearer ${lastUser}` } });",
  ),
  // passport-google-oauth's `Strategy` is OAuth 1.0: its verify function gets a token and a token secret, no expiring token.
  lines(
    "const GoogleStrategy = require('passport-google-oauth').Strategy;",
    'let oauth1Token;',
    "new GoogleStrategy({ consumerKey: 'x' }, (token, tokenSecret, profile, done) => {",
    '  oauth1Token = token;',
    '  done(null, profile);',
    '});',
    'module.exports.token = () => oauth1Token;',
  ),
  // Passport: the profile id (not the token) kept at module level.
  lines(
    "const passport = require('passport');",
    "const GoogleStrategy = require('passport-google-oauth20').Strategy;",
    'let lastLogin;',
    'passport.use(',
    "  new GoogleStrategy({ clientID: 'x' }, (accessToken, refreshToken, profile, done) => {",
    '    lastLogin = profile.id;',
    '    done(null, profile);',
    '  }),',
    ');',
  ),
  // jsforce: the Connection itself kept, which renews its session with the refresh token.
  lines(
    "const jsforce = require('jsforce');",
    'let conn;',
    'async function connection() {',
    '  if (!conn) {',
    '    conn = new jsforce.Connection({ oauth2: { clientId: process.env.SF_ID }, instanceUrl: process.env.SF_URL, refreshToken: process.env.SF_REFRESH });',
    '  }',
    '  return conn;',
    '}',
    'const query = async (soql) => (await connection()).query(soql);',
    'module.exports = { query };',
  ),
  // jsforce: only the instance URL kept; the token read off the Connection where it is used.
  lines(
    "const jsforce = require('jsforce');",
    'const conn = new jsforce.Connection({ loginUrl: process.env.SF_LOGIN_URL });',
    'let sfInstance;',
    'async function login() {',
    '  await conn.login(process.env.SF_USER, process.env.SF_PASSWORD);',
    '  sfInstance = conn.instanceUrl;',
    '}',
    'const query = (soql) => fetch(`${sfInstance}/query?q=${soql}`, { headers: { Authorization: `Bearer ${conn.accessToken}` } });',
    'module.exports = { login, query };',
  ),
  // An accessToken field of an object that is no jsforce Connection.
  lines(
    "const settings = require('./settings');",
    'let token;',
    'function configure() {',
    '  token = settings.accessToken;',
    '}',
    'module.exports = { configure, token: () => token };',
  ),
];

createRuleTester().run('no-module-token-cache (OAuth client libraries)', rule, { valid, invalid });
