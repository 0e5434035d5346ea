import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import {
  AWS_V2_PRESIGNERS,
  AWS_V2_PROVIDER_CHAIN,
  AWS_V2_REFRESHING_CLASSES,
  AWS_V2_STS_OPERATIONS,
  AWS_V3_PRESIGNERS,
  AWS_V3_PROVIDER_FACTORIES,
  AWS_V3_SNAPSHOT_WRAPPERS,
  AWS_V3_STS_OPERATIONS,
  AZURE_CREDENTIAL_CLASSES,
  GOOGLE_PRESIGNERS,
  GOOGLE_REFRESHING_CLASSES,
  GOOGLE_TOKEN_METHODS,
  type ApiRef,
  AWS_TOKEN_COMMANDS,
  AWS_TOKEN_METHODS,
  MSAL_TOKEN_METHODS,
  OAUTH_CLIENT_TOKEN_METHODS,
  STRATEGY_VERIFY_CALLBACKS,
  GOOGLE_GLOBAL_TOKEN_GETTERS,
  INSTANCE_TOKEN_FIELDS,
  CLI_CREDENTIAL_COMMANDS,
  ENV_CREDENTIAL_VARIABLES,
  OUTLIVING_SINKS,
  type OutlivingSink,
} from '../../src/knowledge/index.js';

/**
 * Every knowledge-base entry is used by a rule: for each one, the canonical wrong code (generated from the entry's
 * own data) is reported by a rule of the anti-pattern it belongs to. A new entry that no rule reads fails here.
 */
const RULES_BY_KIND = {
  A: ['no-static-snapshot'],
  B: ['no-module-token-cache'],
  AB: ['no-static-snapshot', 'no-module-token-cache'],
  D: ['presign-max-lifetime', 'presign-within-session'],
} as const;

function findings(code: string): string[] {
  const linter = new Linter();
  const messages = linter.verify(code, [...plugin.configs.recommended], 'coverage.ts');
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${fatal.message}\n${code}`);
  return messages.map((m) => m.ruleId?.replace('credential-expiry/', '') ?? '');
}

/** An import of `api` under the local name `local`, through its first module. */
function importOf(api: ApiRef, local: string): string {
  const [module] = api.modules;
  const [first, ...rest] = api.path;
  if (!first) return `import ${local} from '${module}';`;
  if (rest.length === 0) return `import { ${first} as ${local} } from '${module}';`;
  return `import * as ns from '${module}';\nconst ${local} = ns.${api.path.join('.')};`;
}

/** The receiver's class path with a concrete name where it says `*` (any class: `SignatureV4` is one). */
const receiverClass = (api: ApiRef): ApiRef => ({
  modules: api.modules,
  path: api.path.map((segment) => segment.replace('*', 'SignatureV4')),
});

const S3 = `import { S3Client } from '@aws-sdk/client-s3';`;
const EIGHT_DAYS = '8 * 24 * 60 * 60';

/**
 * `s3, cmd, { expiresIn }` or `s3, { Bucket, Key, Expires }`: the options at the entry's own argument index, the
 * lifetime nested under `within` (`{ path, options: { expiresIn } }`).
 */
function presignArguments(optionsIndex: number, property = 'expiresIn', within: readonly string[] = []): string {
  const lifetime = within.reduceRight((inner, name) => `${name}: { ${inner} }`, `${property}: ${EIGHT_DAYS}`);
  return ['s3', 'cmd', 'cmd'].slice(0, optionsIndex).concat(`{ Bucket: 'b', Key: 'k', ${lifetime} }`).join(', ');
}

type Case = [id: string, kind: keyof typeof RULES_BY_KIND, code: string];
const cases: Case[] = [
  ...AWS_V3_PROVIDER_FACTORIES.flatMap((entry) =>
    entry.api.modules.map((module): Case => [
      `${entry.id} from ${module}`,
      'A',
      `${importOf({ modules: [module], path: entry.api.path }, 'factory')}\n${S3}\nconst creds = await factory()();\nexport const s3 = new S3Client({ credentials: creds });`,
    ]),
  ),
  ...AWS_V3_SNAPSHOT_WRAPPERS.map((entry): Case => [
    entry.id,
    'A',
    `${importOf(entry.api, 'wrap')}\n${S3}\nimport { fromInstanceMetadata } from '@aws-sdk/credential-providers';\n` +
      (entry.wraps === 'value'
        ? `export const s3 = new S3Client({ credentials: wrap(await fromInstanceMetadata()()) });`
        : `export const s3 = new S3Client({ credentials: wrap(fromInstanceMetadata()) });`),
  ]),
  ...AWS_V3_STS_OPERATIONS.map((entry): Case => [
    entry.id,
    'AB',
    `import { STSClient } from '@aws-sdk/client-sts';\n${importOf(entry.api, 'Command')}\n${S3}\n` +
      `const out = await new STSClient({}).send(new Command({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' } as never));\n` +
      `export const s3 = new S3Client({ credentials: { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken } });`,
  ]),
  ...AWS_V2_REFRESHING_CLASSES.map((entry): Case => [
    entry.id,
    'A',
    `import AWS from 'aws-sdk';\nconst live = new AWS.${entry.api.path.join('.')}({} as never);\n` +
      `AWS.config.update({ accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken });`,
  ]),
  [
    AWS_V2_PROVIDER_CHAIN.id,
    'A',
    `import AWS from 'aws-sdk';\nconst live = await new AWS.${AWS_V2_PROVIDER_CHAIN.api.path.join('.')}().resolvePromise();\n` +
      `AWS.config.update({ accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken });`,
  ],
  ...AWS_V2_STS_OPERATIONS.map((entry): Case => [
    entry.id,
    'AB',
    `import AWS from 'aws-sdk';\nconst out = await new AWS.STS().${entry.method}({} as never).promise();\n` +
      `AWS.config.update({ accessKeyId: out.Credentials!.AccessKeyId, secretAccessKey: out.Credentials!.SecretAccessKey, sessionToken: out.Credentials!.SessionToken });`,
  ]),
  ...GOOGLE_REFRESHING_CLASSES.map((entry): Case => [
    entry.id,
    'AB',
    `${importOf(entry.api, 'AuthClass')}\nconst auth = new AuthClass();\nexport const token = await auth.getAccessToken();`,
  ]),
  ...GOOGLE_TOKEN_METHODS.filter((m) => m.argumentPattern).map((entry): Case => [
    entry.id,
    'B',
    `import * as metadata from '${entry.receivers[0].modules[0]}';\nconst token = await metadata.${entry.method}('service-accounts/default/token');\n` +
      `export function headers() { return { Authorization: 'Bearer ' + token.access_token }; }`,
  ]),
  ...AZURE_CREDENTIAL_CLASSES.map((entry): Case => [
    entry.id,
    'B',
    `${importOf(entry.api, 'Credential')}\nconst credential = new Credential({} as never);\nconst { token } = (await credential.getToken('https://storage.azure.com/.default'))!;\n` +
      `export function headers() { return { Authorization: 'Bearer ' + token }; }`,
  ]),
  ...MSAL_TOKEN_METHODS.map((entry): Case => [
    entry.id,
    'B',
    `${importOf(entry.receivers[0], 'App')}\nconst app = new App({} as never);\nlet kept: string | undefined;\n` +
      `export async function token() { kept ??= (await app.${entry.method}({} as never))!.accessToken; return kept; }`,
  ]),
  ...OAUTH_CLIENT_TOKEN_METHODS.map((entry): Case => [
    entry.id,
    'B',
    entry.callbackForm
      ? `${importOf(entry.receivers[0], 'oauth')}\nlet kept: unknown;\n` +
        `export function login(code: string) { oauth.${entry.method}({ code } as never, (error: unknown, payload: any) => { kept = payload.${entry.secretFields![0]}; }); }\n` +
        'export const use = () => kept;'
      : `${importOf(receiverClass(entry.receivers[0]), 'Client')}\nconst client = new Client({} as never);\nlet kept: unknown;\n` +
        `export async function token() { kept ??= await client.${entry.method}({} as never); return kept; }`,
  ]),
  ...STRATEGY_VERIFY_CALLBACKS.flatMap((entry) => entry.apis.filter((api) => api.path.length > 0).slice(0, 1)).map(
    (api): Case => [
      `${STRATEGY_VERIFY_CALLBACKS[0].id} (${api.modules[0]})`,
      'B',
      `${importOf(api, 'Strategy')}\nlet kept: unknown;\n` +
        'new Strategy({} as never, (accessToken: string, refreshToken: string, profile: unknown, done: any) => { kept = accessToken; done(null, profile); });\n' +
        'export const use = () => kept;',
    ],
  ),
  ...INSTANCE_TOKEN_FIELDS.map((entry): Case => [
    entry.id,
    'B',
    `${importOf(entry.receivers[0], 'Client')}\nlet kept: unknown;\n` +
      `export async function login() { const client = new Client({} as never); kept = client.${entry.field}; }\nexport const use = () => kept;`,
  ]),
  ...GOOGLE_GLOBAL_TOKEN_GETTERS.map((entry): Case => [
    entry.id,
    'B',
    `declare const gapi: any;\nlet kept: unknown;\nexport function signedIn() { kept = ${entry.global.join('.')}().access_token; }\nexport const use = () => kept;`,
  ]),
  ...AWS_V3_PRESIGNERS.map((entry): Case => [
    entry.id,
    'D',
    entry.api
      ? `${importOf(entry.api, 'presign')}\n${S3}\nexport const link = (s3: S3Client, cmd: never) => presign(${presignArguments(entry.expiry.argument, entry.expiry.property, entry.expiry.within)});`
      : `${importOf(receiverClass(entry.receivers![0]), 'Signer')}\nconst signer = new Signer({} as never);\nexport const link = (req: never) => signer.${entry.method}(req, { ${entry.expiry.property}: ${EIGHT_DAYS} });`,
  ]),
  ...AWS_V2_PRESIGNERS.map((entry): Case => [
    entry.id,
    'D',
    `import AWS from 'aws-sdk';\nconst s3 = new AWS.S3();\nexport const link = () => s3.${entry.method}(${entry.expiry.argument === 1 ? `'getObject', ` : ''}{ Bucket: 'b', Key: 'k', ${entry.expiry.property}: ${EIGHT_DAYS} });`,
  ]),
  ...GOOGLE_PRESIGNERS.map((entry): Case => [
    entry.id,
    'D',
    `import { Storage } from '@google-cloud/storage';\nconst file = new Storage().bucket('b').file('f');\n` +
      `export const link = () => file.${entry.method}({ version: 'v4', action: 'read', ${entry.expiry.property}: Date.now() + ${EIGHT_DAYS} * 1000 } as never);`,
  ]),
  ...AWS_TOKEN_METHODS.map((entry): Case => [
    entry.id,
    'AB',
    entry.receivers[0].path.length === 0
      ? `import { ${entry.method} as mint } from '${entry.receivers[0].modules[0]}';\nlet kept: unknown;\nexport async function token() { kept ??= await mint({ region: 'us-east-1' } as never); return kept; }`
      : `${importOf(entry.receivers[0], 'Signer')}\nconst signer = new Signer({} as never);\nlet kept: unknown;\nexport async function token() { kept ??= await signer.${entry.method}(); return kept; }`,
  ]),
  ...AWS_TOKEN_COMMANDS.map((entry): Case => [
    entry.id,
    'B',
    `${importOf(entry.api, 'Command')}\nimport { ECRClient } from '@aws-sdk/client-ecr';\nconst client = new ECRClient({});\nlet kept: unknown;\n` +
      `export async function token() { kept ??= await client.send(new Command({} as never)); return kept; }`,
  ]),
  // The command's output kept on a singleton: credentials through their keys, a token as it is.
  ...CLI_CREDENTIAL_COMMANDS.map((entry): Case => {
    const output = `execFileSync('${entry.program}', ${JSON.stringify(entry.words)}, { encoding: 'utf8' })`;
    const kept =
      entry.yields === 'token' ? output : `{ accessKeyId: JSON.parse(${output}).AccessKeyId, sessionToken: 't' }`;
    return [
      entry.id,
      'A',
      `import { execFileSync } from 'node:child_process';
class Keeper { kept: unknown; init() { this.kept = ${kept}; } }
export default new Keeper();`,
    ];
  }),
  ...ENV_CREDENTIAL_VARIABLES.map((entry): Case => [
    `process.env.${entry.name}`,
    'A',
    `import { fromSSO } from '@aws-sdk/credential-providers';
import express from 'express';
` +
      `async function main() { const c = await fromSSO()(); process.env.${entry.name} = c.sessionToken; express().listen(1); }
main();`,
  ]),
  ...(OUTLIVING_SINKS as readonly OutlivingSink[]).map((entry): Case => {
    const value = entry.option ? `{ ${entry.option}: { X: JSON.stringify(c) } }` : 'JSON.stringify(c)';
    const args = [...Array<string>(entry.argument).fill("'x'"), value].join(', ');
    const call = entry.globalMethod
      ? `${entry.globalMethod.join('.')}(${args})`
      : `${entry.how === 'construct' ? 'new ' : ''}sink(${args})`;
    const imports = entry.api ? `${importOf(entry.api, 'sink')}\n` : '';
    return [
      entry.id,
      'A',
      `${imports}import { fromNodeProviderChain } from '@aws-sdk/credential-providers';\nexport async function save() {\n  const c = await fromNodeProviderChain()();\n  ${call};\n}`,
    ];
  }),
];

describe('knowledge base coverage', () => {
  it.each(cases)('%s is reported (%s)', (_id, kind, code) => {
    const reported = findings(code);
    expect(
      reported.some((rule) => (RULES_BY_KIND[kind] as readonly string[]).includes(rule)),
      `${code}\n→ ${JSON.stringify(reported)}`,
    ).toBe(true);
  });
});
