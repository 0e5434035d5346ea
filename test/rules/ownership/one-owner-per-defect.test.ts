import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';

/**
 * One finding per defect (src/analysis/kept-owner.ts): a short-lived value cached at module level, or on a module
 * singleton, is no-module-token-cache's however it got there (a helper of the file, `.then`, `Promise.all`, a `Map`,
 * an object of another library built with it); no-static-snapshot keeps what it owns (copies built into SDK clients,
 * a Google token on an object's field).
 */
const linter = new Linter({ configType: 'flat' });
const findings = (code: string, file = 'src/app.ts') =>
  linter
    .verify(code, plugin.configs.recommended, file)
    .map((m) => `${(m.ruleId ?? 'fatal').replace('credential-expiry/', '')}@${m.line}`);

const STS = `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({ region: 'us-east-1' });
`;
const V2 = `const AWS = require('aws-sdk');
const sts = new AWS.STS();
`;
const GOOGLE = `import { GoogleAuth } from 'google-auth-library';
const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
`;

describe('a value no-module-token-cache owns is reported once, by it', () => {
  it('STS output returned by a helper of the file and copied into a module variable (TS)', () => {
    const code = `${STS}function assumeDeployRole() {
  return sts.send(new AssumeRoleCommand({ RoleArn: process.env.DEPLOY_ROLE_ARN, RoleSessionName: 'deploy' }));
}
let cached: { accessKeyId: string; secretAccessKey: string; sessionToken: string } | undefined;
export async function deployCredentials() {
  if (!cached) {
    const out = await assumeDeployRole();
    cached = { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
  }
  return cached;
}`;
    expect(findings(code)).toEqual(['no-module-token-cache@6']);
  });

  it('v2 STS output settled by .then into a module variable (CommonJS)', () => {
    const code = `${V2}let creds = null;
function load() {
  return sts.assumeRole({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'worker' }).promise().then((data) => {
    creds = { accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken };
  });
}
module.exports = { load, current: () => creds };`;
    // Declared empty and filled by one plain write that tests nothing first: reported at the write.
    expect(findings(code, 'lib/creds.js')).toEqual(['no-module-token-cache@6']);
  });

  it('a Google token picked out of Promise.all and kept in a module variable', () => {
    const code = `${GOOGLE}let bearer: string | null | undefined;
export async function init() {
  const [token, projectId] = await Promise.all([auth.getAccessToken(), auth.getProjectId()]);
  bearer = token;
  return projectId;
}
export const headers = () => ({ Authorization: \`Bearer \${bearer}\` });`;
    expect(findings(code)).toEqual(['no-module-token-cache@6']);
  });

  it('a Google token put in a module Map', () => {
    const code = `${GOOGLE}const tokens = new Map<string, string | null | undefined>();
export async function tokenFor(audience: string) {
  if (!tokens.has(audience)) tokens.set(audience, await auth.getAccessToken());
  return tokens.get(audience);
}`;
    expect(findings(code)).toEqual(['no-module-token-cache@3']);
  });

  it('STS keys on a field of a module singleton (TS class)', () => {
    const code = `${STS}class AwsSession {
  private keys?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  async refresh() {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/app', RoleSessionName: 'app' }));
    this.keys = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
  }
  get current() {
    return this.keys;
  }
}
export const session = new AwsSession();`;
    expect(findings(code)).toEqual(['no-module-token-cache@4']);
  });

  it('a Google token as the password of a pg Pool built once', () => {
    const code = `${GOOGLE}import { Pool } from 'pg';
let pool: Pool | undefined;
export async function db() {
  if (!pool) pool = new Pool({ host: '10.0.0.3', user: 'app@project.iam', password: (await auth.getAccessToken()) ?? '' });
  return pool;
}`;
    expect(findings(code)).toEqual(['no-module-token-cache@4']);
  });
});

describe('what no-static-snapshot owns, or nobody should report, is unchanged', () => {
  it('STS keys from a helper built into an SDK client kept at module level: A only', () => {
    const code = `${STS}import { SQSClient } from '@aws-sdk/client-sqs';
function assume() {
  return sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/app', RoleSessionName: 'app' }));
}
let queue: SQSClient | undefined;
export async function connect() {
  const out = await assume();
  queue = new SQSClient({ credentials: { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken } });
}`;
    expect(findings(code)).toEqual(['no-static-snapshot@5']);
  });

  // A connection kept open (listeners, reconnect options) signs each reconnect with the keys it was built with:
  // no-static-snapshot reports the copy at its source; no-module-token-cache leaves the keeper to it.
  const device = (listen: string) => `const AWS = require('aws-sdk');
const awsIot = require('aws-iot-device-sdk');
const cognito = new AWS.CognitoIdentity();
let device;
function connect(identityId) {
  cognito.getCredentialsForIdentity({ IdentityId: identityId }, (err, data) => {
    device = awsIot.device({ host: 'example.iot', protocol: 'wss', accessKeyId: data.Credentials.AccessKeyId, secretKey: data.Credentials.SecretKey, sessionToken: data.Credentials.SessionToken${listen === 'option' ? ', maximumReconnectTimeMs: 8000' : ''} });
    ${listen === 'listener' ? "device.on('connect', () => device.subscribe('topic'));" : "device.subscribe('topic');"}
  });
}
module.exports = { connect, publish: (m) => device.publish('topic', m) };`;
  it.each(['listener', 'option'])('Cognito keys in a module-level device kept open by a %s: A only', (listen) => {
    expect(findings(device(listen), 'web/iot.js')).toEqual(['no-static-snapshot@6']);
  });
  it('the same device without a sign that it stays open: the keeper is still reported by B', () => {
    expect(findings(device('none'), 'web/iot.js')).toContain('no-module-token-cache@4');
  });

  it('a Google token on the field of a module singleton stays a snapshot (A)', () => {
    const code = `${GOOGLE}class Api {
  token?: string | null;
  async init() {
    this.token = await auth.getAccessToken();
  }
}
export const api = new Api();`;
    expect(findings(code)).toEqual(['no-static-snapshot@6']);
  });

  it('a Map of tokens whose reuse checks the expiry: silent', () => {
    const code = `${GOOGLE}const tokens = new Map<string, { token: string | null | undefined; expiresAt: number }>();
export async function tokenFor(audience: string) {
  const hit = tokens.get(audience);
  if (hit && hit.expiresAt > Date.now() + 60_000) return hit.token;
  const [token] = await Promise.all([auth.getAccessToken()]);
  tokens.set(audience, { token, expiresAt: Date.now() + 30 * 60_000 });
  return token;
}`;
    expect(findings(code)).toEqual([]);
  });

  it('a token picked out of Promise.all and used within the request: silent', () => {
    const code = `${GOOGLE}export async function listBuckets() {
  const [token, projectId] = await Promise.all([auth.getAccessToken(), auth.getProjectId()]);
  return fetch(\`https://storage.googleapis.com/storage/v1/b?project=\${projectId}\`, { headers: { Authorization: \`Bearer \${token}\` } });
}`;
    expect(findings(code)).toEqual([]);
  });
});
