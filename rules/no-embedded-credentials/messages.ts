import { formatDuration, maskSecret } from '../../src/analysis/format.js';
import type { CredentialFinding, CredentialKind } from '../../src/analysis/credential-sites.js';
import { SESSIONS } from '../../src/knowledge/sessions.js';

const STS_MAX = formatDuration(SESSIONS['session-token'].maxSeconds);
const HOUR = 3600;
/** "1 to 12 h": an assumed-role session by default and at most. */
const ROLE_USUAL = `${SESSIONS['assume-role'].seconds / HOUR} to ${formatDuration(SESSIONS['assume-role'].maxSeconds)}`;
const GOOGLE_TOKEN = formatDuration(SESSIONS['google-access-token'].seconds);
const LOAD_AT_RUNTIME = 'Remove it and load credentials at runtime (a role, a profile or a secret store).';

/** Every message of no-embedded-credentials. Data never carries a secret: at most `maskSecret()` of it. */
export const EMBEDDED_MESSAGES = {
  temporaryKeyId: `{{preview}} is a temporary STS key: it stopped working at most ${STS_MAX} after it was issued (usually ${ROLE_USUAL}). Remove it and let the SDK's default credential chain load a role or profile at runtime.`,
  longLivedKey: `{{preview}} is a long-term IAM user access key, written here with its secret access key: it works for anyone who can read this file until it is rotated, and rotating it breaks this file. ${LOAD_AT_RUNTIME}`,
  secretKey: `An AWS secret access key ({{preview}}) is written here: it is long-lived and works for anyone who can read this file until it is rotated. ${LOAD_AT_RUNTIME}`,
  temporarySecretKey: `An AWS secret access key ({{preview}}) of temporary credentials is written here: it stopped working at most ${STS_MAX} after it was issued. ${LOAD_AT_RUNTIME}`,
  sessionToken: `{{preview}} is an AWS session token: a snapshot of temporary credentials that stopped working at most ${STS_MAX} after they were issued (usually ${ROLE_USUAL}). Remove it and use a profile or role instead.`,
  googleAccessToken: `{{preview}} is a Google OAuth access token: it expires about ${GOOGLE_TOKEN} after it was issued. Remove it and let google-auth-library fetch and refresh tokens (Application Default Credentials).`,
  jwtExpired:
    'This JWT ({{preview}}) expired on {{date}}: everything that reads it from here fails. Fetch a fresh token at runtime.',
  jwtExpires:
    'This JWT ({{preview}}) expires on {{date}}: everything that reads it from here fails after that. Fetch a fresh token at runtime.',
  privateKey:
    'A private key is written here: it is long-lived, and anyone who can read this file can sign as its owner until the key is deleted. Keep key material out of files that are shared (use a secret store or workload identity).',
  refreshToken: `{{preview}} is an OAuth refresh token: it is long-lived and mints access tokens for anyone who can read this file until it is revoked. ${LOAD_AT_RUNTIME}`,
  azureAccountKey:
    'An Azure storage account key ({{preview}}) is written into this connection string: it is long-lived and grants full access to the account. Use DefaultAzureCredential, or a SAS created at runtime.',
  azureSas:
    'This Azure SAS token expires on {{date}} (its se= parameter): everything that uses it from here fails after that. Create SAS tokens at runtime.',
  azureSasExpired:
    'This Azure SAS token expired on {{date}} (its se= parameter): everything that uses it from here fails. Create SAS tokens at runtime.',
  bundledCredential:
    '{{name}} is inlined by {{bundler}} into the browser bundle: every visitor can read the credential, and temporary credentials die within hours while the bundle stays deployed. Call a backend that holds the credentials instead.',
  googleKeyFile:
    'This Google {{type}} file holds {{what}}: a long-lived secret that works for anyone who can read the file until it is revoked. Use Application Default Credentials from the runtime (workload identity, the attached service account) instead of a key file.',
  externalAccountOnContainers:
    'This external_account configuration reads AWS credentials from EC2 instance metadata ({{host}}), but settings say the workload runs on {{platform}}, where EC2 metadata does not serve its credentials: the token exchange will fail. Configure {{fix}} instead; exporting AWS_* variables would be a snapshot that dies with the session.',
  dockerEnvCredential:
    'ENV {{name}} keeps the credential in the image ({{stage}}): anyone who pulls the image can read it, and temporary credentials are already expired when the container starts. Give it only to the RUN steps that need it with RUN --mount=type=secret,id={{id}},env={{name}}.',
  dockerRunUsesBuildArg:
    'This RUN step {{how}} build argument {{names}}: its value is recorded in the image history, and anything the step writes keeps it. Use RUN {{mounts}} and build with {{secrets}}.',
  dockerCopiedBuildCredential:
    'COPY --from={{stage}} puts {{path}} into the image, which stage {{stage}} wrote on line {{line}} with credentials {{what}} at build time: they are already expired when the container runs ({{session}} ends {{phrase}}). Fetch credentials at runtime, or let the SDK use the task or instance role.',
  dockerBuildTimeFetch:
    'This RUN step {{what}} at build time: the credentials are baked into the image and are already expired when the container runs ({{session}} ends {{phrase}}). Fetch credentials at runtime, or let the SDK use the task or instance role.',
  dockerKeyFileCopy:
    '{{keyword}} puts {{path}} into the image ({{what}}): a long-lived key shipped to everyone who can pull the image. Mount it at runtime (a secret or a volume), or use workload identity.',
  dockerCredentialPath:
    '{{name}} points at {{path}}, which {{keyword}} on line {{line}} puts into the image: a long-lived key shipped to everyone who can pull the image. Mount it at runtime (a secret or a volume), or use workload identity.',
  dockerRuntimeExport:
    'This {{keyword}} fetches credentials when the container starts and exports them as AWS_* variables for the main process: they stop working when the session ends ({{phrase}}) and nothing refreshes them. Let the SDK read the endpoint itself instead of exporting variables.',
  useSecretMount:
    'Remove ENV {{name}} and pass it to the RUN steps with --mount=type=secret,id={{id}},env={{name}} (build with --secret id={{id}},env={{name}}).',
  removeBuildStep: 'Remove this RUN step (the SDK reads the task or instance role when the container runs).',
  removeLine: 'Remove this line (use a profile or role instead).',
} as const;

export type EmbeddedMessageId = keyof typeof EMBEDDED_MESSAGES;

const DATE = (date: Date): string => date.toISOString().slice(0, 10);

/** messageId and data for a finding of src/analysis/credential-sites.ts. */
export function describeFinding(
  finding: CredentialFinding<unknown>,
  now = Date.now(),
): { messageId: EmbeddedMessageId; data: Record<string, string> } {
  const preview = maskSecret(finding.secret);
  switch (finding.kind) {
    case 'jwt':
      return {
        messageId: finding.expiresAt!.getTime() <= now ? 'jwtExpired' : 'jwtExpires',
        data: { preview, date: DATE(finding.expiresAt!) },
      };
    case 'azureSas':
      if (!finding.expiresAt) return { messageId: 'azureSas', data: { date: 'its se= date' } };
      return {
        messageId: finding.expiresAt.getTime() <= now ? 'azureSasExpired' : 'azureSas',
        data: { date: DATE(finding.expiresAt) },
      };
    case 'azureAccountKey':
      return {
        messageId: 'azureAccountKey',
        data: { preview: maskSecret(finding.secret.slice('AccountKey='.length)) },
      };
    case 'bundledCredential':
      return {
        messageId: 'bundledCredential',
        data: { name: finding.name ?? '', bundler: finding.bundler ?? 'the bundler' },
      };
    default:
      return {
        messageId: finding.kind satisfies Exclude<
          CredentialKind,
          'jwt' | 'azureSas' | 'azureAccountKey' | 'bundledCredential'
        >,
        data: { preview },
      };
  }
}

/** Kinds whose value is a dead or dying snapshot: removing the line is the fix. */
export const TEMPORARY_KINDS: ReadonlySet<CredentialKind> = new Set([
  'temporaryKeyId',
  'temporarySecretKey',
  'sessionToken',
  'googleAccessToken',
  'jwt',
  'azureSas',
]);

/**
 * What no-embedded-credentials still reports in test code under `testCode: 'skip'`: long-lived cloud keys, which
 * leak from a test file as from any other. Dead or dying snapshots (JWTs, session tokens, SAS), test signing keys,
 * and Dockerfile build-step findings in test data are fixtures there.
 */
export const KEPT_IN_TEST_CODE: ReadonlySet<EmbeddedMessageId> = new Set([
  'longLivedKey',
  'secretKey',
  'refreshToken',
  'azureAccountKey',
  'googleKeyFile',
]);

const SUGGESTION_IDS: ReadonlySet<EmbeddedMessageId> = new Set(['useSecretMount', 'removeBuildStep', 'removeLine']);

/**
 * Why the codemod leaves every finding of this rule to a person (completes "Left to you because ...").
 */
export const MANUAL_REASONS: Readonly<Record<string, string>> = Object.fromEntries(
  (Object.keys(EMBEDDED_MESSAGES) as EmbeddedMessageId[])
    .filter((id) => !SUGGESTION_IDS.has(id))
    .map((id) => [
      id,
      'removing a credential (or the build step that fetched one) is a decision about deployment, where the credentials come from instead, and a key that was written down must be revoked or rotated too',
    ]),
);
