/**
 * Secret shapes and build-time credential traps (anti-pattern C; sources on each entry).
 * Rules read these tables through src/analysis/secret-scan.ts; nothing here runs on its own.
 */
import type { PlatformId, SessionId } from './sessions.js';

const KEY_PREFIX_SOURCE =
  'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html; Hacking-the-Cloud/hackingthe.cloud: content/aws/general-knowledge/iam-key-identifiers.md';
const SECRETS_IN_ARG_ENV_SOURCE = 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/';

export type SecretLifetime = 'temporary' | 'long-lived';

/** An AWS access key id prefix: `AKIA` = long-term IAM user key, `ASIA` = temporary STS key. */
interface AwsKeyIdPrefix {
  readonly prefix: string;
  readonly lifetime: SecretLifetime;
  readonly label: string;
  readonly source: string;
}

export const AWS_KEY_ID_PREFIXES = [
  { prefix: 'AKIA', lifetime: 'long-lived', label: 'long-term IAM user access key', source: KEY_PREFIX_SOURCE },
  { prefix: 'ASIA', lifetime: 'temporary', label: 'temporary STS access key', source: KEY_PREFIX_SOURCE },
] as const satisfies readonly AwsKeyIdPrefix[];

/** A secret recognised by its text alone, wherever it appears. */
interface SecretShape {
  readonly id: string;
  /** Matches one occurrence; scanners add the `g` flag. */
  readonly pattern: RegExp;
  readonly lifetime: SecretLifetime;
  /** For temporary shapes: the session that bounds them. */
  readonly session?: SessionId;
  readonly source: string;
}

export const SECRET_SHAPES = {
  /** `AKIA`/`ASIA` + 16 upper-case letters or digits. The prefix table above says which lifetime. */
  awsKeyId: {
    id: 'aws-access-key-id',
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/u,
    lifetime: 'long-lived',
    source: KEY_PREFIX_SOURCE,
  },
  /** 40 base64 characters: an AWS secret access key, when it stands next to a key id or under a secret-key name. */
  awsSecretKey: {
    id: 'aws-secret-access-key',
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/u,
    lifetime: 'long-lived',
    source:
      'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html (AWS_SECRET_ACCESS_KEY: 40 characters, next to its key ID)',
  },
  googleAccessToken: {
    id: 'google-access-token',
    pattern: /(?<![\w.-])ya29\.[0-9A-Za-z_-]{20,}/u,
    lifetime: 'temporary',
    session: 'google-access-token',
    source:
      'https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken (ya29. access tokens, 3600 s)',
  },
  privateKey: {
    id: 'pem-private-key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/u,
    lifetime: 'long-lived',
    source:
      'googleapis/google-auth-library-nodejs: src/auth/googleauth.ts, fromJSON(): service_account with "private_key"',
  },
  /** Header and payload are base64url JSON objects (`eyJ` = `{"`); reported only when the payload's `exp` is known. */
  jwt: {
    id: 'jwt',
    pattern: /(?<![\w.-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/u,
    lifetime: 'temporary',
    session: 'google-id-token',
    source: 'googleapis/google-auth-library-nodejs: src/auth/jwtaccess.ts (exp = iat + 3600)',
  },
  azureAccountKey: {
    id: 'azure-storage-account-key',
    pattern: /AccountKey=[A-Za-z0-9/+]{40,}={0,2}/u,
    lifetime: 'long-lived',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string (AccountKey=)',
  },
  /**
   * A SAS query string (from `sv=` to the end of the token): `se=` is its expiry, and the scanner requires a
   * `sig=` parameter (SAS_SIGNATURE). Matching `sig=` here too would make the regex retry from every `sv=`.
   */
  azureSas: {
    id: 'azure-sas',
    pattern: /(?<![\w-])sv=\d{4}-\d{2}-\d{2}&[^\s"'`]*/u,
    lifetime: 'temporary',
    source: 'https://learn.microsoft.com/rest/api/storageservices/create-service-sas (sv=…&se=…&sig=)',
  },
} as const satisfies Record<string, SecretShape>;

/** The signature parameter a SAS query string must carry to be a credential. */
export const SAS_SIGNATURE = /(?:^|&)sig=[A-Za-z0-9%/+=]{20,}/u;

/** What a credential name says its value is. */
export type CredentialValueKind =
  'aws-key-id' | 'aws-secret-key' | 'aws-session-token' | 'google-access-token' | 'refresh-token';

/** A name that holds a credential: env vars (`.env`, YAML, Dockerfile) and fields (JS, JSON, YAML). */
interface CredentialName {
  readonly name: string;
  readonly holds: CredentialValueKind;
  /** Only counts inside an object that also has this field (STS / ECS credential JSON uses a bare `Token`). */
  readonly onlyWithSibling?: string;
  readonly source: string;
}

const AWS_ENV_SOURCE = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html';
const AWS_FIELD_SOURCE =
  'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html (aws_session_token); https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html (SessionToken); @smithy/types AwsCredentialIdentity';

export const CREDENTIAL_NAMES = [
  { name: 'AWS_ACCESS_KEY_ID', holds: 'aws-key-id', source: AWS_ENV_SOURCE },
  { name: 'AWS_SECRET_ACCESS_KEY', holds: 'aws-secret-key', source: AWS_ENV_SOURCE },
  { name: 'AWS_SESSION_TOKEN', holds: 'aws-session-token', source: AWS_ENV_SOURCE },
  {
    name: 'AWS_SECURITY_TOKEN',
    holds: 'aws-session-token',
    source: 'aws/aws-sdk-js: lib/credentials/environment_credentials.js (legacy alias)',
  },
  { name: 'aws_access_key_id', holds: 'aws-key-id', source: AWS_FIELD_SOURCE },
  { name: 'aws_secret_access_key', holds: 'aws-secret-key', source: AWS_FIELD_SOURCE },
  { name: 'aws_session_token', holds: 'aws-session-token', source: AWS_FIELD_SOURCE },
  { name: 'accessKeyId', holds: 'aws-key-id', source: AWS_FIELD_SOURCE },
  { name: 'secretAccessKey', holds: 'aws-secret-key', source: AWS_FIELD_SOURCE },
  { name: 'sessionToken', holds: 'aws-session-token', source: AWS_FIELD_SOURCE },
  { name: 'AccessKeyId', holds: 'aws-key-id', source: AWS_FIELD_SOURCE },
  { name: 'SecretAccessKey', holds: 'aws-secret-key', source: AWS_FIELD_SOURCE },
  { name: 'SessionToken', holds: 'aws-session-token', source: AWS_FIELD_SOURCE },
  {
    name: 'Token',
    holds: 'aws-session-token',
    onlyWithSibling: 'AccessKeyId',
    source:
      'smithy-lang/smithy-typescript: packages/credential-provider-imds/src/fromContainerMetadata.ts (ECS/IMDS JSON: AccessKeyId, SecretAccessKey, Token, Expiration)',
  },
  {
    name: 'GOOGLE_OAUTH_ACCESS_TOKEN',
    holds: 'google-access-token',
    source:
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/provider_reference#access_token (GOOGLE_OAUTH_ACCESS_TOKEN)',
  },
  {
    name: 'refresh_token',
    holds: 'refresh-token',
    source:
      'googleapis/google-auth-library-nodejs: src/auth/googleauth.ts, fromJSON(): authorized_user with "refresh_token"',
  },
] as const satisfies readonly CredentialName[];

/**
 * Dockerfile ARG/ENV names that carry secrets (https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/: `*_SECRET*`, `*_TOKEN*`, the AWS variables,
 * as Docker's `SecretsUsedInArgOrEnv` check), minus names whose last part says the value is a pointer or a setting.
 */
export const DOCKER_SECRET_NAME = {
  pattern: /(?:^|_)(?:SECRET|TOKEN)(?:_|$)|^AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN)$/iu,
  notSecretSuffix:
    /_(?:FILE|PATH|DIR|URI|URL|ENDPOINT|HOST|TTL|EXPIRY|EXPIRES|EXPIRATION|LIFETIME|DURATION|TIMEOUT|TYPE|NAME|HEADER|ENABLED|REGION|LENGTH|SIZE|AUDIENCE|ISSUER|SCOPES?|VERSION|ID_FILE)$/iu,
  source: SECRETS_IN_ARG_ENV_SOURCE,
} as const;

/** Env prefixes that bundlers inline into browser code at build time. */
interface BundlerEnvPrefix {
  readonly prefix: string;
  readonly bundler: string;
  readonly source: string;
}

export const BUNDLER_ENV_PREFIXES = [
  {
    prefix: 'REACT_APP_',
    bundler: 'Create React App',
    source: 'https://create-react-app.dev/docs/adding-custom-environment-variables/',
  },
  {
    prefix: 'NEXT_PUBLIC_',
    bundler: 'Next.js',
    source: 'https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser',
  },
  { prefix: 'VITE_', bundler: 'Vite', source: 'https://vite.dev/guide/env-and-mode' },
] as const satisfies readonly BundlerEnvPrefix[];

/**
 * After a bundler prefix: names that carry a cloud credential. Deliberately narrow: public browser keys
 * (`NEXT_PUBLIC_MAPBOX_TOKEN`, `VITE_GOOGLE_MAPS_API_KEY`) are meant to ship and stay silent.
 */
export const BUNDLED_CREDENTIAL_NAME = {
  pattern:
    /^(?:AWS|S3|AMAZON|GCP|GCLOUD|GOOGLE_CLOUD|GOOGLE_OAUTH|AZURE)_(?:\w+_)?(?:SECRET_ACCESS_KEY|SECRET_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN|ACCESS_KEY_ID|ACCESS_KEY|ACCESS_TOKEN|PRIVATE_KEY|CREDENTIALS|ACCOUNT_KEY)$/u,
  source:
    'issue 6 (REACT_APP_AWS_SESSION_TOKEN inlined into browser code); https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
} as const;

/**
 * Values that are documentation examples or placeholders, never real credentials (googleapis/google-auth-library-nodejs: src/auth/computeclient.ts, src/auth/impersonated.ts (placeholder tokens); AWS documentation example keys).
 * AWS's documented example keys all carry `EXAMPLE` (`AKIAIOSFODNN7EXAMPLE`, `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`).
 */
export const PLACEHOLDER_VALUES = {
  awsExampleKeys: ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  googlePlaceholderTokens: ['compute-placeholder', 'impersonated-placeholder'],
  words:
    /example|placeholder|dummy|fake|sample|redacted|change[-_ ]?me|replace[-_ ]?me|your[-_ ]?(?:aws|access|secret|session|key|token|own)|insert[-_ ]|paste[-_ ]/iu,
  /** `<your-token>`, `xxxx`, `TODO`, `null`: kept apart from `words` so each regex stays simple enough to prove linear. */
  markers: /<[^<>]*>|\bxxx|\b(?:todo|fixme|null|none|undefined)\b/iu,
  /** `${VAR}`, `$VAR`, `$(cmd)`, `{{ tpl }}`, `%VAR%`: the value comes from elsewhere. */
  reference: /\$\{|\$\(|\$[A-Za-z_]|\{\{|%[A-Za-z_]+%/u,
  runs: /0123456789|1234567890|abcdefghij|ABCDEFGHIJ/u,
  /**
   * An ellipsis (`IQoJb3JpZ2lu…`, `ya29.a0Af...`): an excerpt cut short, as documentation writes one. It cannot
   * authenticate, in any file type. No credential alphabet has `…` or three dots in a row.
   */
  elided: /…|\.{3}/u,
  source:
    'googleapis/google-auth-library-nodejs: src/auth/computeclient.ts, src/auth/impersonated.ts (placeholder refresh tokens); https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html (example keys)',
} as const;

/** Google credential JSON `type`s (googleapis/google-auth-library-nodejs: src/auth/googleauth.ts, fromJSON()). */
interface GoogleCredentialFileType {
  readonly type: string;
  /** The member holding the long-lived secret; null for configurations that hold none. */
  readonly secretField: string | null;
  readonly what: string;
  readonly source: string;
}

export const GOOGLE_CREDENTIAL_FILE_TYPES = [
  {
    type: 'service_account',
    secretField: 'private_key',
    what: 'a service-account private key',
    source: 'googleapis/google-auth-library-nodejs: src/auth/googleauth.ts, fromJSON(): service_account',
  },
  {
    type: 'authorized_user',
    secretField: 'refresh_token',
    what: 'a user refresh token',
    source: 'googleapis/google-auth-library-nodejs: src/auth/googleauth.ts, fromJSON(): authorized_user',
  },
  {
    type: 'impersonated_service_account',
    secretField: 'source_credentials',
    what: 'the refresh token of its source credentials',
    source: 'googleapis/google-auth-library-nodejs: src/auth/googleauth.ts, fromJSON(): impersonated_service_account',
  },
  {
    type: 'external_account',
    secretField: null,
    what: 'no secret (workload identity federation metadata)',
    source: 'googleapis/google-auth-library-nodejs: README.md (external_account configs hold no secret)',
  },
] as const satisfies readonly GoogleCredentialFileType[];

/** The `external_account` trap: AWS credentials read from EC2 metadata by a workload that runs where there is none. */
export const EXTERNAL_ACCOUNT_EC2_METADATA = {
  urlFields: ['url', 'region_url', 'imdsv2_session_token_url'],
  hosts: ['169.254.169.254', '[fd00:ec2::254]'],
  /** Platforms whose credentials come from elsewhere (ECS/Fargate: 169.254.170.2; EKS: web identity). */
  platforms: ['ecs', 'eks-irsa'],
  fix: 'an aws_security_credentials_supplier backed by fromContainerMetadata() or fromNodeProviderChain() (google-auth-library >= 9.9.0)',
  source: 'googleapis/google-auth-library-nodejs README ("only supported with EC2")',
} as const satisfies {
  urlFields: readonly string[];
  hosts: readonly string[];
  platforms: readonly PlatformId[];
  fix: string;
  source: string;
};

/** A Dockerfile RUN step that obtains credentials while the image is built (aws/aws-codebuild-docker-images#179). */
export interface BuildTimeFetch {
  readonly id: string;
  readonly pattern: RegExp;
  /** Completes "This RUN step ... at build time". */
  readonly what: string;
  /** How a later stage's copy of the result was obtained, completing "with credentials ... at build time". */
  readonly obtained?: string;
  readonly session: SessionId;
  /** A command this entry matches (tests and docs). */
  readonly example: string;
  readonly source: string;
}

export const BUILD_TIME_CREDENTIAL_FETCHES = [
  {
    id: 'ecs-credentials-endpoint',
    pattern: /169\.254\.170\.2(?!\d)|\$\{?AWS_CONTAINER_CREDENTIALS_(?:RELATIVE|FULL)_URI\b/u,
    what: 'fetches task-role credentials from the ECS credentials endpoint',
    obtained: 'fetched from the ECS credentials endpoint',
    session: 'task-role',
    example: 'curl -s http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI > /app/creds.json',
    source:
      'aws/aws-codebuild-docker-images#179; smithy-lang/smithy-typescript: packages/credential-provider-imds/src/fromContainerMetadata.ts',
  },
  {
    id: 'ec2-instance-metadata-credentials',
    pattern: /meta-data\/iam\/security-credentials/u,
    what: 'fetches instance-profile credentials from EC2 instance metadata',
    obtained: 'fetched from EC2 instance metadata',
    session: 'instance-profile',
    example: 'curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role > /creds.json',
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-security-credentials.html',
  },
  {
    id: 'gce-metadata-token',
    pattern: /computeMetadata\/v1\/instance\/service-accounts\/[^/\s]+\/(?:token|identity)/u,
    what: 'fetches a Google access token from the metadata server',
    obtained: 'fetched from the metadata server',
    session: 'google-access-token',
    example:
      'curl -s -H "Metadata-Flavor: Google" http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token > /token.json',
    source: 'googleapis/gcp-metadata (instance/service-accounts/default/token)',
  },
  {
    id: 'gcloud-print-token',
    pattern: /\bgcloud\s+auth\s+(?:application-default\s+)?print-(?:access|identity)-token\b/u,
    what: 'prints a Google access token with gcloud',
    obtained: 'printed by gcloud',
    session: 'google-access-token',
    example: 'gcloud auth print-access-token > /token',
    source: 'https://cloud.google.com/sdk/gcloud/reference/auth/print-access-token',
  },
  {
    id: 'aws-sts-temporary-credentials',
    pattern:
      /\baws\s+(?:--[^\s-]\S*\s+){0,4}sts\s+(?:assume-role(?:-with-web-identity|-with-saml)?|get-session-token|get-federation-token)\b/u,
    what: 'asks STS for temporary credentials',
    obtained: 'issued by STS',
    session: 'assume-role',
    example: 'aws sts get-session-token --duration-seconds 129600 > /creds.json',
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; API_GetSessionToken.html',
  },
  {
    id: 'aws-configure-set-credentials',
    pattern: /\baws\s+configure\s+set\s+(?:[\w-]+\.)?aws_(?:session_token|secret_access_key|access_key_id)\b/u,
    what: 'writes credentials into the AWS config with `aws configure set`',
    session: 'unknown-temporary',
    example: 'aws configure set aws_session_token "$SESSION_TOKEN"',
    source: 'https://docs.aws.amazon.com/cli/latest/reference/configure/set.html',
  },
  {
    id: 'write-aws-credentials-file',
    pattern: /(?:>>?\s*|\btee\s+(?:-a\s+)?)["']?[^\s>]*\.aws\/credentials\b/u,
    what: 'writes ~/.aws/credentials',
    session: 'unknown-temporary',
    example: 'printf "[default]\\naws_access_key_id=%s\\n" "$KEY" > /root/.aws/credentials',
    source: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  },
] as const satisfies readonly BuildTimeFetch[];

/** Env names whose value points at a credential file, and CLI flags that take one. */
export const CREDENTIAL_FILE_POINTERS = {
  envNames: ['GOOGLE_APPLICATION_CREDENTIALS', 'AWS_SHARED_CREDENTIALS_FILE', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE'],
  /** `--key-file PATH` / `--key-file=PATH` (gcloud auth activate-service-account), `--cred-file=PATH` (gcloud auth login). */
  flags: /--(?:key-file|cred-file)[=\s]+["']?([^\s"';&|]+)/gu,
  source:
    'https://cloud.google.com/sdk/gcloud/reference/auth/activate-service-account; https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html',
} as const;

/** File names that are credentials when COPY/ADD puts them into an image. */
interface KeyFileName {
  readonly id: string;
  /** Tested against a path with `\` turned into `/` and any trailing `/` removed. */
  readonly pattern: RegExp;
  readonly what: string;
  /** A path this entry matches (tests and docs). */
  readonly example: string;
  readonly source: string;
}

export const KEY_FILE_NAMES = [
  {
    id: 'aws-shared-credentials',
    pattern: /(?:^|\/)\.aws(?:\/credentials)?$|(?:^|\/)credentials$/u,
    what: 'an AWS shared credentials file',
    example: '.aws/credentials',
    source: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  },
  {
    id: 'google-adc',
    pattern: /application_default_credentials\.json$|(?:^|\/)\.config\/gcloud$/u,
    what: 'gcloud application-default credentials',
    example: '.config/gcloud/application_default_credentials.json',
    source:
      'googleapis/google-auth-library-nodejs: src/auth/googleauth.ts, fromJSON(): authorized_user (application_default_credentials.json)',
  },
  {
    id: 'service-account-json',
    // Anchored at the file name's start (a lookahead finds the word), so no start inside a name rescans the rest.
    pattern:
      /(?:^|\/)(?=sa[-_.]|[^/]*(?:service[-_]?account|[_.-]sa[-_.]))[^/]*\.json$|(?:^|[/_.-])(?:key|keyfile|credentials?)\.json$/iu,
    what: 'a service-account key file',
    example: 'deploy/prod-sa.json',
    source: 'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
  },
  {
    id: 'p12-key',
    pattern: /\.p12$/iu,
    what: 'a PKCS#12 service-account key',
    example: 'keys/service.p12',
    source: 'https://cloud.google.com/iam/docs/keys-create-delete (P12 key format)',
  },
] as const satisfies readonly KeyFileName[];

/** Runtime scripts that fetch credentials and export them for the main process: a process-lifetime snapshot (§4 item 16). */
export const RUNTIME_CREDENTIAL_EXPORT = {
  pattern: /\bexport\s+AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)=/u,
  source: 'https://docs.docker.com/reference/dockerfile/#entrypoint',
} as const;

/**
 * Test stubs: values that are, or are made of, these words (`foo`, `test`, `mock-token`, `invalid_token`,
 * `xxxxxxxx`) are never credentials. Matched as whole words between separators, so a random token that happens
 * to contain the letters `test` is not one.
 */
export const PLACEHOLDER_STUBS = {
  words: [
    'foo',
    'bar',
    'baz',
    'qux',
    'test',
    'testing',
    'tests',
    'mock',
    'mocked',
    'stub',
    'invalid',
    'expired',
    'dummy',
    'fake',
    'demo',
    'sample',
    'secret',
    'password',
    'changeme',
    'none',
    'empty',
    'unset',
    'null',
  ],
  /** One character repeated (`xxxx`, `****`, `0000`), or a run of the alphabet from its start (`abcdef...`). */
  alphabetRuns: ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789'],
  /** A run of at least this many characters of `alphabetRuns` from their start counts (`abcdef`, `ABCDEF`, `012345`). */
  minRun: 6,
  source: 'issue 13 (ENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz silent while =foo was reported)',
} as const;

/**
 * Credentials published for emulators and documentation: they open nothing but a local emulator, or nothing.
 * A value equal to one of `values`, or a text holding one of `markers`, is never reported.
 */
interface PublicTestCredential {
  readonly id: string;
  readonly what: string;
  readonly values: readonly string[];
  readonly markers: readonly string[];
  readonly source: string;
}

export const PUBLIC_TEST_CREDENTIALS = [
  {
    id: 'azurite',
    what: "Azurite's well-known development storage account",
    values: ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='],
    markers: ['AccountName=devstoreaccount1', 'UseDevelopmentStorage=true'],
    source:
      'https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key',
  },
  {
    id: 'localstack',
    what: "LocalStack's default credentials",
    values: ['test'],
    markers: [],
    source:
      'https://docs.localstack.cloud/aws/capabilities/config/credentials/ (AWS_ACCESS_KEY_ID=test, AWS_SECRET_ACCESS_KEY=test)',
  },
  {
    id: 'minio',
    what: "MinIO's default root user",
    values: ['minioadmin'],
    markers: [],
    source:
      'https://min.io/docs/minio/linux/reference/minio-server/settings/root-credentials.html (MINIO_ROOT_USER / MINIO_ROOT_PASSWORD default minioadmin)',
  },
  {
    id: 'aws-documentation',
    what: "AWS's documentation example keys",
    values: [
      'AKIAIOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'AKIAI44QH8DHBEXAMPLE',
      'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
    ],
    markers: [],
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html; https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  },
] as const satisfies readonly PublicTestCredential[];

/**
 * What a named token must look like to be the credential its name promises. AWS session tokens are hundreds of
 * base64 characters (STS returns 356 and more; `IQoJb3JpZ2lu` and `FwoGZXIvYXdz` start the current ones); Google
 * access tokens start with `ya29.`; refresh tokens have their platform's shape (Google `1//`, Cognito's five-part
 * JWE). Anything else under the name (`dynamic-session-token`, `mock-refresh`) is a description or a stub.
 */
export const NAMED_TOKEN_SHAPES = {
  'aws-session-token': {
    pattern: /^[A-Za-z0-9+/]{100,}={0,2}$/u,
    source:
      'https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html (SessionToken); aws/aws-sdk-js-v3 test fixtures',
  },
  'google-access-token': {
    pattern: /^ya29\.[0-9A-Za-z._-]{20,}$/u,
    source: 'https://cloud.google.com/docs/authentication/token-types#access (ya29.)',
  },
  'refresh-token': {
    pattern:
      /^1\/\/[0-9A-Za-z_-]{30,}$|^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/u,
    source:
      'https://developers.google.com/identity/protocols/oauth2 (refresh tokens, 1//); https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html (encrypted JWE)',
  },
} as const;

/**
 * JWTs that can be credentials of a platform the plugin knows: issued by (or for) Google, AWS Cognito, Amazon EKS
 * (IRSA web identity) or Azure/Entra, with a signature as long as its `alg` produces. Any other JWT in a file (the
 * jwt.io sample, a test's `https://test.com` token, a localhost Postman token) says nothing about cloud credentials.
 */
export const CLOUD_JWT = {
  issuers: [
    {
      platform: 'Google',
      pattern:
        /^(?:https:\/\/)?accounts\.google\.com$|@[a-z0-9-]+\.iam\.gserviceaccount\.com$|^https:\/\/container\.googleapis\.com\/v1\//u,
    },
    {
      platform: 'AWS Cognito',
      pattern: /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[a-z0-9-]+_[A-Za-z0-9]+$/u,
    },
    { platform: 'Amazon EKS', pattern: /^https:\/\/oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Za-z0-9]+$/u },
    {
      platform: 'Azure/Entra',
      pattern: /^https:\/\/(?:login\.microsoftonline\.com|sts\.windows\.net)\/[A-Za-z0-9-]+\/(?:v2\.0)?$/u,
    },
  ],
  audiences: [
    { platform: 'Google', pattern: /^https:\/\/(?:oauth2|[a-z0-9-]+)\.googleapis\.com\/?/u },
    { platform: 'AWS STS', pattern: /^sts\.amazonaws\.com$/u },
    {
      platform: 'Azure/Entra',
      pattern:
        /^https:\/\/(?:management\.azure\.com|storage\.azure\.com|vault\.azure\.net|graph\.microsoft\.com)\/?$|^api:\/\/AzureADTokenExchange$/u,
    },
  ],
  /** Signature bytes per `alg` family (RSA: the modulus size; ECDSA: twice the curve size; HMAC: the hash size). */
  signatureBytes: {
    RS256: [128, 256, 384, 512],
    RS384: [128, 256, 384, 512],
    RS512: [128, 256, 384, 512],
    PS256: [128, 256, 384, 512],
    PS384: [128, 256, 384, 512],
    PS512: [128, 256, 384, 512],
    ES256: [64],
    ES384: [96],
    ES512: [132],
    EdDSA: [64],
    HS256: [32],
    HS384: [48],
    HS512: [64],
  } as Readonly<Record<string, readonly number[]>>,
  /** jwt.io's sample payload, copied into countless tests and docs. */
  publicSamples: [{ sub: '1234567890', name: 'John Doe' }],
  source:
    'https://datatracker.ietf.org/doc/html/rfc7518#section-3.1 (alg signature sizes); https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken; https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html; https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference; https://jwt.io (sample)',
} as const;

/** The AWS credential variables every AWS CLI and SDK reads from the environment. */
const AWS_CREDENTIAL_ENV = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
] as const;

/**
 * Tools that read credentials from their environment: a RUN step that runs one consumes a credential build
 * argument (Docker exposes build arguments to RUN steps as environment variables) with no `$NAME` in sight.
 */
interface EnvReadingTool {
  readonly id: string;
  /** Completes "This RUN step runs ..." */
  readonly tool: string;
  /** Matches the tool in command position: at the start, or after `;`, `&&`, `||`, `|`, `(`, `$(` or a backtick. */
  readonly command: RegExp;
  readonly reads: readonly string[];
  /** A RUN command this entry matches (tests and docs). */
  readonly example: string;
  readonly source: string;
}

export const ENV_READING_TOOLS = [
  {
    id: 'aws-cli',
    tool: 'the AWS CLI',
    command: /(?:^|[;&|(`])\s*(?:sudo\s+)?aws\s+[a-z]/u,
    example: 'aws s3 cp s3://example-bucket/seed.sql /seed.sql',
    reads: AWS_CREDENTIAL_ENV,
    source: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html',
  },
  {
    id: 'gcloud',
    tool: 'gcloud',
    command: /(?:^|[;&|(`])\s*(?:sudo\s+)?(?:gcloud|gsutil|bq)\s+[a-z]/u,
    example: 'gcloud storage cp gs://example-bucket/model.bin /models/',
    reads: ['CLOUDSDK_AUTH_ACCESS_TOKEN'],
    source: 'https://cloud.google.com/sdk/docs/authorizing (CLOUDSDK_AUTH_ACCESS_TOKEN)',
  },
  {
    id: 'terraform',
    tool: 'Terraform',
    command: /(?:^|[;&|(`])\s*terraform\s+(?:init|plan|apply|import|refresh|destroy|output)\b/u,
    example: 'terraform init && terraform apply -auto-approve',
    reads: [...AWS_CREDENTIAL_ENV, 'GOOGLE_OAUTH_ACCESS_TOKEN', 'ARM_CLIENT_SECRET'],
    source:
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#environment-variables; https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/provider_reference (GOOGLE_OAUTH_ACCESS_TOKEN); https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_client_secret (ARM_CLIENT_SECRET)',
  },
  {
    id: 'sdk-script',
    tool: 'a script, whose AWS SDK',
    command:
      /(?:^|[;&|(`])\s*(?:node|python3?|ts-node|tsx|deno|bun)\s+[\w./]|(?:^|[;&|(`])\s*(?:npm|yarn|pnpm)\s+run\s/u,
    example: 'node scripts/upload-assets.js',
    reads: AWS_CREDENTIAL_ENV,
    source:
      'smithy-lang/smithy-typescript / aws-sdk-js-v3: packages/credential-provider-env/src/fromEnv.ts (the default chain reads AWS_* first); boto3 docs: configuration (environment variables)',
  },
] as const satisfies readonly EnvReadingTool[];
