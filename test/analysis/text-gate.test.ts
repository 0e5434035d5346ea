// The text gate skips a rule on a file whose text holds none of its triggers. It must be exact: every finding
// the full run makes is made with the gate on. Proven on the SDK corpus, the real-world cases and examples/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusLanguageBlocks, listCorpusFiles, REPO_ROOT } from '../../bench/corpus.js';
import {
  knowledgeModules,
  mayHoldSecretShape,
  mayNameBundledEnv,
  mayTrigger,
  mayTriggerAny,
  setTextGate,
  type TriggerFamily,
} from '../../src/analysis/text-gate.js';
import {
  ASSUME_ROLE_MODULES,
  BROWSER_SDK_GLOBALS,
  isKnowledgeModule,
  KNOWLEDGE_MODULES,
  moduleMatches,
  PRESIGN_MODULES,
  SNAPSHOT_RULE_MODULES,
  TOKEN_SOURCE_MODULES,
} from '../../src/knowledge/index.js';
import plugin from '../../src/index.js';
import { rules } from '../../src/rules.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const triggersOf = (rule: (typeof rules)[string]) =>
  (rule.meta.docs as { triggers?: TriggerFamily[] } | undefined)?.triggers ?? [];
const gate = (text: string, families: readonly TriggerFamily[]) => mayTrigger({ text }, families);

afterEach(() => setTextGate(true));

describe('trigger families', () => {
  it('opens `modules` on a quoted knowledge-base specifier, exact or by prefix, and not on look-alikes', () => {
    expect(gate("import { S3Client } from '@aws-sdk/client-s3';", ['modules'])).toBe(true);
    expect(gate('const AWS = require("aws-sdk");', ['modules'])).toBe(true);
    expect(gate('const { GoogleAuth } = await import(`google-auth-library`);', ['modules'])).toBe(true);
    expect(gate("import axios from 'axios';", ['modules'])).toBe(true);
    // Not a module: the words alone, another package sharing a prefix, a specifier quoted differently on each side.
    expect(gate('// we use aws-sdk and axios here', ['modules'])).toBe(false);
    expect(gate("import x from 'axios-retry';", ['modules'])).toBe(false);
    expect(gate("import k from 'kysely';", ['modules'])).toBe(false);
    expect(gate('const s = "axios\';', ['modules'])).toBe(false);
  });

  it('covers every module the knowledge base lists, without a list of its own', () => {
    const modules = knowledgeModules();
    expect(KNOWLEDGE_MODULES.filter((module) => !modules.has(module))).toEqual([]);
    for (const module of ['axios', 'undici', 'google-auth-library', 'gcp-metadata', '@azure/identity'])
      expect(modules.has(module)).toBe(true);
  });

  it("opens `modules` on the SDK browser bundles' globals, but not where the file binds the name itself", () => {
    expect(
      gate("AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'x' });", ['modules']),
    ).toBe(true);
    expect(gate('const AWS = window.AWS;', ['modules'])).toBe(true);
    expect(gate("var AWS = require('./core'); AWS.util.each(list, fn);", ['modules'])).toBe(false);
    expect(gate('const total = items.length;', ['modules'])).toBe(false);
  });

  it("opens a rule's own module family only on the modules its checks start from", () => {
    const react = "import { useState } from 'react';";
    expect(gate(react, ['modules'])).toBe(true);
    expect(gate(react, ['presign-modules'])).toBe(false);
    expect(gate(react, ['assume-role-modules'])).toBe(false);
    const presigner = "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';";
    expect(gate(presigner, ['presign-modules'])).toBe(true);
    expect(gate(presigner, ['assume-role-modules'])).toBe(false);
    const sts = 'const { STSClient } = require("@aws-sdk/client-sts");';
    expect(gate(sts, ['assume-role-modules'])).toBe(true);
    expect(gate(sts, ['presign-modules'])).toBe(false);
    // The v2 SDK serves both, from a require or from the browser bundle's global; msal's global serves neither.
    for (const text of ["const AWS = require('aws-sdk');", 'new AWS.S3().getSignedUrl(op, params);'])
      expect([gate(text, ['presign-modules']), gate(text, ['assume-role-modules'])]).toEqual([true, true]);
    const msal = 'const app = new msal.PublicClientApplication(config);';
    expect([gate(msal, ['modules']), gate(msal, ['presign-modules']), gate(msal, ['assume-role-modules'])]).toEqual([
      true,
      false,
      false,
    ]);
    // A specifier spelled with an escape sequence.
    expect(gate("require('aws-sdk\\u002fglobal');", ['assume-role-modules'])).toBe(true);
  });

  it("opens no-module-token-cache's `token-sources` on its source modules, stored session keys and platform token files", () => {
    expect(gate("import { useState } from 'react';", ['token-sources'])).toBe(false);
    expect(gate("import axios from 'axios';", ['token-sources'])).toBe(true);
    expect(gate("import { STSClient } from '@aws-sdk/client-sts';", ['token-sources'])).toBe(true);
    // Keys of unknown origin in browser storage: the session token's field and a storage, both.
    expect(gate("localStorage.setItem('keys', JSON.stringify({ sessionToken }));", ['token-sources'])).toBe(true);
    expect(gate('const { sessionToken } = props;', ['token-sources'])).toBe(false);
    expect(gate("localStorage.setItem('theme', 'dark');", ['token-sources'])).toBe(false);
    expect(gate("readFileSync('/snowflake/session/token', 'utf8');", ['token-sources'])).toBe(true);
    expect(gate("require('axio\\x73');", ['token-sources'])).toBe(true);
  });

  it("opens no-static-snapshot's `snapshot-sources` on the modules its checks start from, and not on `react`", () => {
    expect(gate("import { useState } from 'react';", ['snapshot-sources'])).toBe(false);
    expect(gate("import { fromIni } from '@aws-sdk/credential-providers';", ['snapshot-sources'])).toBe(true);
    expect(gate("const { GoogleAuth } = require('google-auth-library');", ['snapshot-sources'])).toBe(true);
    // A snapshot wrapper's module, and a client taking a token-only provider option.
    expect(gate("import { memoize } from '@smithy/property-provider';", ['snapshot-sources'])).toBe(true);
    expect(gate("import { Kafka } from 'kafkajs';", ['snapshot-sources'])).toBe(true);
    expect(gate('AWS.config.getCredentials(done);', ['snapshot-sources'])).toBe(true);
    const rule = triggersOf(rules['no-static-snapshot']);
    expect(rule).not.toContain('modules');
    // What the rule also opens on without a module: a token by hand, a helper, a CLI command, `setCredentials`.
    expect(gate("await fetch(url, { body: 'grant_type=client_credentials' });", rule)).toBe(true);
    expect(gate('client.setCredentials(await other.getAccessToken());', rule)).toBe(true);
    expect(gate("execSync('aws configure export-credentials');", rule)).toBe(true);
  });

  it('builds the module families from the knowledge base, each within `modules`', () => {
    const modules = knowledgeModules();
    expect(PRESIGN_MODULES).toContain('@aws-sdk/s3-request-presigner');
    expect(ASSUME_ROLE_MODULES).toContain('@aws-sdk/client-sts');
    expect(
      [
        ...PRESIGN_MODULES,
        ...ASSUME_ROLE_MODULES,
        ...TOKEN_SOURCE_MODULES,
        ...Object.values(SNAPSHOT_RULE_MODULES).flat(),
      ].filter((module) => !modules.has(module)),
    ).toEqual([]);
    expect(PRESIGN_MODULES.filter(isKnowledgeModule)).toEqual(PRESIGN_MODULES);
  });

  it('opens each narrow module family on every one of its modules and browser globals, past the shared first scans', () => {
    // The narrow families share two first scans (a quote before any of their modules, any of their globals' names):
    // each module and global of each family must still open it, in every quote, alone in the file.
    const families: [TriggerFamily, readonly string[]][] = [
      ['presign-modules', PRESIGN_MODULES],
      ['assume-role-modules', ASSUME_ROLE_MODULES],
      ['token-sources', TOKEN_SOURCE_MODULES],
      ['snapshot-sources', Object.values(SNAPSHOT_RULE_MODULES).flat()],
    ];
    const closed: string[] = [];
    for (const [family, modules] of families) {
      for (const module of modules) {
        const specifier = module.endsWith('*') ? `${module.slice(0, -1)}x` : module;
        for (const quote of ["'", '"', '`'])
          if (!gate(`load(${quote}${specifier}${quote});`, [family])) closed.push(`${family} ${quote}${specifier}`);
      }
      const globals = BROWSER_SDK_GLOBALS.filter((g) => modules.some((module) => moduleMatches(module, g.module)));
      for (const { name } of globals)
        for (const text of [`const sdk = window.${name};`, `${name}.config.update(options);`])
          if (!gate(text, [family])) closed.push(`${family} ${text}`);
    }
    expect(closed).toEqual([]);
    expect(gate('load("@aws-sdk/s3-request-presigner\');', ['presign-modules'])).toBe(false);
  });

  it('opens `credential-helpers` on helper names that promise temporary credentials', () => {
    expect(gate("import { getTemporaryCredentials } from './aws';", ['credential-helpers'])).toBe(true);
    expect(gate("import { getCredentials } from './aws';", ['credential-helpers'])).toBe(false);
  });

  it('opens `token-text` on token endpoints and fields', () => {
    expect(gate("fetch('http://169.254.169.254/latest/api/token')", ['token-text'])).toBe(true);
    expect(gate('const { access_token } = await res.json();', ['token-text'])).toBe(true);
    expect(gate('const total = items.length;', ['token-text'])).toBe(false);
  });

  it('opens `secrets` on secret markers, credential names (a bare Token through its sibling) and bundler prefixes', () => {
    expect(gate("const k = 'AKIA' + rest;", ['secrets'])).toBe(true);
    expect(gate('const t = "ya29.a0Af";', ['secrets'])).toBe(true);
    expect(gate('-----BEGIN PRIVATE KEY-----', ['secrets'])).toBe(true);
    expect(gate('const c = { secretAccessKey: value };', ['secrets'])).toBe(true);
    expect(gate('const c = { AccessKeyId: a, Token: t };', ['secrets'])).toBe(true);
    expect(gate('const key = import.meta.env.VITE_AWS_SECRET_ACCESS_KEY;', ['secrets'])).toBe(true);
    // `Token` alone counts only beside `AccessKeyId`; ordinary code stays closed.
    expect(gate('const { Token } = await getToken();', ['secrets'])).toBe(false);
    expect(gate("export const greeting = 'hello world, a string of some length';", ['secrets'])).toBe(false);
  });

  it('opens `credential-files` on the type of a Google credential file', () => {
    expect(gate('{ "type": "service_account", "project_id": "p" }', ['credential-files'])).toBe(true);
    expect(gate('{ "type": "external_account" }', ['credential-files'])).toBe(true);
    expect(gate('{ "type": "module", "name": "app" }', ['secrets', 'credential-files'])).toBe(false);
  });

  it('opens `secrets` and `modules` on escape sequences, which can spell a trigger the text does not hold', () => {
    expect(gate("const k = '\\x41KIA1234567890ABCDEF';", ['secrets'])).toBe(true);
    expect(gate("import x from '\\u0061xios';", ['modules'])).toBe(true);
    expect(gate("const k = 'AK\\\nIA';", ['secrets'])).toBe(true);
    expect(gate("const s = 'a\\tb\\n';", ['secrets', 'modules'])).toBe(false);
  });

  it('opens a rule when any of its families is present, and everything when switched off', () => {
    expect(gate('const { access_token } = body;', ['modules', 'token-text'])).toBe(true);
    expect(mayTriggerAny('const total = items.length;')).toBe(false);
    setTextGate(false);
    expect(gate('const total = items.length;', ['secrets'])).toBe(true);
    expect(mayTriggerAny('const total = items.length;')).toBe(true);
  });

  it("narrows no-embedded-credentials' checks: secret shapes and bundler env names, each with what can spell them", () => {
    expect(mayHoldSecretShape("const k = 'AKIA';")).toBe(true);
    expect(mayHoldSecretShape('// eyJhbGciOi')).toBe(true);
    expect(mayHoldSecretShape(String.raw`const k = '\u0041KIA';`)).toBe(true);
    expect(mayHoldSecretShape('<Keys id="&#65;KIA" />')).toBe(true);
    expect(mayHoldSecretShape("const config = { secretAccessKey: process.env.SECRET, region: 'asia' };")).toBe(false);
    expect(mayNameBundledEnv('const a = process.env.VITE_AWS_SECRET_ACCESS_KEY;')).toBe(true);
    expect(mayNameBundledEnv(String.raw`const a = process.env['\x56ITE_AWS_SECRET_ACCESS_KEY'];`)).toBe(true);
    expect(mayNameBundledEnv('const { AWS_SECRET_ACCESS_KEY } = process.env;')).toBe(false);
    setTextGate(false);
    expect(mayHoldSecretShape('const total = 1;') && mayNameBundledEnv('const total = 1;')).toBe(true);
  });

  it('is declared by every rule, so every rule is gated', () => {
    for (const rule of Object.values(rules)) {
      expect(triggersOf(rule).length).toBeGreaterThan(0);
    }
  });
});

interface Finding {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
}

async function lintFolder(cwd: string, config: Linter.Config[]): Promise<Finding[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((result) =>
    result.messages.map((m) => ({
      file: path.relative(cwd, result.filePath),
      ruleId: m.ruleId,
      line: m.line,
      column: m.column,
      message: m.message,
    })),
  );
}

async function bothWays(lint: () => Promise<Finding[]>): Promise<{ on: Finding[]; off: Finding[] }> {
  setTextGate(true);
  const on = await lint();
  setTextGate(false);
  const off = await lint();
  setTextGate(true);
  return { on, off };
}

describe('the gate is exact: the same findings with the gate forced off', () => {
  const recommended = plugin.configs.recommended as Linter.Config[];

  it('on every real-world case', async () => {
    const { on, off } = await bothWays(() => lintFolder(path.join(HERE, '../fixtures/realworld'), recommended));
    expect(off.filter((finding) => finding.ruleId?.startsWith('credential-expiry/')).length).toBeGreaterThan(30);
    expect(on).toEqual(off);
  });

  it('on examples/', async () => {
    const config = [...recommended, { settings: { 'credential-expiry': { platform: 'ecs' } } }];
    const { on, off } = await bothWays(() => lintFolder(path.join(REPO_ROOT, 'examples'), config));
    expect(off.filter((finding) => finding.ruleId?.startsWith('credential-expiry/')).length).toBeGreaterThan(3);
    expect(on).toEqual(off);
  });

  it('on the SDK corpus: a rule the gate skips on a file reports nothing there in the full run', () => {
    // Linting only the files the gate closes some rule on, with the gate off, proves the same as a second full run
    // at a fraction of the cost: on the other files the gate changes nothing.
    const gated = listCorpusFiles().flatMap((file) => {
      const text = readFileSync(file.absolutePath, 'utf8');
      const skipped = Object.entries(rules)
        .filter(([, rule]) => !mayTrigger({ text }, triggersOf(rule)))
        .map(([id]) => `credential-expiry/${id}`);
      return skipped.length ? [{ ...file, text, skipped }] : [];
    });
    expect(gated.length).toBeGreaterThan(300);

    setTextGate(false);
    const linter = new Linter({ cwd: REPO_ROOT });
    const config = [...recommended, ...corpusLanguageBlocks()];
    const wronglySkipped = gated.flatMap((file) =>
      linter
        .verify(file.text, config, path.join(REPO_ROOT, 'sdk-corpus', file.corpusPath))
        .filter((m) => m.fatal || (m.ruleId !== null && file.skipped.includes(m.ruleId)))
        .map((m) => `${file.corpusPath}:${m.line} ${m.ruleId ?? 'fatal'}`),
    );
    expect(wronglySkipped).toEqual([]);
  });

  it('on the SDK corpus: no-embedded-credentials reports nothing where its narrower gates close its checks', () => {
    const embedded = triggersOf(rules['no-embedded-credentials']);
    const narrowed = listCorpusFiles().flatMap((file) => {
      const text = readFileSync(file.absolutePath, 'utf8');
      const closes = gate(text, embedded) && (!mayHoldSecretShape(text) || !mayNameBundledEnv(text));
      return closes ? [{ ...file, text }] : [];
    });
    expect(narrowed.length).toBeGreaterThan(50);

    setTextGate(false);
    const linter = new Linter({ cwd: REPO_ROOT });
    const config = [...recommended, ...corpusLanguageBlocks()];
    const reported = narrowed.flatMap((file) =>
      linter
        .verify(file.text, config, path.join(REPO_ROOT, 'sdk-corpus', file.corpusPath))
        .filter((m) => m.fatal || m.ruleId === 'credential-expiry/no-embedded-credentials')
        .map((m) => `${file.corpusPath}:${m.line} ${m.ruleId ?? 'fatal'}`),
    );
    expect(reported).toEqual([]);
  });
});
