import fc from 'fast-check';
import { AWS_V3_PROVIDER_FACTORIES } from '../../src/knowledge/aws-v3.js';
import { GOOGLE_TOKEN_METHODS } from '../../src/knowledge/google.js';

/**
 * Generators for the fuzz test: programs built over the knowledge base's APIs (provider factories, clients,
 * presigners, token methods, STS, caches, raw HTTP to metadata endpoints), mixed with the shapes that once broke
 * the analysis (self-references, deep nesting, `await` in initializers), and malformed Dockerfile/.env/JSON/YAML.
 */
const name = fc.constantFrom(
  'creds',
  'token',
  'cache',
  'client',
  'ttl',
  'exp',
  'opts',
  'a',
  'b',
  'auth',
  'provider',
  'cached',
  'expiresAt',
);
const number = fc.oneof(
  fc.constantFrom(0, 1, 60, 900, 3600, 43200, 86400, 604800, 604801, 8 * 86400, 1e13, -1),
  fc.integer({ min: -10, max: 2e6 }),
);
const numberExpr = fc.oneof(
  number.map(String),
  fc.tuple(number, number).map(([x, y]) => `${x} * ${y}`),
  fc.tuple(name, number).map(([n, x]) => `${n} ?? ${x}`),
  fc.tuple(name, number).map(([n, x]) => `${n} || ${x}`),
  number.map((x) => `'${x}'`),
  number.map((x) => `Date.now() + ${x}`),
  number.map((x) => `new Date(Date.now() + ${x})`),
  name.map((n) => `${n}.${n}`),
  name,
);

const provider = fc.constantFrom(...AWS_V3_PROVIDER_FACTORIES.map((p) => p.api.path[0]));
const googleMethod = fc.constantFrom(...GOOGLE_TOKEN_METHODS.map((m) => m.method));

const IMPORTS = [
  "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';",
  "import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';",
  "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
  `import { ${AWS_V3_PROVIDER_FACTORIES.map((p) => p.api.path[0]).join(', ')} } from '@aws-sdk/credential-providers';`,
  "import { GoogleAuth } from 'google-auth-library';",
  "import { Storage } from '@google-cloud/storage';",
  "import AWS from 'aws-sdk';",
];

const statement: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(name, provider).map(([n, p]) => `const ${n} = await ${p}()();`),
  fc.tuple(name, provider).map(([n, p]) => `export const ${n} = ${p}();`),
  fc.tuple(name, name).map(([c, n]) => `export const ${c} = new S3Client({ credentials: ${n} });`),
  fc
    .tuple(name, name)
    .map(
      ([c, n]) =>
        `const ${c} = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: ${n}.accessKeyId, secretAccessKey: ${n}.secretAccessKey, sessionToken: ${n}.sessionToken } });`,
    ),
  fc
    .tuple(name, numberExpr)
    .map(([c, e]) => `getSignedUrl(${c}, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: ${e} });`),
  fc.tuple(name, numberExpr).map(([n, e]) => `const ${n} = { expiresIn: ${e} };`),
  fc
    .tuple(name, numberExpr)
    .map(
      ([n, e]) =>
        `new Storage().bucket('b').file('f').getSignedUrl({ version: 'v4', action: 'read', expires: ${e} }).then(() => ${n});`,
    ),
  fc
    .tuple(name, googleMethod)
    .map(
      ([n, m]) =>
        `let ${n}; export async function get() { if (!${n}) ${n} = await new GoogleAuth().${m}(); return ${n}; }`,
    ),
  fc
    .tuple(name, name)
    .map(
      ([n, m]) =>
        `let ${n} = null; export async function refresh() { ${n} = (await fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/role')).json(); return ${n} ?? ${m}; }`,
    ),
  fc
    .tuple(name, numberExpr)
    .map(
      ([n, e]) =>
        `const ${n} = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's', DurationSeconds: ${e} }));`,
    ),
  fc.tuple(name, name).map(([a, b]) => `const ${a} = ${b}.${a};`),
  fc.tuple(name, name).map(([a, b]) => `function f(${a} = ${a}.x, ${b} = ${a}) { return ${b}; }`),
  fc.tuple(name, name).map(([a, b]) => `let ${a}; ${a} = ${a}; ${b} = ${a} ?? ${b};`),
  fc
    .tuple(name, fc.integer({ min: 1, max: 200 }))
    .map(([n, depth]) => `const ${n} = ${'{ x: '.repeat(depth)}1${' }'.repeat(depth)};`),
  fc.tuple(name, name).map(([a, b]) => `if (${a} && ${a}.expiration > Date.now()) { ${b} = ${a}; }`),
  fc
    .tuple(name, name)
    .map(
      ([a, b]) =>
        `const ${a} = new AWS.Credentials({ ...AWS.config.credentials, sessionToken: ${b} }); new AWS.S3({ credentials: ${a} });`,
    ),
  fc
    .tuple(name, name)
    .map(([a, b]) => `export const ${a} = () => ${b}; setInterval(async () => { ${b} = await fromIni()(); }, 3600e3);`),
  fc.constantFrom('', ';', '// comment', '/* credentials */', 'export {};', 'const { a = a } = {};'),
);

/** A JS/TS program of a few statements after some of the SDK imports. */
export const program: fc.Arbitrary<string> = fc
  .tuple(fc.subarray(IMPORTS, { minLength: 1 }), fc.array(statement, { minLength: 1, maxLength: 8 }))
  .map(([imports, body]) => [...imports, ...body].join('\n') + '\n');

const chars = (alphabet: string, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength });
const junk = chars('ab$_{}()[]<>|&;\\"\'`=:#-+ \t/*.\u00e9\u0000', 30);
const dockerKeyword = fc.constantFrom(
  'FROM',
  'ARG',
  'ENV',
  'RUN',
  'COPY',
  'ADD',
  'WORKDIR',
  'CMD',
  'ENTRYPOINT',
  'LABEL',
  'USER',
  'ONBUILD',
  'HEALTHCHECK',
  'from',
  'AKIAQ7ZR3XPLMW4TVN8K',
  '',
);
const secretName = fc.constantFrom(
  'AWS_SESSION_TOKEN',
  'NPM_TOKEN',
  'MY_TOKEN_(',
  'A_SECRET',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'X',
  '$',
);

/** Dockerfiles of random instructions, flags, continuations, heredocs and junk. */
export const dockerfile: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(dockerKeyword, junk).map(([k, j]) => `${k} ${j}`),
      fc.tuple(secretName, junk).map(([n, j]) => `ARG ${n}${j}`),
      fc.tuple(secretName, junk).map(([n, j]) => `ENV ${n}=${j}`),
      fc.tuple(secretName, junk).map(([n, j]) => `RUN --mount=type=secret,id=${n} echo $${n} \${${n}:-${j}}`),
      fc.tuple(junk, junk).map(([a, b]) => `COPY ${a} ${b}`),
      fc.constantFrom(
        'RUN <<EOF',
        'EOF',
        'RUN echo a \\',
        '\\',
        '# escape=`',
        'FROM base AS build',
        'FROM build',
        'COPY --from=build /a /b',
        'RUN aws sts assume-role > /c',
      ),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

/** .env files with unbalanced quotes, missing `=`, `export`, comments and junk. */
export const dotenv: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(secretName, junk).map(([n, j]) => `${n}=${j}`),
      fc.tuple(secretName, junk).map(([n, j]) => `export ${n}="${j}`),
      fc.tuple(secretName, junk).map(([n, j]) => `${n}: '${j}'`),
      junk,
      fc.constantFrom('# c', '=', 'KEY', 'A="multi', 'line"', 'B=`x', ''),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]));

const jsonValue = fc.json({ maxDepth: 4 });
/** JSON text: valid documents, then cut, spliced with junk or nested very deep. */
export const json: fc.Arbitrary<string> = fc.oneof(
  jsonValue,
  fc.tuple(jsonValue, fc.nat(), junk).map(([text, at, j]) => text.slice(0, at % (text.length + 1)) + j),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth % 3 === 0 ? depth : 0)),
  fc
    .tuple(secretName, junk)
    .map(([n, j]) => `{ "type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----${j}", "${n}": ${j} }`),
);

/** YAML text: random mappings and sequences, broken indentation, tags, anchors, deep flow nesting. */
export const yaml: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.tuple(secretName, junk, fc.nat({ max: 6 })).map(([n, j, indent]) => `${' '.repeat(indent)}${n}: ${j}`),
        fc.tuple(junk, fc.nat({ max: 6 })).map(([j, indent]) => `${' '.repeat(indent)}- ${j}`),
        fc.constantFrom(
          '---',
          '...',
          '&a x',
          '*a',
          '!!binary |',
          '  AAAA',
          '? key',
          ': value',
          '{',
          '[',
          'key: [a, {b: c',
        ),
      ),
      { maxLength: 12 },
    )
    .map((lines) => lines.join('\n')),
  fc
    .integer({ min: 1, max: 20_000 })
    .map((depth) => `k: ${'['.repeat(depth)}${']'.repeat(depth % 2 === 0 ? depth : 0)}`),
);

/** Provider factories of @aws-sdk/credential-providers whose options are optional (the others need an argument). */
const zeroArgumentProvider = fc.constantFrom(
  ...AWS_V3_PROVIDER_FACTORIES.map((p) => p.api.path[0]).filter((name) =>
    [
      'fromInstanceMetadata',
      'fromContainerMetadata',
      'fromNodeProviderChain',
      'fromIni',
      'fromSSO',
      'fromTokenFile',
      'fromProcess',
    ].includes(name),
  ),
);

/**
 * Statements the rules mostly rewrite (a fix or a migration-safe suggestion; some variants, such as a token of an
 * inline client, have no mechanical remedy), for the type-check property: each one is valid TypeScript on its own
 * against the SDKs' types, so an error the rewrite adds stands out.
 */
const rewritable: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(zeroArgumentProvider, numberExpr)
    .map(
      ([p, e]) =>
        `export const link = (ttl?: number) => getSignedUrl(new S3Client({ credentials: ${p}() }), new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: ${e.replace(/\b(?:creds|token|cache|client|exp|opts|a|b|auth|provider|cached|expiresAt)\b/gu, 'ttl')} });`,
    ),
  zeroArgumentProvider.map((p) => `export const inline = new S3Client({ credentials: await ${p}()() });`),
  zeroArgumentProvider.map(
    (p) => `const resolved = await ${p}()();\nexport const viaConst = new S3Client({ credentials: resolved });`,
  ),
  zeroArgumentProvider.map(
    (p) =>
      `const snap = await ${p}()();\nexport const copied = new S3Client({ credentials: { accessKeyId: snap.accessKeyId, secretAccessKey: snap.secretAccessKey, sessionToken: snap.sessionToken } });`,
  ),
  fc
    .constantFrom(900, 3600, 60000, 600000)
    .map(
      (n) =>
        `export const gcs = () => new Storage().bucket('b').file('f').getSignedUrl({ version: 'v4', action: 'read', expires: ${n} });`,
    ),
  fc.constantFrom('>', '>=').map(
    (op) =>
      `let pooled: { token: string | null; validUntil: number } = { token: null, validUntil: 0 };
export async function password(): Promise<string> {
  if (pooled.token && Date.now() ${op} pooled.validUntil) return pooled.token;
  pooled.validUntil = Date.now() + 600_000;
  pooled.token = await new GoogleAuth().getAccessToken() ?? '';
  return pooled.token;
}`,
  ),
  googleMethod.map(
    (m) => `const stored = await new GoogleAuth().${m}();\nexport async function headers() { return { stored }; }`,
  ),
  fc.constant(
    `export const chained = new AWS.ChainableTemporaryCredentials({
  masterCredentials: new AWS.Credentials(AWS.config.credentials!.accessKeyId, AWS.config.credentials!.secretAccessKey, AWS.config.credentials!.sessionToken),
});`,
  ),
  fc.constant(
    `let s3: S3Client | undefined;
export async function connect() {
  const { Credentials: k } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }));
  s3 = new S3Client({ credentials: { accessKeyId: k!.AccessKeyId!, secretAccessKey: k!.SecretAccessKey!, sessionToken: k!.SessionToken } });
  return s3;
}`,
  ),
);

/** A TypeScript program (as `file.ts`) of one to three rewritable statements after every SDK import. */
export const rewritableProgram: fc.Arbitrary<string> = fc.uniqueArray(rewritable, { minLength: 1, maxLength: 3 }).map(
  (body) =>
    [
      ...IMPORTS.filter((line) => !line.includes("'aws-sdk'")),
      // The global entry point declares the credentials classes without every service client: a shorter compile.
      "import AWS = require('aws-sdk/global');",
      ...body,
    ].join('\n') + '\n',
);
