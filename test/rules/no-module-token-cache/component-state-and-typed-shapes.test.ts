import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import tokenCache from '../../../rules/no-module-token-cache/index.js';
import snapshot from '../../../rules/no-static-snapshot/index.js';

// Two general shapes of a kept short-lived value. The keeper: a component's `useState`, which hands what it is given
// to every later render and handler while the component is mounted. The source: a fetched body whose declared type
// names every field of a short-lived credential (STS `AccessKeyId`/`SessionToken`/`Expiration`, a token response's
// `access_token`/`expires_in`), whichever backend sent it. One finding per defect, by no-module-token-cache.
const lines = (...text: string[]) => text.join('\n');
const KEYS_TYPE = [
  'type TemporaryKeys = {',
  '  AccessKeyId: string;',
  '  SecretAccessKey: string;',
  '  SessionToken: string;',
  '  Expiration: string;',
  '};',
];
const S3_FROM_KEYS =
  'new S3Client({ region: "eu-west-1", credentials: { accessKeyId: keys!.AccessKeyId, secretAccessKey: keys!.SecretAccessKey, sessionToken: keys!.SessionToken } })';

const componentWith = (load: string[], use = [`  const s3 = () => ${S3_FROM_KEYS};`]) =>
  lines(
    "import { useEffect, useState } from 'react';",
    "import { S3Client } from '@aws-sdk/client-s3';",
    "import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';",
    ...KEYS_TYPE,
    'export function Files() {',
    '  const [keys, setKeys] = useState<TemporaryKeys | null>(null);',
    '  useEffect(() => {',
    '    (async () => {',
    ...load.map((l) => `      ${l}`),
    '    })();',
    '  }, []);',
    ...use,
    '  return s3;',
    '}',
  );
const fetchedTyped = [
  "const res = await fetch('/api/credentials');",
  'const body: TemporaryKeys = await res.json();',
  'setKeys(body);',
];
const fromSts = [
  "const out = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's' }));",
  'setKeys(out.Credentials as TemporaryKeys);',
];
const moduleTyped = (type: string[], field = 'AccessKeyId') =>
  lines(
    ...type,
    'let cached: Keys | undefined;',
    'export async function keys() {',
    '  if (cached) return cached;',
    "  const res = await fetch('/api/credentials');",
    '  cached = (await res.json()) as Keys;',
    '  return cached;',
    '}',
    'export async function sign() {',
    `  return (await keys()).${field};`,
    '}',
  );

function findings(code: string, filename = 'src/Files.tsx'): { rule: string; line: number; message: string }[] {
  return new Linter({ configType: 'flat' })
    .verify(
      code,
      [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: {
            ce: { rules: { b: tokenCache as unknown as Rule.RuleModule, a: snapshot as unknown as Rule.RuleModule } },
          },
          rules: { 'ce/a': 'error', 'ce/b': 'error' },
        },
      ],
      filename,
    )
    .map((m) => ({ rule: m.ruleId ?? '', line: m.line, message: m.message }));
}

describe('no-module-token-cache: component state keeps what it is given', () => {
  it('reports STS output put into useState, at the state, once', () => {
    const found = findings(componentWith(fromSts));
    expect(found.map((f) => [f.rule, f.line])).toEqual([['ce/b', 11]]);
    expect(found[0].message).toContain('in component state (every later render and handler reads it back');
  });

  it('reports a fetched body typed with the STS shape put into useState', () => {
    const found = findings(componentWith(fetchedTyped));
    expect(found.map((f) => [f.rule, f.line])).toEqual([['ce/b', 11]]);
    expect(found[0].message).toContain(
      'a fetched value of the type `TemporaryKeys`, whose `Expiration` says it expires',
    );
  });

  it('offers no rewrite: module-level expiry variables do not belong in a component', () => {
    const [message] = new Linter({ configType: 'flat' }).verify(
      componentWith(fetchedTyped),
      [
        {
          files: ['**/*.tsx'],
          languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { ce: { rules: { b: tokenCache as unknown as Rule.RuleModule } } },
          rules: { 'ce/b': 'error' },
        },
      ],
      'src/Files.tsx',
    );
    expect(message.suggestions ?? []).toEqual([]);
  });

  it('stays silent when the keys are checked against their Expiration before each use', () => {
    const checked = componentWith(fetchedTyped, [
      '  const s3 = () => {',
      "    if (!keys || Date.parse(keys.Expiration) - Date.now() < 5 * 60 * 1000) throw new Error('expired');",
      `    return ${S3_FROM_KEYS};`,
      '  };',
    ]);
    expect(findings(checked)).toEqual([]);
  });

  it('stays silent on a presigned URL signed per mount for the link it renders', () => {
    const code = lines(
      "import { useEffect, useState } from 'react';",
      "import { getUrl } from 'aws-amplify/storage';",
      'export function Download({ path }: { path: string }) {',
      "  const [href, setHref] = useState('');",
      '  useEffect(() => {',
      '    getUrl({ path, options: { expiresIn: 900 } }).then((link) => setHref(link.url.toString()));',
      '  }, [path]);',
      '  return <a href={href}>download</a>;',
      '}',
    );
    expect(findings(code)).toEqual([]);
  });

  it("leaves the signed-in user's ID token in state to no-static-snapshot: the user's SDK session renews it", () => {
    const code = lines(
      "import { useEffect, useState } from 'react';",
      "import { getAuth } from 'firebase/auth';",
      'export function Profile() {',
      "  const [idToken, setIdToken] = useState('');",
      '  useEffect(() => {',
      '    (async () => {',
      '      const token = await getAuth().currentUser!.getIdToken();',
      '      setIdToken(token);',
      '    })();',
      '  }, []);',
      "  const load = () => fetch('/api/me', { headers: { Authorization: `Bearer ${idToken}` } });",
      '  return load;',
      '}',
    );
    expect(findings(code).filter((f) => f.rule === 'ce/b')).toEqual([]);
  });

  it("leaves a Cognito user-pool session's token in state to no-static-snapshot as well", () => {
    const code = lines(
      "import { useEffect, useState } from 'react';",
      "import { Auth } from 'aws-amplify';",
      'export function Orders() {',
      "  const [jwt, setJwt] = useState('');",
      '  useEffect(() => {',
      '    (async () => {',
      '      const session = await Auth.currentSession();',
      '      setJwt(session.getIdToken().getJwtToken());',
      '    })();',
      '  }, []);',
      "  const load = () => fetch('/api/orders', { headers: { Authorization: jwt } });",
      '  return load;',
      '}',
    );
    expect(findings(code).filter((f) => f.rule === 'ce/b')).toEqual([]);
  });

  it('stays silent on state that holds a plain value or a function', () => {
    const code = componentWith(['setKeys(null);', 'setKeys((old) => old);']);
    expect(findings(code)).toEqual([]);
  });
});

describe('no-module-token-cache: a fetched body by the shape its type declares', () => {
  it('reports STS-shaped keys cast from an unknown backend and kept in module scope', () => {
    const type = ['interface Keys {', '  accessKeyId: string;', '  sessionToken: string;', '  expiration: Date;', '}'];
    expect(findings(moduleTyped(type, 'accessKeyId'), 'src/keys.ts').map((f) => [f.rule, f.line])).toEqual([
      ['ce/b', 6],
    ]);
  });

  it('reports a token response typed with access_token and expires_in', () => {
    const type = ['type Keys = { access_token: string; token_type: string; expires_in: number } | null;'];
    const found = findings(moduleTyped(type, 'access_token'), 'src/keys.ts');
    expect(found.map((f) => [f.rule, f.line])).toEqual([['ce/b', 2]]);
    expect(found[0].message).toContain('an access token (a fetched value of the type `Keys`');
  });

  it('stays silent on long-term keys: a type without a session token or an expiry', () => {
    const type = ['type Keys = { AccessKeyId: string; SecretAccessKey: string };'];
    expect(findings(moduleTyped(type), 'src/keys.ts')).toEqual([]);
  });

  it('stays silent when the typed value is fetched per use and kept nowhere', () => {
    const code = lines(
      ...KEYS_TYPE,
      'export async function keys() {',
      "  const res = await fetch('/api/credentials');",
      '  const body: TemporaryKeys = await res.json();',
      '  return body.AccessKeyId;',
      '}',
    );
    expect(findings(code, 'src/keys.ts')).toEqual([]);
  });

  it('stays silent when the typed value is only declared, not fetched', () => {
    const code = lines(
      ...KEYS_TYPE,
      "let cached: TemporaryKeys = { AccessKeyId: '', SecretAccessKey: '', SessionToken: '', Expiration: '' };",
      'export function set(k: TemporaryKeys) {',
      '  cached = k;',
      '}',
      'export const get = () => cached.AccessKeyId;',
    );
    expect(findings(code, 'src/keys.ts')).toEqual([]);
  });
});
