import rule from '../../../rules/no-static-snapshot/index.js';
import { createRuleTester } from '../../rule-tester.js';

// A client option whose function the client calls for a fresh token (kafkajs `oauthBearerProvider`, confluent's
// `oauthbearer_token_refresh_cb`, `getToken`) must not return a token fetched once outside it. Shapes re-created from
// public kafkajs producers (MSK IAM, Keycloak/Entra client-credentials helpers).
const OAUTH_FETCH = `const { Kafka } = require('kafkajs');
async function fetchToken() {
  const res = await fetch(process.env.AUTH_URL + '/oauth2/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });
  const body = await res.json();
  return body.access_token;
}`;

createRuleTester().run('no-static-snapshot (token provider options)', rule, {
  valid: [
    // The provider fetches per call (the kafkajs MSK sample).
    {
      code: `import { Kafka } from 'kafkajs';
import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';
export const kafka = new Kafka({ brokers: ['b:9098'], ssl: true, sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: (await generateAuthToken({ region: 'eu-west-1' })).token }) } });`,
    },
    {
      code: `${OAUTH_FETCH}
export const kafka = new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await fetchToken() }) } });`,
    },
    // Captured, but a timer writes it again.
    {
      code: `${OAUTH_FETCH}
let token = await fetchToken();
setInterval(async () => { token = await fetchToken(); }, 30 * 60 * 1000);
export const kafka = new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } });`,
    },
    // A static token from the environment or a synchronous config read: nothing was fetched.
    {
      code: `const { Kafka } = require('kafkajs');
const token = process.env.KAFKA_TOKEN;
const fromConfig = config.get('kafka.token');
new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } });
new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: fromConfig }) } });`,
    },
    // The token is the function's parameter: where it comes from is out of sight.
    {
      code: `const { Kafka } = require('kafkajs');
export function connect(token) { return new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } }); }`,
    },
    // The same MSK token in module scope: a module cache, reported by no-module-token-cache only.
    {
      code: `import { Kafka } from 'kafkajs';
import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';
const auth = await generateAuthToken({ region: 'eu-west-1' });
export const kafka = new Kafka({ brokers: ['b:9098'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: auth.token }) } });`,
    },
    // A generic option name over something not known to expire.
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
const settings = await loadSettings();
export const client = new Api({ getToken: async () => settings.apiKey });`,
    },
    // Microsoft Graph's callback-style authProvider asking for a token per request, or handed a parameter.
    {
      code: `const { Client } = require('@microsoft/microsoft-graph-client');
const { acquireToken } = require('./msal');
export const graph = Client.init({ authProvider: async (done) => { done(null, await acquireToken()); } });
export function forUser(userToken) { return Client.init({ authProvider: (done) => done(null, userToken) }); }`,
    },
    // A Graph client built per call and used at once: the captured token lives as long as the client.
    {
      code: `const { Client } = require('@microsoft/microsoft-graph-client');
const { acquireToken } = require('./msal');
async function graphClient() {
  const token = await acquireToken();
  return Client.init({ authProvider: (done) => { done(null, token); } });
}
async function me() { const client = await graphClient(); return client.api('/me').get(); }
module.exports = { me };`,
    },
  ],
  invalid: [
    // Look-alike: the token is also read outside the function, so its declaration stays.
    {
      code: `${OAUTH_FETCH}
async function main() {
  const token = await fetchToken();
  console.log(token.slice(0, 4));
  return new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } });
}
main();`,
      errors: [
        {
          messageId: 'capturedTokenProvider',
          line: 8,
          suggestions: [
            {
              messageId: 'fetchInProvider',
              output: `${OAUTH_FETCH}
async function main() {
  const token = await fetchToken();
  console.log(token.slice(0, 4));
  return new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await fetchToken() }) } });
}
main();`,
            },
          ],
        },
      ],
    },
    // Look-alike: the helper takes a value made by a call, which would run again per token: no suggestion.
    {
      code: `${OAUTH_FETCH.replace('fetchToken()', 'fetchToken(scope)')}
async function main() {
  const token = await fetchToken(scopes());
  return new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } });
}
main();`,
      errors: [{ messageId: 'capturedTokenProvider', line: 8, suggestions: [] }],
    },
    // Microsoft Graph's callback-style authProvider handing back a token fetched once, on a client kept for later.
    {
      code: `const { Client } = require('@microsoft/microsoft-graph-client');
const { acquireToken } = require('./msal');
let graph = null;
async function start() {
  const accessToken = await acquireToken();
  graph = Client.init({ authProvider: (done) => { done(null, accessToken); } });
}
module.exports = { start, me: () => graph.api('/me').get() };`,
      errors: [
        {
          messageId: 'capturedTokenProvider',
          line: 5,
          // A callback-style provider is not async: the fetch is not moved into it.
          suggestions: [],
          data: {
            option: 'authProvider',
            what: 'the token from `acquireToken(...)`',
            phrase: 'when that token expires',
          },
        },
      ],
    },
    // An OAuth token fetched once by the file's own helper.
    {
      code: `${OAUTH_FETCH}
async function main() {
  const token = await fetchToken();
  const kafka = new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } });
  await kafka.producer().connect();
}
main();`,
      errors: [
        {
          messageId: 'capturedTokenProvider',
          line: 8,
          // The fetch moves into the function the client calls for each token; the declaration goes.
          suggestions: [
            {
              messageId: 'fetchInProvider',
              output: `${OAUTH_FETCH}
async function main() {
  const kafka = new Kafka({ brokers: ['b:9092'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await fetchToken() }) } });
  await kafka.producer().connect();
}
main();`,
            },
          ],
        },
      ],
    },
    // An imported helper's result, the options object built in steps.
    {
      code: `const { Kafka } = require('kafkajs');
const { getAuthToken } = require('./auth');
async function start() {
  const token = await getAuthToken(process.env.CLIENT_ID, process.env.CLIENT_SECRET);
  const config = { clientId: 'density', brokers: ['b:9092'] };
  config.sasl = { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) };
  await new Kafka(config).consumer({ groupId: 'g' }).connect();
}
start();`,
      errors: [
        {
          messageId: 'capturedTokenProvider',
          line: 4,
          data: {
            option: 'oauthBearerProvider',
            what: 'the token from `getAuthToken(...)`',
            phrase: 'when that token expires',
          },
          suggestions: [
            {
              messageId: 'fetchInProvider',
              output: `const { Kafka } = require('kafkajs');
const { getAuthToken } = require('./auth');
async function start() {
  const config = { clientId: 'density', brokers: ['b:9092'] };
  config.sasl = { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await getAuthToken(process.env.CLIENT_ID, process.env.CLIENT_SECRET) }) };
  await new Kafka(config).consumer({ groupId: 'g' }).connect();
}
start();`,
            },
          ],
        },
      ],
    },
    // confluent-kafka-javascript's refresh callback returning a captured token.
    {
      code: `const Kafka = require('@confluentinc/kafka-javascript');
const { tokenFor } = require('./identity');
const token = await tokenFor('kafka');
const producer = new Kafka.Producer({ 'sasl.mechanisms': 'OAUTHBEARER', oauthbearer_token_refresh_cb: async () => ({ value: token, lifetime: Date.now() + 3600e3, principal: 'svc' }) });`,
      errors: [
        {
          messageId: 'capturedTokenProvider',
          line: 3,
          suggestions: [
            {
              messageId: 'fetchInProvider',
              output: `const Kafka = require('@confluentinc/kafka-javascript');
const { tokenFor } = require('./identity');
const producer = new Kafka.Producer({ 'sasl.mechanisms': 'OAUTHBEARER', oauthbearer_token_refresh_cb: async () => ({ value: await tokenFor('kafka'), lifetime: Date.now() + 3600e3, principal: 'svc' }) });`,
            },
          ],
        },
      ],
    },
    // An MSK IAM token captured once in a start-up function (in module scope it is no-module-token-cache's):
    // reported once, by the check of known sources.
    {
      code: `import { Kafka } from 'kafkajs';
import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';
export async function connect() {
  const auth = await generateAuthToken({ region: 'eu-west-1' });
  const kafka = new Kafka({ brokers: ['b:9098'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: auth.token }) } });
  return kafka.producer();
}`,
      errors: [
        {
          messageId: 'capturedProvider',
          line: 4,
          suggestions: [
            {
              messageId: 'fetchInProvider',
              output: `import { Kafka } from 'kafkajs';
import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';
export async function connect() {
  const kafka = new Kafka({ brokers: ['b:9098'], sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: (await generateAuthToken({ region: 'eu-west-1' })).token }) } });
  return kafka.producer();
}`,
            },
          ],
        },
      ],
    },
    // A generic option over a token the engine knows to expire.
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
${OAUTH_FETCH.split('\n').slice(1).join('\n')}
export async function makeApi() {
  const accessToken = await fetchToken();
  return new ApiClient({ getToken: async () => accessToken });
}`,
      errors: [
        {
          messageId: 'capturedTokenProvider',
          line: 8,
          suggestions: [
            {
              messageId: 'fetchInProvider',
              output: `import { S3Client } from '@aws-sdk/client-s3';
${OAUTH_FETCH.split('\n').slice(1).join('\n')}
export async function makeApi() {
  return new ApiClient({ getToken: async () => await fetchToken() });
}`,
            },
          ],
        },
      ],
    },
  ],
});
