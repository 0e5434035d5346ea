import type { SessionId } from './sessions.js';
import type { ApiRef, WebIdentityTokenOption } from './types.js';

/**
 * A token file another platform mounts into the container and rewrites before the token expires. The app hands its
 * text to a library itself (a driver's `token` option), so the text read once and kept (a pool, a module variable)
 * goes stale while the file stays current.
 */
export interface PlatformTokenFile {
  readonly path: string;
  readonly session: SessionId;
  /** One sentence for messages: where to read the file instead. */
  readonly fix: string;
  readonly source: string;
}

/**
 * Token files that Kubernetes projects into a pod and rotates: IRSA on EKS (`AWS_WEB_IDENTITY_TOKEN_FILE`, by
 * default `/var/run/secrets/eks.amazonaws.com/serviceaccount/token`), Azure workload identity
 * (`AZURE_FEDERATED_TOKEN_FILE`), a pod's own service-account token and any `serviceAccountToken` projected volume
 * (`/var/run/secrets/tokens/...`, the path GKE and Vault examples use). The kubelet writes a fresh token into the file
 * before the old one expires, so the text read once at start-up goes stale while the file stays current.
 */
export const PROJECTED_TOKEN_FILES = {
  environmentVariables: ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AZURE_FEDERATED_TOKEN_FILE'],
  pathPattern:
    /^\/var\/run\/secrets\/(?:eks\.amazonaws\.com\/serviceaccount|kubernetes\.io\/serviceaccount|tokens)\/[\w.-]+$/,
  /** Calls that return a file's text (`fs.readFileSync(path, 'utf8')`, `await readFile(path)`). */
  reads: [
    { modules: ['fs', 'node:fs', 'fs-extra', 'graceful-fs'], path: ['readFileSync'] },
    { modules: ['fs/promises', 'node:fs/promises', 'fs-extra'], path: ['readFile'] },
    { modules: ['fs', 'node:fs'], path: ['promises', 'readFile'] },
  ] as const satisfies readonly ApiRef[],
  /** Calls on the text that keep it (`.toString()`, `.trim()`). */
  textMethods: ['toString', 'trim'],
  session: 'projected-service-account-token',
  /** Files of other platforms, read the same ways; their text goes to the app's own libraries, not an SDK source. */
  platformFiles: [
    {
      path: '/snowflake/session/token',
      session: 'snowflake-spcs-token',
      fix: 'Read `/snowflake/session/token` again for each new connection (build the connection options where the connection is made, not once for a pool): Snowpark Container Services keeps the file current.',
      source:
        'https://docs.snowflake.com/en/developer-guide/snowpark-container-services/additional-considerations-services-jobs (Connecting to Snowflake: the OAuth token in /snowflake/session/token); https://docs.snowflake.com/en/user-guide/snowpipe-streaming/snowpipe-streaming-high-performance-spcs ("a short-lived workload-identity bearer token ... The platform rotates this token automatically")',
    },
  ] satisfies readonly PlatformTokenFile[],
  source:
    'https://kubernetes.io/docs/concepts/storage/projected-volumes/#serviceaccounttoken; https://docs.aws.amazon.com/eks/latest/userguide/pod-configuration.html (AWS_WEB_IDENTITY_TOKEN_FILE, /var/run/secrets/eks.amazonaws.com/serviceaccount/token); https://azure.github.io/azure-workload-identity/docs/quick-start.html (AZURE_FEDERATED_TOKEN_FILE)',
} as const;

/** What STS answers `AssumeRoleWithWebIdentity` with an expired token (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html, Errors). */
const WEB_IDENTITY_TOKEN_EXPIRED = 'ExpiredTokenException (the web identity token that was passed is expired)';

/** v2 `new AWS.WebIdentityCredentials({ WebIdentityToken })`: `refresh()` sends `params.WebIdentityToken` as it is. */
export const V2_WEB_IDENTITY_TOKEN: WebIdentityTokenOption = {
  option: 'WebIdentityToken',
  renewedBy: { code: 'new AWS.TokenFileWebIdentityCredentials()', imports: [] },
  symptom: WEB_IDENTITY_TOKEN_EXPIRED,
  source:
    'aws/aws-sdk-js: lib/credentials/web_identity_credentials.js ("The SDK does not manage refreshing of the token value"), lib/credentials/token_file_web_identity_credentials.js (load() reads the file with readFileSync at each refresh)',
};

/** v3 `fromWebToken({ webIdentityToken })`: each call of the provider sends the same text. */
export const V3_WEB_IDENTITY_TOKEN: WebIdentityTokenOption = {
  option: 'webIdentityToken',
  renewedBy: {
    code: 'fromTokenFile()',
    imports: [{ module: '@aws-sdk/credential-providers', name: 'fromTokenFile' }],
  },
  symptom: WEB_IDENTITY_TOKEN_EXPIRED,
  source:
    'aws/aws-sdk-js-v3: packages/credential-provider-web-identity/src/fromWebToken.ts (sends init.webIdentityToken), src/fromTokenFile.ts (readFileSync(webIdentityTokenFile) at each call)',
};

/** STS `AssumeRoleWithWebIdentity` itself (v3 command, v2 method): the request sends `WebIdentityToken` as given. */
export const V3_STS_WEB_IDENTITY_TOKEN: WebIdentityTokenOption = {
  ...V3_WEB_IDENTITY_TOKEN,
  option: 'WebIdentityToken',
  source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (WebIdentityToken)',
};
export const V2_STS_WEB_IDENTITY_TOKEN: WebIdentityTokenOption = {
  ...V2_WEB_IDENTITY_TOKEN,
  source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (WebIdentityToken)',
};
