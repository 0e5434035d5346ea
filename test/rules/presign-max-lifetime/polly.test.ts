import rule from '../../../rules/presign-max-lifetime/index.js';
import { createRuleTester } from '../../rule-tester.js';

// Amazon Polly's presigned speech URLs: the knowledge entries `aws-v3:getSynthesizeSpeechUrl` and
// `aws-v3:getPresignedSynthesizeSpeechUrl` (the lifetime is `options.expiresIn` of the one argument).
const POLLY = `import { PollyClient } from '@aws-sdk/client-polly';
import { getSynthesizeSpeechUrl } from '@aws-sdk/polly-request-presigner';
`;
const POLLY_SIGNER = `import { PollyClient } from '@aws-sdk/client-polly';
import { getPresignedSynthesizeSpeechUrl } from '@aws-sdk/polly-signer';
`;
const PARAMS = `params: { Text: 'hi', OutputFormat: 'mp3', VoiceId: 'Joanna' }`;
const SIGV4_FAILURE =
  "the SDK rejects the call with 'Signature version 4 presigned URLs must have an expiration date less than one week in the future'";

const url = (imports: string, fn: string, options: string) =>
  `${imports}export const speech = (client: PollyClient) => ${fn}({ client, ${PARAMS}${options} });`;

createRuleTester().run('presign-max-lifetime', rule, {
  valid: [
    url(POLLY, 'getSynthesizeSpeechUrl', ', options: { expiresIn: 7 * 24 * 60 * 60 }'),
    // The default (3600 s).
    url(POLLY, 'getSynthesizeSpeechUrl', ''),
    // A look-alike: the same call shape from a module that is not Polly's presigner.
    `import { getSynthesizeSpeechUrl } from './speech.js';
export const speech = (client: unknown) => getSynthesizeSpeechUrl({ client, options: { expiresIn: 30 * 86400 } });`,
    // expiresIn outside `options` is not the lifetime.
    url(POLLY, 'getSynthesizeSpeechUrl', ', expiresIn: 30 * 86400'),
  ],
  invalid: [
    {
      code: url(POLLY, 'getSynthesizeSpeechUrl', ', options: { expiresIn: 8 * 24 * 60 * 60 }'),
      errors: [
        {
          messageId: 'aboveMaximum',
          data: { lifetime: '8 d', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              data: { target: '7 d', replacement: '7 * 24 * 60 * 60' },
              output: url(POLLY, 'getSynthesizeSpeechUrl', ', options: { expiresIn: 7 * 24 * 60 * 60 }'),
            },
          ],
        },
      ],
    },
    {
      code: url(POLLY_SIGNER, 'getPresignedSynthesizeSpeechUrl', ', options: { expiresIn: 30 * 86400 }'),
      errors: [
        {
          messageId: 'aboveMaximum',
          data: { lifetime: '30 d', maximum: '7 d', failure: SIGV4_FAILURE },
          suggestions: [
            {
              messageId: 'clampToMaximum',
              data: { target: '7 d', replacement: '7 * 86400' },
              output: url(POLLY_SIGNER, 'getPresignedSynthesizeSpeechUrl', ', options: { expiresIn: 7 * 86400 }'),
            },
          ],
        },
      ],
    },
  ],
});
