import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// A class whose constructor chooses how it authenticates (static keys, or the signed-in user's session) and, in the
// session mode, resolves afresh and rebuilds its client at the start of every operation
// (`if (this.fromSession) await this.refreshClient()`): the client never serves credentials older than that call.
// The renewing method may refuse to run (`if (!jwt) throw`) before it resolves. Each valid case has an invalid twin.
const lines = (...text: string[]) => text.join('\n');

interface Shape {
  /** The test before the renewing call in `ask`. */
  readonly test?: string;
  /** Extra statements of the renewing method, after the client is rebuilt. */
  readonly afterRenewal?: string[];
  /** The guard clause of the renewing method, before it resolves. */
  readonly guard?: string;
  /** More members of the class. */
  readonly extra?: string[];
}

const assistant = ({ test = 'this.fromSession', afterRenewal = [], guard, extra = [] }: Shape = {}) =>
  lines(
    "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
    "import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';",
    "import { currentIdToken } from './auth';",
    'export class Assistant {',
    '  private client: BedrockRuntimeClient;',
    '  private fromSession = false;',
    '  constructor(keys?: { accessKeyId: string; secretAccessKey: string }) {',
    '    if (keys) {',
    "      this.client = new BedrockRuntimeClient({ region: 'eu-west-1', credentials: keys });",
    '    } else {',
    "      this.client = new BedrockRuntimeClient({ region: 'eu-west-1' });",
    '      this.fromSession = true;',
    '    }',
    '  }',
    '  async ask(modelId: string, body: string) {',
    `    if (${test}) await this.refreshClient();`,
    '    return this.client.send(new InvokeModelCommand({ modelId, body }));',
    '  }',
    '  private async refreshClient() {',
    '    const jwt = await currentIdToken();',
    ...(guard ? [guard] : []),
    '    const credentials = await fromCognitoIdentityPool({',
    "      clientConfig: { region: 'eu-west-1' },",
    '      identityPoolId: process.env.POOL_ID!,',
    "      logins: { 'cognito-idp.eu-west-1.amazonaws.com/pool': jwt },",
    '    })();',
    "    this.client = new BedrockRuntimeClient({ region: 'eu-west-1', credentials });",
    ...afterRenewal,
    '  }',
    ...extra,
    '}',
    'export const assistant = new Assistant();',
  );

/** The fix: the client is handed the provider itself, which it calls again before the credentials expire. */
const fixed = (code: string) =>
  code
    .replace(
      '    const credentials = await fromCognitoIdentityPool({',
      "    this.client = new BedrockRuntimeClient({ region: 'eu-west-1', credentials: fromCognitoIdentityPool({",
    )
    .replace(
      "    })();\n    this.client = new BedrockRuntimeClient({ region: 'eu-west-1', credentials });",
      '    }) });',
    );
const reported = (shape: Shape): InvalidTestCase<SnapshotMessageId, []> => ({
  code: assistant(shape),
  output: fixed(assistant(shape)),
  errors: [{ messageId: 'storedCredentials' }],
});

const valid: ValidTestCase<[]>[] = [
  // The session mode renews the client before every use; the key mode never holds resolved credentials.
  { code: assistant() },
  // The renewing method refuses to run without a signed-in user (it throws; it never returns a kept client).
  { code: assistant({ guard: "    if (!jwt) throw new Error('not signed in');" }) },
  // The configuration test combines two constructor flags.
  { code: assistant({ test: 'this.fromSession && !this.offline', extra: ['  private offline = false;'] }) },
];

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  // The flag is cleared after the first renewal: later calls reuse the first client (a memo, not a configuration).
  reported({ afterRenewal: ['    this.fromSession = false;'] }),
  // The renewing method returns early when a client is already there: a memo, however it is written.
  reported({ guard: '    if (this.client) return;' }),
  // Another operation uses the client without renewing it.
  reported({
    extra: ['  async models() {', '    return this.client.config.region();', '  }'],
  }),
  // The test calls something: whether it renews depends on state the class cannot see.
  reported({ test: 'this.isStale()', extra: ['  private isStale() {', '    return false;', '  }'] }),
];

createRuleTester().run('no-static-snapshot (renewed per operation in a configured mode)', rule, { valid, invalid });
