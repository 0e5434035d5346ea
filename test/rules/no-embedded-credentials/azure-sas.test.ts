import { coreRule, coreTester } from './embedded-testers.js';
import { fakeSecretKey } from './embedded-fixtures.js';

const sas = (expiry: string) =>
  `sv=2022-11-02&ss=b&srt=o&sp=r&se=${encodeURIComponent(expiry)}&spr=https&sig=${encodeURIComponent(fakeSecretKey())}`;

// An Azure SAS token still valid today says when it dies; one already past says it is dead; a SAS-like query
// without a signature is not a token.
coreTester('dotenv').run('no-embedded-credentials', coreRule, {
  valid: [
    {
      name: 'a SAS-like query without a signature',
      code: 'SAS=sv=2022-11-02&ss=b&srt=o&sp=r&se=2999-01-01T00%3A00%3A00Z&spr=https\n',
      filename: '.env',
    },
  ],
  invalid: [
    {
      name: 'a SAS token valid until 2999 says its expiry date',
      code: `SAS=${sas('2999-01-01T00:00:00Z')}\n`,
      filename: '.env',
      errors: [
        { messageId: 'azureSas', data: { date: '2999-01-01' }, suggestions: [{ messageId: 'removeLine', output: '' }] },
      ],
    },
    {
      name: 'a SAS token past its se= date says it expired',
      code: `SAS=${sas('2020-01-01T00:00:00Z')}\n`,
      filename: '.env',
      errors: [
        {
          messageId: 'azureSasExpired',
          data: { date: '2020-01-01' },
          suggestions: [{ messageId: 'removeLine', output: '' }],
        },
      ],
    },
  ],
});
