import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Temporary keys fetched by hand (IMDS, the container endpoint, STS) in any runtime, with any client library, and
// kept on a long-lived object: nothing fetches them again. Each invalid case has a look-alike in `valid`.
const lines = (...text: string[]) => text.join('\n');
const IMDS = `'http://169.254.169.254/latest/meta-data/iam/security-credentials/'`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // Deno: the keys a private method fetches from IMDS kept on the instance for another library's client factory.
    code: lines(
      "import { ApiFactory } from 'https://deno.land/x/aws_api@v0.8.1/client/mod.ts';",
      'export class Store {',
      '  private factory?: ApiFactory;',
      '  private keys?: { awsAccessKeyId: string; awsSecretKey: string; sessionToken?: string };',
      '  private async connect() {',
      '    if (this.factory) return this.factory;',
      '    this.keys = await this.resolveKeys();',
      "    this.factory = new ApiFactory({ region: 'eu-west-1', credentials: this.keys });",
      '    return this.factory;',
      '  }',
      '  private async resolveKeys() {',
      `    const base = ${IMDS};`,
      '    const role = await (await fetch(base)).text();',
      '    const c = await (await fetch(`${base}${role}`)).json();',
      '    return { awsAccessKeyId: c.AccessKeyId, awsSecretKey: c.SecretAccessKey, sessionToken: c.Token };',
      '  }',
      '  async list() {',
      '    return (await this.connect()).makeNew({});',
      '  }',
      '}',
    ),
    errors: [
      {
        messageId: 'fetchedCredentialsCopied',
        line: 7,
        data: {
          what: 'temporary AWS credentials from the EC2 instance metadata credentials endpoint',
          sink: 'a long-lived object (`this.keys`)',
          phrase: 'typically within 6 h',
          fix: 'Use `fromInstanceMetadata()` instead (it refreshes by itself), or check its `Expiration` before reuse.',
        },
      },
    ],
  },
  {
    // AssumeRoleWithWebIdentity called by hand (query API, XML answer) and the keys kept on the instance.
    code: lines(
      "import { parse as parseXml } from 'jsr:@libs/xml';",
      'export class Archive {',
      '  private keys?: { awsAccessKeyId: string; awsSecretKey: string; sessionToken: string };',
      '  async connect() {',
      '    this.keys ??= await this.assumeRole();',
      '    return this.keys;',
      '  }',
      '  private async assumeRole() {',
      "    const params = new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', RoleArn: Deno.env.get('ROLE_ARN')! });",
      '    const res = await fetch(`https://sts.amazonaws.com?${params}`);',
      '    const c = (parseXml(await res.text()) as any).AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult.Credentials;',
      '    return { awsAccessKeyId: c.AccessKeyId, awsSecretKey: c.SecretAccessKey, sessionToken: c.SessionToken };',
      '  }',
      '}',
    ),
    errors: [{ messageId: 'fetchedCredentialsCopied', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike of the STS case: only the session's Expiration is kept, which carries no key.
  lines(
    "import { parse as parseXml } from 'jsr:@libs/xml';",
    'export class Archive {',
    '  private until?: string;',
    '  async probe() {',
    "    const params = new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', RoleArn: Deno.env.get('ROLE_ARN')! });",
    '    const res = await fetch(`https://sts.amazonaws.com?${params}`);',
    '    const c = (parseXml(await res.text()) as any).AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult.Credentials;',
    '    this.until = c.Expiration;',
    '  }',
    '}',
  ),
  // Look-alike of the Deno case: the keys are fetched for each call and the factory lives for the call.
  lines(
    "import { ApiFactory } from 'https://deno.land/x/aws_api@v0.8.1/client/mod.ts';",
    'export class Store {',
    '  private async factory() {',
    '    return new ApiFactory({ region: "eu-west-1", credentials: await this.resolveKeys() });',
    '  }',
    '  private async resolveKeys() {',
    `    const c = await (await fetch(${IMDS} + 'app')).json();`,
    '    return { awsAccessKeyId: c.AccessKeyId, awsSecretKey: c.SecretAccessKey, sessionToken: c.Token };',
    '  }',
    '}',
  ),
  // Look-alike of the container case: the kept keys are fetched again once their Expiration is near.
  lines(
    'export class Signer {',
    '  private creds: { AccessKeyId: string; SecretAccessKey: string; Token: string; Expiration: string } | null = null;',
    '  async credentials() {',
    '    if (!this.creds || Date.parse(this.creds.Expiration) - Date.now() < 5 * 60_000) {',
    "      const res = await fetch('http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);",
    '      this.creds = await res.json();',
    '    }',
    '    return this.creds;',
    '  }',
    '}',
  ),
  // The keys themselves memoised on a field of an exported class: no-module-token-cache's finding (moduleTokenCache).
  lines(
    'export class Signer {',
    '  private creds: { AccessKeyId: string; SecretAccessKey: string; Token: string } | null = null;',
    '  async credentials() {',
    '    if (!this.creds) {',
    "      const res = await fetch('http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);",
    '      this.creds = await res.json();',
    '    }',
    '    return this.creds;',
    '  }',
    '}',
  ),
  // Only the role name listed by IMDS is kept: it carries no key.
  lines(
    'export class Probe {',
    '  private role = "";',
    '  async init() {',
    `    this.role = await (await fetch(${IMDS})).text();`,
    '  }',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (keys fetched by hand, kept on an object)', rule, { valid, invalid });
