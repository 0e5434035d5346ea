import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A provider option (`getCredentials`) returning credentials resolved once outside it: the resolution moves into the
// option (migration-safe), or the provider is kept instead of its result; otherwise the finding stays for a person.
const lines = (...text: string[]) => text.join('\n');
const SIGNER = lines(
  `import { fromSSO } from '@aws-sdk/credential-providers';`,
  `import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';`,
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    name: 'a local helper resolves SSO credentials; its promise is kept and handed back by the option',
    filename: 'search.js',
    code: lines(
      SIGNER,
      'export function signer(profile) {',
      '  const load = async () => fromSSO({ profile })();',
      '  const credentials = load();',
      "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => Promise.resolve(credentials) });",
      '}',
    ),
    errors: [
      {
        messageId: 'capturedProvider',
        line: 4,
        suggestions: [
          {
            messageId: 'resolveInProvider',
            output: lines(
              SIGNER,
              'export function signer(profile) {',
              '  const load = async () => fromSSO({ profile })();',
              "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => Promise.resolve(load()) });",
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'the provider of a factory, resolved once: the provider is kept and asked each time',
    filename: 'search.js',
    code: lines(
      SIGNER,
      'export function signer(profile) {',
      '  const sso = fromSSO({ profile })();',
      "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => sso });",
      '}',
    ),
    errors: [
      {
        messageId: 'capturedProvider',
        line: 4,
        suggestions: [
          {
            messageId: 'resolveInProvider',
            output: lines(
              SIGNER,
              'export function signer(profile) {',
              '  const ssoProvider = fromSSO({ profile });',
              "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => ssoProvider() });",
              '}',
            ),
          },
        ],
      },
    ],
  },
  {
    // Look-alike: awaited outside and returned as a value by a plain function: a promise there would change its type.
    name: 'awaited credentials returned by a plain function: no suggestion',
    filename: 'search.js',
    code: lines(
      SIGNER,
      'export async function signer(profile) {',
      '  const creds = await fromSSO({ profile })();',
      "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => creds });",
      '}',
    ),
    errors: [{ messageId: 'capturedProvider', line: 4, suggestions: [] }],
  },
  {
    // Look-alike: the credentials are also read outside the option, so the declaration stays and nothing is hoisted.
    name: 'credentials also read elsewhere: the call moves into the option only where it is asked again',
    filename: 'search.js',
    code: lines(
      SIGNER,
      'export function signer(profile, log) {',
      '  const sso = fromSSO({ profile })();',
      '  log(sso);',
      "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => sso });",
      '}',
    ),
    errors: [
      {
        messageId: 'capturedProvider',
        line: 4,
        suggestions: [
          {
            messageId: 'resolveInProvider',
            output: lines(
              SIGNER,
              'export function signer(profile, log) {',
              '  const sso = fromSSO({ profile })();',
              '  log(sso);',
              "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => fromSSO({ profile })() });",
              '}',
            ),
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // The provider itself is the option's body: asked each time.
  {
    filename: 'search.js',
    code: lines(
      SIGNER,
      'export function signer(profile) {',
      '  const sso = fromSSO({ profile });',
      "  return AwsSigv4Signer({ region: 'us-west-2', service: 'aoss', getCredentials: () => sso() });",
      '}',
    ),
  },
];

createRuleTester().run('no-static-snapshot (credentials resolved in the provider option)', rule, { valid, invalid });
