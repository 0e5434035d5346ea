import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';

// Keys of a refreshing source read once and handed as plain values to something that is kept (issue 11, family A):
// a client a base class keeps from its subclass's factory method, the output of a v2 STS callback wrapped in a
// promise and set as the global v2 credentials through named `.then` handlers, keys read off the v2 global that
// another module loaded. Each has look-alikes next to it: per-call clients, the provider passed itself, copies
// without the session token (long-term keys), the refreshing class instead of a copy.
function findings(code: string, file = 'app.ts'): { messageId: string | undefined; line: number }[] {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.{js,ts}'],
      languageOptions: { parser: tsParser },
      plugins: { ce: { rules: { 'no-static-snapshot': rule } } },
      rules: { 'ce/no-static-snapshot': 'error' },
    },
  ] as unknown as Linter.Config[];
  return linter.verify(code, config, file).map((m) => ({ messageId: m.messageId, line: m.line }));
}

const KEYS = (object: string, token = true) =>
  `{ accessKeyId: ${object}.accessKeyId, secretAccessKey: ${object}.secretAccessKey${token ? `, sessionToken: ${object}.sessionToken` : ''} }`;

/** A base class that builds its client once from a factory method its subclasses implement or inherit. */
const HANDLER_BASE = `abstract class Handler<C> {
  protected client!: C;
  private ready: Promise<void>;
  constructor() {
    this.ready = this.createClient().then((c) => { this.client = c; });
  }
  abstract createClient(): Promise<C>;
}`;

describe('no-static-snapshot: resolved keys handed to a client a class keeps', () => {
  it.each([
    [
      'a subclass factory method the base class constructor calls and keeps',
      `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { fromSSO } from '@aws-sdk/credential-providers';
${HANDLER_BASE}
export class Chat extends Handler<BedrockRuntimeClient> {
  async createClient() {
    const creds = await fromSSO({ profile: 'dev' })();
    return new BedrockRuntimeClient({ region: 'us-east-1', credentials: ${KEYS('creds')} });
  }
}`,
      'copiedCredentials',
      13,
    ],
    [
      'a base class factory method a subclass inherits and keeps',
      `import { Client } from '@opensearch-project/opensearch';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
class Base {
  protected async makeClient() {
    const c = await fromNodeProviderChain()();
    const options: Record<string, unknown> = { node: process.env.NODE_URL };
    options.auth = ${KEYS('c')};
    return new Client(options);
  }
}
export class Search extends Base {
  private client?: Client;
  async start() { this.client = await this.makeClient(); }
  async find(q: string) { return this.client!.search({ q }); }
}`,
      'copiedCredentials',
      5,
    ],
  ])('reports %s', (_, code, messageId, line) => {
    expect(findings(code)).toEqual([{ messageId, line }]);
  });

  it.each([
    [
      'the factory method called again for every message',
      `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { fromSSO } from '@aws-sdk/credential-providers';
abstract class Handler<C> {
  abstract createClient(): Promise<C>;
  async send(text: string) {
    const client = await this.createClient();
    return [client, text];
  }
}
export class Chat extends Handler<BedrockRuntimeClient> {
  async createClient() {
    const creds = await fromSSO({ profile: 'dev' })();
    return new BedrockRuntimeClient({ region: 'us-east-1', credentials: ${KEYS('creds')} });
  }
}`,
    ],
    [
      'the provider itself handed to the kept client',
      `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { fromSSO } from '@aws-sdk/credential-providers';
${HANDLER_BASE}
export class Chat extends Handler<BedrockRuntimeClient> {
  async createClient() {
    return new BedrockRuntimeClient({ region: 'us-east-1', credentials: fromSSO({ profile: 'dev' }) });
  }
}`,
    ],
    [
      'an async credentials function that resolves at each use',
      `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { fromSSO } from '@aws-sdk/credential-providers';
${HANDLER_BASE}
export class Chat extends Handler<BedrockRuntimeClient> {
  async createClient() {
    return new BedrockRuntimeClient({ credentials: async () => { const c = await fromSSO({ profile: 'dev' })(); return c; } });
  }
}`,
    ],
    [
      'a subclass that overrides the inherited factory with one that keeps nothing resolved',
      `import { Client } from '@opensearch-project/opensearch';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
class Base {
  protected async makeClient() {
    const c = await fromNodeProviderChain()();
    return new Client({ node: process.env.NODE_URL, auth: ${KEYS('c')} });
  }
}
export class Search extends Base {
  private client?: Client;
  protected async makeClient() { return new Client({ node: process.env.NODE_URL }); }
  async start() { this.client = await this.makeClient(); }
}`,
    ],
  ])('stays silent on %s', (_, code) => {
    expect(findings(code)).toEqual([]);
  });
});

/** A v2 STS callback API wrapped in a promise by hand. */
const WRAPPED_STS = `/* global AWS */
function assume(token) {
  const sts = new AWS.STS();
  return new Promise((resolve, reject) => {
    sts.assumeRoleWithWebIdentity({ RoleArn: window.ROLE, RoleSessionName: 'web', WebIdentityToken: token }, (err, data) =>
      err ? reject(err) : resolve(data),
    );
  });
}`;

describe('no-static-snapshot: STS output settled through a hand-made promise', () => {
  it.each([
    [
      'positional keys set as the global credentials by a named handler',
      `${WRAPPED_STS}
function keep(data) {
  AWS.config.credentials = new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretAccessKey, data.Credentials.SessionToken);
}
export const signIn = (token) => assume(token).then(keep);`,
      5,
    ],
    [
      'a keys object set as the global credentials by an inline handler',
      `${WRAPPED_STS}
export function signIn(token) {
  return assume(token).then((out) => {
    const c = out.Credentials;
    AWS.config.credentials = new AWS.Credentials({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
  });
}`,
      5,
    ],
    [
      'a handler named by a const arrow, after another step',
      `${WRAPPED_STS}
const keep = (data) => { AWS.config.credentials = new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretAccessKey, data.Credentials.SessionToken); };
export const signIn = (token) => Promise.resolve(token).then(assume).then(keep);`,
      5,
    ],
  ])('reports %s', (_, code, line) => {
    expect(findings(code, 'app.js')).toEqual([{ messageId: 'stsCopied', line }]);
  });

  it.each([
    [
      'a client built from the output for one call and dropped',
      `${WRAPPED_STS}
export function listItems(token) {
  return assume(token).then((data) => new AWS.S3({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey, sessionToken: data.Credentials.SessionToken }).listObjectsV2({ Bucket: 'b' }).promise());
}`,
    ],
    [
      'a named handler that keeps only the role identity',
      `${WRAPPED_STS}
let arn = '';
function keep(data) { arn = data.AssumedRoleUser.Arn; }
export const signIn = (token) => assume(token).then(keep);
export const who = () => arn;`,
    ],
    [
      'the refreshing web identity class set as the global credentials',
      `/* global AWS */
export function signIn(token) {
  AWS.config.credentials = new AWS.WebIdentityCredentials({ RoleArn: window.ROLE, WebIdentityToken: token });
  return new Promise((resolve) => resolve(AWS.config.credentials));
}`,
    ],
  ])('stays silent on %s', (_, code) => {
    expect(findings(code, 'app.js')).toEqual([]);
  });
});

describe('no-static-snapshot: keys read off the v2 global that another module loads', () => {
  it.each([
    [
      'MQTT options of a module-level device',
      `import * as AWS from 'aws-sdk';
import { device } from 'aws-iot-device-sdk';
let link;
export function connect(host) {
  const options = { protocol: 'wss', host, accessKeyId: AWS.config.credentials.accessKeyId, secretKey: AWS.config.credentials.secretAccessKey, sessionToken: AWS.config.credentials.sessionToken };
  link = device(options);
  return link;
}`,
      5,
    ],
    [
      'a Minio client on a singleton',
      `import AWS from 'aws-sdk';
import * as Minio from 'minio';
class Uploader {
  constructor() {
    const creds = AWS.config.credentials;
    this.minio = new Minio.Client({ endPoint: 's3.amazonaws.com', accessKey: creds.accessKeyId, secretKey: creds.secretAccessKey, sessionToken: creds.sessionToken });
  }
  put(name, body) { return this.minio.putObject('b', name, body); }
}
export const uploader = new Uploader();`,
      6,
    ],
  ])('reports %s', (_, code, line) => {
    expect(findings(code, 'app.js')).toEqual([{ messageId: 'v2ChainCopied', line }]);
  });

  it.each([
    [
      'the same copy without the session token (long-term keys)',
      `import * as AWS from 'aws-sdk';
import { device } from 'aws-iot-device-sdk';
let link;
export function connect(host) {
  link = device({ protocol: 'wss', host, accessKeyId: AWS.config.credentials.accessKeyId, secretKey: AWS.config.credentials.secretAccessKey });
  return link;
}`,
    ],
    [
      'a client built from the keys for one upload',
      `import AWS from 'aws-sdk';
import * as Minio from 'minio';
export function put(name, body) {
  const creds = AWS.config.credentials;
  const minio = new Minio.Client({ endPoint: 's3.amazonaws.com', accessKey: creds.accessKeyId, secretKey: creds.secretAccessKey, sessionToken: creds.sessionToken });
  return minio.putObject('b', name, body);
}`,
    ],
    [
      'the live credentials object kept itself',
      `import AWS from 'aws-sdk';
let s3;
export function connect() {
  s3 = new AWS.S3({ credentials: AWS.config.credentials });
  return s3;
}`,
    ],
  ])('stays silent on %s', (_, code) => {
    expect(findings(code, 'app.js')).toEqual([]);
  });
});
