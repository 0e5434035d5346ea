import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';

// Keys copied out of refreshing credentials into something that keeps them: an app-wide state store (Redux
// `dispatch`, Vuex `commit`, Pinia `$patch`), a module variable, a third-party client. A copy without the session
// token only ever works with long-term keys, which do not expire: silent. Shapes re-created from public Cognito
// browser apps (Redux login actions, Vue components) and Minio/IoT clients built from identity-pool keys.
function findings(code: string): { messageId: string | undefined; line: number }[] {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.js'],
      languageOptions: { parser: tsParser },
      plugins: { ce: { rules: { 'no-static-snapshot': rule } } },
      rules: { 'ce/no-static-snapshot': 'error' },
    },
  ] as unknown as Linter.Config[];
  return linter.verify(code, config, 'app.js').map((m) => ({ messageId: m.messageId, line: m.line }));
}

const COGNITO_GLOBAL = `import AWS from 'aws-sdk';
AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: process.env.POOL_ID });`;
const KEYS = (object: string, token = true) =>
  `{ accessKeyId: ${object}.accessKeyId, secretAccessKey: ${object}.secretAccessKey${token ? `, sessionToken: ${object}.sessionToken` : ''} }`;
const V3_LOGIN = (keeper: string) => `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
export default {
  methods: {
    async login(poolId) {
      const creds = await fromCognitoIdentityPool({ identityPoolId: poolId })();
      ${keeper}
    },
  },
};`;

describe('no-static-snapshot: key copies kept long', () => {
  it.each([
    [
      'a Redux action dispatched with the copy (reported at the dispatch)',
      `${COGNITO_GLOBAL}
export const login = () => (dispatch) => AWS.config.credentials.get((err) => {
  if (err) return;
  const cognito = ${KEYS('AWS.config.credentials')};
  dispatch(sendCognitoInfo(cognito));
});`,
      'v2ChainCopied',
      6,
    ],
    ['a Vuex commit', V3_LOGIN(`this.$store.commit('setCredentials', ${KEYS('creds')});`), 'copiedCredentials', 5],
    ['a Pinia $patch', V3_LOGIN(`useAuth().$patch({ aws: ${KEYS('creds')} });`), 'copiedCredentials', 5],
    [
      'a module let object',
      `${COGNITO_GLOBAL}
let keys = null;
AWS.config.credentials.get(() => { keys = ${KEYS('AWS.config.credentials')}; });
export const getKeys = () => keys;`,
      'v2ChainCopied',
      4,
    ],
    [
      'a Minio client kept in module scope',
      `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import Minio from 'minio';
let client;
export async function connect(poolId) {
  const creds = await fromCognitoIdentityPool({ identityPoolId: poolId })();
  client = new Minio.Client({ endPoint: 's3.amazonaws.com', accessKey: creds.accessKeyId, secretKey: creds.secretAccessKey, sessionToken: creds.sessionToken });
}`,
      'copiedCredentials',
      5,
    ],
  ])('reports %s', (_, code, messageId, line) => {
    expect(findings(code)).toEqual([{ messageId, line }]);
  });

  it.each([
    [
      'the same dispatch without the session token (long-term keys)',
      `${COGNITO_GLOBAL}
export const login = () => (dispatch) => AWS.config.credentials.get(() => {
  dispatch(sendKeys(${KEYS('AWS.config.credentials', false)}));
});`,
    ],
    [
      'a Vuex commit without the session token',
      V3_LOGIN(`this.$store.commit('setCredentials', ${KEYS('creds', false)});`),
    ],
    [
      'a dispatch of the identity id only',
      `${COGNITO_GLOBAL}
export const login = () => (dispatch) => AWS.config.credentials.get(() => dispatch(setIdentity(AWS.config.credentials.identityId)));`,
    ],
    ['a commit of something else', V3_LOGIN(`this.$store.commit('loggedIn', true); return creds;`)],
    [
      'a module object without the session token',
      `${COGNITO_GLOBAL}
let keys = null;
AWS.config.credentials.get(() => { keys = ${KEYS('AWS.config.credentials', false)}; });
export const getKeys = () => keys;`,
    ],
  ])('stays silent on %s', (_, code) => {
    expect(findings(code)).toEqual([]);
  });
});
