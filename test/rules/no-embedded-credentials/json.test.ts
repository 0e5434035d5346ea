import { coreRule, coreTester } from './embedded-testers.js';
import {
  AWS_DOC_KEY_ID,
  AWS_DOC_SECRET,
  LONG_KEY,
  PEM,
  REFRESH,
  SECRET,
  TEMP_KEY,
  TOKEN,
} from './embedded-fixtures.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const serviceAccount = json({
  type: 'service_account',
  project_id: 'acme-prod',
  private_key_id: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
  private_key: PEM,
  client_email: 'exporter@acme-prod.iam.gserviceaccount.com',
});
const externalAccount = json({
  type: 'external_account',
  audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/aws/providers/aws',
  subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
  credential_source: {
    environment_id: 'aws1',
    region_url: 'http://169.254.169.254/latest/meta-data/placement/availability-zone',
    url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials',
    regional_cred_verification_url: 'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
  },
});
const FIX =
  'an aws_security_credentials_supplier backed by fromContainerMetadata() or fromNodeProviderChain() (google-auth-library >= 9.9.0)';

coreTester('json').run('no-embedded-credentials', coreRule, {
  valid: [
    {
      name: 'package.json',
      code: json({ name: 'app', version: '1.0.0', dependencies: { '@aws-sdk/client-s3': '^3.0.0' } }),
    },
    { name: 'external_account holds no secret', code: externalAccount },
    {
      name: 'external_account on EC2 is what it was made for',
      code: externalAccount,
      settings: { 'credential-expiry': { platform: 'ec2' } },
    },
    {
      name: "AWS's documented example keys",
      code: json({ AccessKeyId: AWS_DOC_KEY_ID, SecretAccessKey: AWS_DOC_SECRET }),
    },
    { name: 'a key id with no secret next to it', code: json({ users: [{ name: 'ci', accessKeyId: LONG_KEY }] }) },
    {
      name: 'a bare Token field is not an AWS session token without AccessKeyId beside it',
      code: json({ Token: TOKEN.slice(0, 60), user: 'x' }),
    },
    {
      name: 'a Google placeholder refresh token',
      code: json({ type: 'authorized_user', refresh_token: 'compute-placeholder' }),
    },
    {
      name: 'a service-account template without key material',
      code: json({
        type: 'service_account',
        private_key: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n',
      }),
    },
  ],
  invalid: [
    {
      name: 'a service-account key file is reported once, at its private key',
      code: serviceAccount,
      errors: [
        {
          messageId: 'googleKeyFile',
          line: 5,
          column: 3,
          data: { type: 'service_account', what: 'a service-account private key' },
        },
      ],
    },
    {
      name: 'authorized_user and impersonated_service_account files (the nested source credentials are reported once)',
      code: json([
        {
          type: 'authorized_user',
          client_id: '1.apps.googleusercontent.com',
          client_secret: 'd-FL95Q19q7MQmFpd7hHD0Ty',
          refresh_token: REFRESH,
        },
        {
          type: 'impersonated_service_account',
          service_account_impersonation_url: 'https://iamcredentials.googleapis.com/v1/x',
          source_credentials: { type: 'authorized_user', refresh_token: REFRESH },
        },
      ]),
      errors: [
        { messageId: 'googleKeyFile', line: 6, data: { type: 'authorized_user', what: 'a user refresh token' } },
        {
          messageId: 'googleKeyFile',
          line: 11,
          data: { type: 'impersonated_service_account', what: 'the refresh token of its source credentials' },
        },
      ],
    },
    {
      name: 'external_account reading EC2 metadata while settings say ECS',
      code: externalAccount,
      settings: { 'credential-expiry': { platform: 'ecs' } },
      errors: [
        {
          messageId: 'externalAccountOnContainers',
          line: 5,
          column: 3,
          data: { host: '169.254.169.254', platform: 'ecs', fix: FIX },
        },
      ],
    },
    {
      name: 'STS / ECS credential JSON: the temporary key id, its secret and the token',
      code: json({
        Credentials: {
          AccessKeyId: TEMP_KEY,
          SecretAccessKey: SECRET,
          SessionToken: TOKEN,
          Expiration: '2026-05-01T10:00:00Z',
        },
      }),
      errors: [
        { messageId: 'temporaryKeyId', line: 3, column: 20 },
        { messageId: 'temporarySecretKey', line: 4, column: 24 },
        { messageId: 'sessionToken', line: 5, column: 21 },
      ],
    },
    {
      name: 'the ECS endpoint reply uses a bare Token',
      code: json({ AccessKeyId: TEMP_KEY, SecretAccessKey: SECRET, Token: TOKEN }),
      errors: [
        { messageId: 'temporaryKeyId', line: 2 },
        { messageId: 'temporarySecretKey', line: 3 },
        { messageId: 'sessionToken', line: 4 },
      ],
    },
    {
      name: 'an ECS task definition environment (name/value pairs)',
      code: json({
        containerDefinitions: [
          {
            environment: [
              { name: 'AWS_SESSION_TOKEN', value: TOKEN },
              { name: 'AWS_REGION', value: 'eu-west-1' },
            ],
          },
        ],
      }),
      errors: [{ messageId: 'sessionToken', line: 7, column: 20 }],
    },
    {
      name: 'a long-lived key pair in a config file',
      code: json({ aws: { accessKeyId: LONG_KEY, secretAccessKey: SECRET, region: 'us-east-1' } }),
      errors: [
        { messageId: 'longLivedKey', line: 3 },
        { messageId: 'secretKey', line: 4 },
      ],
    },
  ],
});
