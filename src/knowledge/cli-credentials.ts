import { entriesOf } from './entries-of.js';
import type { SessionId } from './sessions.js';

/**
 * Cloud CLI commands whose output is temporary credentials or an access token. A program that runs one once (at
 * start-up, in a build config) and keeps what it printed holds a copy that nothing renews: the CLI is not run again.
 */
export interface CliCredentialCommand {
  readonly id: string;
  readonly ecosystem: 'aws' | 'google' | 'azure';
  /** The executable, as its base name (`/usr/local/bin/aws` is `aws`). */
  readonly program: string;
  /** The subcommand words, in order (options may sit between them). */
  readonly words: readonly string[];
  /** `credentials`: JSON with `AccessKeyId`/`SecretAccessKey`/`SessionToken` (top level or under `Credentials`); `token`: an access token. */
  readonly yields: 'credentials' | 'token';
  readonly session: SessionId;
  /** What to use instead, in a sentence's words. */
  readonly instead: string;
  readonly source: string;
}

const AWS_STS_INSTEAD =
  'Use `fromTemporaryCredentials({ params: { RoleArn } })` (or `fromIni({ profile })`), which the SDK calls again before expiry';

export const CLI_CREDENTIAL_COMMANDS = entriesOf<CliCredentialCommand>()([
  {
    id: 'aws-cli:configure-export-credentials',
    ecosystem: 'aws',
    program: 'aws',
    words: ['configure', 'export-credentials'],
    yields: 'credentials',
    session: 'profile',
    instead:
      'Let the SDK resolve the profile itself (`fromIni({ profile })`, or leave `credentials` out), which refreshes it',
    source:
      'https://awscli.amazonaws.com/v2/documentation/api/latest/reference/configure/export-credentials.html (prints the resolved credentials with their Expiration)',
  },
  {
    id: 'aws-cli:sts-assume-role',
    ecosystem: 'aws',
    program: 'aws',
    words: ['sts', 'assume-role'],
    yields: 'credentials',
    session: 'assume-role',
    instead: AWS_STS_INSTEAD,
    source:
      'https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sts/assume-role.html (--duration-seconds, 3600 by default)',
  },
  {
    id: 'aws-cli:sts-assume-role-with-web-identity',
    ecosystem: 'aws',
    program: 'aws',
    words: ['sts', 'assume-role-with-web-identity'],
    yields: 'credentials',
    session: 'web-identity',
    instead: 'Use `fromTokenFile()` or `fromWebToken({ roleArn, webIdentityToken })`, which the SDK calls again',
    source:
      'https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sts/assume-role-with-web-identity.html (3600 s by default)',
  },
  {
    id: 'aws-cli:sts-get-session-token',
    ecosystem: 'aws',
    program: 'aws',
    words: ['sts', 'get-session-token'],
    yields: 'credentials',
    session: 'session-token',
    instead: 'Use a profile with `mfa_serial` through `fromIni({ profile, mfaCodeProvider })`, which the SDK renews',
    source:
      'https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sts/get-session-token.html (43200 s by default, 129600 s at most)',
  },
  {
    id: 'aws-cli:sso-get-role-credentials',
    ecosystem: 'aws',
    program: 'aws',
    words: ['sso', 'get-role-credentials'],
    yields: 'credentials',
    session: 'sso',
    instead: 'Use `fromSSO({ profile })`, which the SDK calls again while the SSO login lasts',
    source:
      'https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sso/get-role-credentials.html (roleCredentials.expiration)',
  },
  {
    id: 'gcloud:auth-print-access-token',
    ecosystem: 'google',
    program: 'gcloud',
    words: ['auth', 'print-access-token'],
    yields: 'token',
    session: 'google-access-token',
    instead: "Use google-auth-library's `new GoogleAuth()` and call `getAccessToken()` where the token is used",
    source:
      'https://cloud.google.com/sdk/gcloud/reference/auth/print-access-token (the token lives 1 h unless --lifetime is given)',
  },
  {
    id: 'gcloud:auth-application-default-print-access-token',
    ecosystem: 'google',
    program: 'gcloud',
    words: ['auth', 'application-default', 'print-access-token'],
    yields: 'token',
    session: 'google-access-token',
    instead: "Use google-auth-library's `new GoogleAuth()` (the same application default credentials), which refreshes",
    source: 'https://cloud.google.com/sdk/gcloud/reference/auth/application-default/print-access-token',
  },
  {
    id: 'az:account-get-access-token',
    ecosystem: 'azure',
    program: 'az',
    words: ['account', 'get-access-token'],
    yields: 'token',
    session: 'azure-access-token',
    instead:
      "Use `@azure/identity`'s `AzureCliCredential` (or `DefaultAzureCredential`) where a credential is expected",
    source:
      'https://learn.microsoft.com/cli/azure/account#az-account-get-access-token (prints accessToken with expiresOn)',
  },
]);

/** The last word of each command: the text gate's trigger for files that may run one. */
export const CLI_CREDENTIAL_WORDS: readonly string[] = [
  ...new Set(CLI_CREDENTIAL_COMMANDS.map((command) => command.words.at(-1)!)),
];

/** node's child_process functions that run a command and return (or call back with) what it printed. */
export const CHILD_PROCESS_RUNNERS = {
  // Not `modules`: importing child_process alone must not open the text gate of every rule (src/analysis/text-gate.ts).
  runnerModules: ['child_process', 'node:child_process'],
  /** The command line is the first argument, split by a shell. */
  commandLine: ['execSync', 'exec'],
  /** The program is the first argument, its arguments an array in the second. */
  programAndArguments: ['execFileSync', 'execFile', 'spawnSync'],
  /** The result's field that holds the output (`spawnSync(...).stdout`); the others return it. */
  outputField: { spawnSync: 'stdout' } as Readonly<Record<string, string>>,
  /** `promisify(exec)` / `util.promisify(execFile)`: a promise of `{ stdout, stderr }`. */
  promisifiers: ['promisify'],
  promisedOutputField: 'stdout',
  /** Methods on the output that keep its text: `execSync(cmd).toString().trim()`. */
  textMethods: ['toString', 'trim', 'trimEnd', 'trimStart'],
  source:
    'https://nodejs.org/api/child_process.html (execSync, execFileSync, spawnSync return stdout; exec/execFile call back with it)',
} as const;
