import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A refreshing provider reached through one more function of the file: a helper that returns the provider
// (`makeProvider(profile)()`), or a method of a class of the file called on an instance made where it is called
// (`await new Credentials().current()`). Resolved once and kept, the keys expire whatever the client they go to.
// Look-alikes: the helper's provider handed over, the helper resolved per call, an async helper (its promise is not
// a provider).
const lines = (...text: string[]) => text.join('\n');
const HEAD = lines(
  `import { fromIni } from '@aws-sdk/credential-providers';`,
  `import { Vault } from 'acme-vault';`,
  'function makeProvider(profile: string) {',
  '  return fromIni({ profile });',
  '}',
);
const SERVICE = lines(
  `import { fromIni } from '@aws-sdk/credential-providers';`,
  `import { Vault } from 'acme-vault';`,
  'class CredentialService {',
  '  async current() {',
  "    return fromIni({ profile: 'ops' })();",
  '  }',
  '}',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // The helper's provider called once; the keys go into a module memo.
    code: lines(
      HEAD,
      'let vault: Vault | undefined;',
      'export async function getVault() {',
      '  if (!vault) {',
      "    const credentials = await makeProvider('ops')();",
      '    vault = new Vault({ credentials });',
      '  }',
      '  return vault;',
      '}',
    ),
    errors: [{ messageId: 'storedCredentials', line: 9 }],
  },
  {
    // Through a const bound to the helper's result, resolved at module load.
    code: lines(
      HEAD,
      "const provider = makeProvider('ops');",
      'const credentials = await provider();',
      'export const vault = new Vault({ credentials });',
    ),
    errors: [{ messageId: 'storedCredentials', line: 7 }],
  },
  {
    // A method of the file's class, called on an instance made right there, at module load.
    code: lines(
      SERVICE,
      'const creds = await new CredentialService().current();',
      'export const vault = new Vault({ credentials: creds });',
    ),
    errors: [{ messageId: 'storedCredentials', line: 5 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The helper's provider handed to the client: it asks again before expiry.
  lines(HEAD, "export const vault = new Vault({ credentials: makeProvider('ops') });"),
  // Resolved per call, built per call.
  lines(
    HEAD,
    'export async function rotate() {',
    "  const vault = new Vault({ credentials: await makeProvider('ops')() });",
    '  return vault.rotate();',
    '}',
  ),
  // An async helper hands back a promise: calling its result resolves nothing.
  lines(
    `import { fromIni } from '@aws-sdk/credential-providers';`,
    `import { Vault } from 'acme-vault';`,
    'async function makeProvider(profile: string) {',
    '  return fromIni({ profile });',
    '}',
    'export const vault = new Vault({ credentials: await makeProvider("ops") });',
  ),
  // The method's keys used per request.
  lines(
    SERVICE,
    'export async function rotate() {',
    '  const vault = new Vault({ credentials: await new CredentialService().current() });',
    '  return vault.rotate();',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot provider helpers', rule, { valid, invalid });
