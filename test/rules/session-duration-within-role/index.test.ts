import rule from '../../../rules/session-duration-within-role/index.js';
import { createRuleTester } from '../../rule-tester.js';

const V3 = `import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
`;
const STS = `import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
`;
const V2 = `import AWS from 'aws-sdk';
`;
const on = (platform: string) => ({ 'credential-expiry': { platform } });
const ROLE = `RoleArn: 'arn:aws:iam::123456789012:role/reports', RoleSessionName: 's'`;

const ruleTester = createRuleTester();

// Roles read from infrastructure code (MaxSessionDuration) are tested on the fixture repositories in
// test/repository/fixtures.test.ts; here the caller's credentials come from the code and the settings.
ruleTester.run('session-duration-within-role', rule, {
  valid: [
    // Within the chaining cap on a role-based platform.
    {
      code: `${V3}export const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 3600 } });`,
      settings: on('lambda'),
    },
    // Nothing says the caller holds a role session, and no infrastructure names the role: any length up to 12 h may work.
    `${V3}export const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 7200 } });`,
    `${V3}export const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 43200 } });`,
    // Long-term keys: not role chaining.
    {
      code: `${V3}export const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 7200 } });`,
      settings: on('iam-user'),
    },
    // masterCredentials that are not a role session override what the platform gives.
    {
      code: `${V3}export const p = fromTemporaryCredentials({ masterCredentials: fromIni({ profile: 'ops' }), params: { ${ROLE}, DurationSeconds: 7200 } });`,
      settings: on('lambda'),
    },
    // Not assume-role: GetSessionToken allows 36 h; web identity is not chaining.
    { code: `${STS}export const c = new GetSessionTokenCommand({ DurationSeconds: 129600 });`, settings: on('ec2') },
    {
      code: `${STS}export const c = new AssumeRoleWithWebIdentityCommand({ ${ROLE}, WebIdentityToken: t, DurationSeconds: 7200 });`,
      settings: on('eks-irsa'),
    },
    // Run-time lengths are not guessed.
    {
      code: `${V3}export const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: Number(process.env.SECONDS) } });`,
      settings: on('ecs'),
    },
    // Look-alikes: a local function of the same name; an unrelated object with DurationSeconds.
    {
      code: `const fromTemporaryCredentials = (o: unknown) => o;\nexport const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 7200 } });`,
      settings: on('lambda'),
    },
    { code: `${V3}export const job = { params: { ${ROLE}, DurationSeconds: 7200 } };`, settings: on('lambda') },
    // The STS client is given long-term keys: the command is not role chaining, whatever the platform.
    {
      code: `${STS}import { STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({ credentials: { accessKeyId: process.env.OPS_KEY_ID!, secretAccessKey: process.env.OPS_SECRET! } });
export const out = sts.send(new AssumeRoleCommand({ ${ROLE}, DurationSeconds: 7200 }));`,
      settings: on('lambda'),
    },
    // The minimum itself is fine.
    `${STS}export const c = new AssumeRoleCommand({ ${ROLE}, DurationSeconds: 900 });`,
  ],
  invalid: [
    {
      code: `${V3}export const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 2 * 60 * 60 } });`,
      settings: on('lambda'),
      errors: [
        {
          messageId: 'aboveCeiling',
          line: 2,
          column: 145,
          data: {
            call: '`fromTemporaryCredentials()`',
            requested: '2 h',
            property: 'params.DurationSeconds',
            basis:
              "settings['credential-expiry'] platform 'lambda' gives role credentials, so assuming another role is role chaining, capped at 1 h",
            failure:
              'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
          },
          suggestions: [
            {
              messageId: 'lowerToCeiling',
              data: { property: 'params.DurationSeconds', target: '1 h', replacement: '60 * 60' },
              output: `${V3}export const p = fromTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 60 * 60 } });`,
            },
          ],
        },
      ],
    },
    {
      // Chaining shown by the code itself: the caller's credentials are another assumed role.
      code: `${V3}const base = fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/hub', RoleSessionName: 'hub' } });
export const p = fromTemporaryCredentials({ masterCredentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/hub' } }), params: { ${ROLE}, DurationSeconds: 10800 } });`,
      errors: [
        {
          messageId: 'aboveCeiling',
          line: 3,
          suggestions: [
            {
              messageId: 'lowerToCeiling',
              output: `${V3}const base = fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/hub', RoleSessionName: 'hub' } });
export const p = fromTemporaryCredentials({ masterCredentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::1:role/hub' } }), params: { ${ROLE}, DurationSeconds: 3600 } });`,
            },
          ],
        },
      ],
    },
    {
      code: `${STS}const SESSION = 4 * 3600;\nexport const c = new AssumeRoleCommand({ ${ROLE}, DurationSeconds: SESSION });`,
      settings: on('ecs'),
      errors: [
        {
          messageId: 'aboveCeiling',
          line: 2,
          column: 17,
          suggestions: [
            {
              messageId: 'lowerToCeiling',
              output: `${STS}const SESSION = 3600;\nexport const c = new AssumeRoleCommand({ ${ROLE}, DurationSeconds: SESSION });`,
            },
          ],
        },
      ],
    },
    {
      // The STS client's own credentials are a role session: the command chains roles.
      code: `${STS}import { STSClient } from '@aws-sdk/client-sts';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
const sts = new STSClient({ credentials: fromContainerMetadata() });
export const out = sts.send(new AssumeRoleCommand({ ${ROLE}, DurationSeconds: 7200 }));`,
      errors: [
        {
          messageId: 'aboveCeiling',
          line: 5,
          data: {
            call: '`new AssumeRoleCommand()`',
            requested: '2 h',
            property: 'DurationSeconds',
            basis:
              "the STS client's credentials are themselves a role session (fromContainerMetadata), so this is role chaining, capped at 1 h",
            failure:
              'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
          },
          suggestions: [
            {
              messageId: 'lowerToCeiling',
              output: `${STS}import { STSClient } from '@aws-sdk/client-sts';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
const sts = new STSClient({ credentials: fromContainerMetadata() });
export const out = sts.send(new AssumeRoleCommand({ ${ROLE}, DurationSeconds: 3600 }));`,
            },
          ],
        },
      ],
    },
    {
      // Every provider whose session is a role session counts, read from the knowledge base: the container endpoint's
      // fromHttp (ECS, EKS Pod Identity) as well as fromContainerMetadata.
      code: `${STS}import { STSClient } from '@aws-sdk/client-sts';
import { fromHttp } from '@aws-sdk/credential-providers';
const sts = new STSClient({ credentials: fromHttp() });
export const out = sts.send(new AssumeRoleCommand({ ${ROLE}, DurationSeconds: 7200 }));`,
      errors: [
        {
          messageId: 'aboveCeiling',
          data: {
            call: '`new AssumeRoleCommand()`',
            requested: '2 h',
            property: 'DurationSeconds',
            basis:
              "the STS client's credentials are themselves a role session (fromHttp), so this is role chaining, capped at 1 h",
            failure:
              'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
          },
          suggestions: [
            {
              messageId: 'lowerToCeiling',
              output: `${STS}import { STSClient } from '@aws-sdk/client-sts';
import { fromHttp } from '@aws-sdk/credential-providers';
const sts = new STSClient({ credentials: fromHttp() });
export const out = sts.send(new AssumeRoleCommand({ ${ROLE}, DurationSeconds: 3600 }));`,
            },
          ],
        },
      ],
    },
    {
      code: `${V2}export const c = new AWS.ChainableTemporaryCredentials({ params: { ${ROLE}, DurationSeconds: 86400 } });`,
      errors: [
        {
          messageId: 'aboveAnyRole',
          data: {
            call: '`new ChainableTemporaryCredentials()`',
            requested: '1 d',
            property: 'params.DurationSeconds',
            failure: 'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
          },
        },
      ],
    },
    {
      code: `${STS}export const c = new AssumeRoleCommand({ ${ROLE}, DurationSeconds: 600 });`,
      errors: [
        {
          messageId: 'belowMinimum',
          data: { call: '`new AssumeRoleCommand()`', requested: '10 min', property: 'DurationSeconds' },
        },
      ],
    },
  ],
});
