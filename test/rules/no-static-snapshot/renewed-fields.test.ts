import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A field of a long-lived object that holds resolved credentials, or a client built from them, is a keeper unless
// it is renewed before each use: the method that writes it resolves afresh on every call, and every read follows a
// call of that method (or the write itself, in that method). Found sweeping aws-amplify/amplify-js (its geo and
// predictions providers call `fetchAuthSession()`, which refreshes, at the start of every operation). Each valid
// case has an invalid twin below that differs by one step.
const lines = (...text: string[]) => text.join('\n');
const AMPLIFY = lines(
  "import { fetchAuthSession } from 'aws-amplify/auth';",
  "import { LocationClient, SearchPlaceIndexForTextCommand } from '@aws-sdk/client-location';",
);
/** A provider class whose `ensureCredentials()` stores the session's credentials; `search` is the reading method. */
const ensureClass = (ensure: string[], search: string[]) =>
  lines(
    AMPLIFY,
    'export class PlaceSearch {',
    '  private credentials: unknown;',
    '  private async ensureCredentials(): Promise<boolean> {',
    ...ensure,
    '  }',
    '  async search(text: string) {',
    ...search,
    "    const client = new LocationClient({ region: 'eu-west-1', credentials: this.credentials as never });",
    "    return client.send(new SearchPlaceIndexForTextCommand({ IndexName: 'places', Text: text }));",
    '  }',
    '}',
    'export const places = new PlaceSearch();',
  );
const RESOLVE_AND_STORE = [
  '    try {',
  '      const { credentials } = await fetchAuthSession();',
  '      if (!credentials) return false;',
  '      this.credentials = credentials;',
  '      return true;',
  '    } catch {',
  '      return false;',
  '    }',
];
const ENSURE_FIRST = [
  '    const ok = await this.ensureCredentials();',
  "    if (!ok) throw new Error('no credentials');",
];

const POOL = '{ identityPoolId: process.env.POOL_ID }';
/** A JS provider that builds its client from freshly resolved keys in the method that uses it. */
const clientPerOperation = (...beforeUse: string[]) =>
  lines(
    "const { fromCognitoIdentityPool } = require('@aws-sdk/credential-providers');",
    "const { TranslateClient, TranslateTextCommand } = require('@aws-sdk/client-translate');",
    'class Translator {',
    '  async translate(text) {',
    ...beforeUse,
    "    return this.client.send(new TranslateTextCommand({ Text: text, SourceLanguageCode: 'en', TargetLanguageCode: 'de' }));",
    '  }',
    '  async languages() {',
    '    return this.client.config.region;',
    '  }',
    '}',
    'module.exports = new Translator();',
  );

/** `search` renews, then hands over to a private helper that reads the field; `extra` is another method of the class. */
const privateReader = (...extra: string[]) =>
  lines(
    AMPLIFY,
    'export class PlaceSearch {',
    '  private credentials: unknown;',
    '  private async ensureCredentials() {',
    '    const { credentials } = await fetchAuthSession();',
    '    this.credentials = credentials;',
    '  }',
    '  async search(text: string) {',
    "    if (!text) throw new Error('nothing to search');",
    '    await this.ensureCredentials();',
    '    return this.send(text);',
    '  }',
    '  private send(text: string) {',
    "    const client = new LocationClient({ region: 'eu-west-1', credentials: this.credentials as never });",
    "    return client.send(new SearchPlaceIndexForTextCommand({ IndexName: 'places', Text: text }));",
    '  }',
    ...extra,
    '}',
    'export const places = new PlaceSearch();',
  );
/** Two operations that each resolve afresh and rebuild the shared client field before using it. */
const twoRenewingOperations = (secondBuildsClient: boolean) =>
  lines(
    "import { fetchAuthSession } from '@aws-amplify/core';",
    "import { RekognitionClient, DetectTextCommand, DetectLabelsCommand } from '@aws-sdk/client-rekognition';",
    'export class Identify {',
    '  private client?: RekognitionClient;',
    '  async text(image: Uint8Array) {',
    '    const { credentials } = await fetchAuthSession();',
    "    this.client = new RekognitionClient({ region: 'eu-west-1', credentials });",
    '    return this.client.send(new DetectTextCommand({ Image: { Bytes: image } }));',
    '  }',
    '  async labels(image: Uint8Array) {',
    ...(secondBuildsClient
      ? [
          '    const { credentials } = await fetchAuthSession();',
          "    this.client = new RekognitionClient({ region: 'eu-west-1', credentials });",
        ]
      : []),
    '    return this.detect(image);',
    '  }',
    '  private detect(image: Uint8Array) {',
    '    return this.client!.send(new DetectLabelsCommand({ Image: { Bytes: image } }));',
    '  }',
    '}',
  );

const valid: ValidTestCase<[]>[] = [
  // Every operation calls the renewing method first; fetchAuthSession() refreshes the session when it expires.
  { code: ensureClass(RESOLVE_AND_STORE, ENSURE_FIRST) },
  // The same, the call's result not kept.
  { code: ensureClass(RESOLVE_AND_STORE, ['    await this.ensureCredentials();']) },
  // A private helper reads the field, and its only caller renews it first.
  { code: privateReader() },
  // Two operations each resolve afresh and rebuild the client; a private helper reads it after the second did.
  { code: twoRenewingOperations(true) },
  // A client built from freshly resolved keys in the method that uses it, and read nowhere else.
  {
    code: clientPerOperation(
      `    const credentials = await fromCognitoIdentityPool(${POOL})();`,
      "    this.client = new TranslateClient({ region: 'eu-west-1', credentials });",
    ).replace('return this.client.config.region;', "return ['de', 'fr'];"),
  },
];

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A memo: the renewing method returns the stored value when there is one, so it resolves only once.
    code: ensureClass(['    if (this.credentials) return true;', ...RESOLVE_AND_STORE], ENSURE_FIRST),
    errors: [{ messageId: 'storedCredentials' }],
  },
  {
    // The reading method renews only when the field is empty: the first value is used forever.
    code: ensureClass(RESOLVE_AND_STORE, ['    if (!this.credentials) await this.ensureCredentials();']),
    errors: [{ messageId: 'storedCredentials' }],
  },
  {
    // The private helper is also called by a method that renews nothing.
    code: privateReader('  async again(text: string) {', '    return this.send(text);', '  }'),
    errors: [{ messageId: 'storedCredentials' }],
  },
  {
    // The second operation uses the client the first one built, however old.
    code: twoRenewingOperations(false),
    errors: [{ messageId: 'storedCredentials' }],
  },
  {
    // A guard clause that reads the field before the renewal.
    code: ensureClass(RESOLVE_AND_STORE, [
      '    if (!text) return this.credentials;',
      '    await this.ensureCredentials();',
    ]),
    errors: [{ messageId: 'storedCredentials' }],
  },
  {
    // The field is read before the renewal.
    code: ensureClass(RESOLVE_AND_STORE, [
      '    const before = this.credentials;',
      '    await this.ensureCredentials();',
      '    void before;',
    ]),
    errors: [{ messageId: 'storedCredentials' }],
  },
  {
    // The client is built per operation in `translate`, but `languages()` reads it without building it again. The
    // fix hands the client the provider itself, which it calls again before the credentials expire.
    code: clientPerOperation(
      `    const credentials = await fromCognitoIdentityPool(${POOL})();`,
      "    this.client = new TranslateClient({ region: 'eu-west-1', credentials });",
    ),
    output: clientPerOperation(
      `    this.client = new TranslateClient({ region: 'eu-west-1', credentials: fromCognitoIdentityPool(${POOL}) });`,
    ),
    errors: [{ messageId: 'storedCredentials' }],
  },
];

createRuleTester().run('no-static-snapshot (fields renewed before each use)', rule, { valid, invalid });
