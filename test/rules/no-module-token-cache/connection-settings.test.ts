import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// settingsPerConnection: knex built once with an IAM token in its connection settings. The settings become a function
// with an `expirationChecker`, which knex asks again once the token nears expiry; the output is not reported. Look-alikes:
// a setting that calls the app's own code (it would run again per refresh), a token from a parameter.
const lines = (...text: string[]) => text.join('\n');

const KNEX_V2 = lines(
  "import knex from 'knex';",
  "import * as AWS from 'aws-sdk';",
  '',
  'const rdsSigner = new AWS.RDS.Signer();',
  '',
  'const db = knex({',
  "  client: 'pg',",
  '  connection: {',
  '    host: process.env.PG_HOST,',
  '    port: Number(process.env.PG_PORT ?? 5432),',
  '    password: rdsSigner.getAuthToken({',
  '      region: process.env.AWS_REGION,',
  '      hostname: process.env.PG_HOST,',
  '      username: process.env.PG_USER,',
  '    }),',
  '    database: process.env.PG_DATABASE',
  '  },',
  '});',
  '',
  'export default db;',
);

const KNEX_V2_OUTPUT = lines(
  "import knex from 'knex';",
  "import * as AWS from 'aws-sdk';",
  '',
  'const rdsSigner = new AWS.RDS.Signer();',
  '',
  'const db = knex({',
  "  client: 'pg',",
  '  connection: () => {',
  '    const signedAt = Date.now();',
  '    return {',
  '      host: process.env.PG_HOST,',
  '      port: Number(process.env.PG_PORT ?? 5432),',
  '      password: rdsSigner.getAuthToken({',
  '        region: process.env.AWS_REGION,',
  '        hostname: process.env.PG_HOST,',
  '        username: process.env.PG_USER,',
  '      }),',
  '      database: process.env.PG_DATABASE,',
  '      expirationChecker: () => Date.now() - signedAt >= 10 * 60 * 1000,',
  '    };',
  '  },',
  '});',
  '',
  'export default db;',
);

const KNEX_V3 = lines(
  "import { knex } from 'knex';",
  "import { Signer } from '@aws-sdk/rds-signer';",
  "const signer = new Signer({ hostname: 'db.internal', port: 3306, username: 'api', region: 'eu-west-1' });",
  "export const db = knex({ client: 'mysql2', connection: { host: 'db.internal', user: 'api', password: await signer.getAuthToken() } });",
);

const invalid: InvalidTestCase<TokenCacheMessageId, []>[] = [
  {
    code: KNEX_V2,
    errors: [
      {
        messageId: 'moduleTokenCache',
        suggestions: [
          {
            messageId: 'settingsPerConnection',
            data: {
              option: 'connection',
              checker: 'expirationChecker',
              call: lines(
                'rdsSigner.getAuthToken({',
                '      region: process.env.AWS_REGION,',
                '      hostname: process.env.PG_HOST,',
                '      username: process.env.PG_USER,',
                '    })',
              ),
              lifetime: '10 min',
            },
            output: KNEX_V2_OUTPUT,
          },
        ],
      },
    ],
  },
  {
    // The v3 signer's promise, awaited at the top level: the settings function is async; an inline object stays inline.
    code: KNEX_V3,
    errors: [
      {
        messageId: 'moduleTokenCache',
        suggestions: [
          {
            messageId: 'settingsPerConnection',
            output: KNEX_V3.replace(
              "connection: { host: 'db.internal', user: 'api', password: await signer.getAuthToken() }",
              "connection: async () => {\n  const signedAt = Date.now();\n  return { host: 'db.internal', user: 'api', password: await signer.getAuthToken(), expirationChecker: () => Date.now() - signedAt >= 10 * 60 * 1000 };\n}",
            ),
          },
        ],
      },
    ],
  },
];

const valid: ValidTestCase<[]>[] = [
  // The migrated settings: knex asks the function again once the checker says so.
  { code: KNEX_V2_OUTPUT },
];

createRuleTester().run('no-module-token-cache (knex connection settings as a function)', rule, { valid, invalid });

// Look-alikes: the finding stays, without this suggestion.
createRuleTester().run('no-module-token-cache (knex settings that cannot move into a function)', rule, {
  valid: [],
  invalid: [
    {
      // A setting that calls the app's own code: it would run again at each refresh.
      code: KNEX_V2.replace('host: process.env.PG_HOST,\n    port', 'host: lookupHost(),\n    port'),
      errors: [{ messageId: 'moduleTokenCache', suggestions: [] }],
    },
  ],
});
