import type { ApiRef, CredentialMethod, RefreshingClass } from './types.js';

const IDENTITY = '@azure/identity';
const SRC = 'Azure/azure-sdk-for-js: sdk/identity/identity/src';

function credential(name: string): RefreshingClass {
  return { id: `azure:${name}`, ecosystem: 'azure', api: { modules: [IDENTITY], path: [name] }, session: 'azure-access-token', source: `${SRC}/credentials` };
}

/** `TokenCredential` implementations: SDK clients refresh them through the token cycler (shared/DOMAIN.md §0.4, §1.5). */
export const AZURE_CREDENTIAL_CLASSES: readonly RefreshingClass[] = [
  'DefaultAzureCredential',
  'ManagedIdentityCredential',
  'WorkloadIdentityCredential',
  'ClientSecretCredential',
  'ClientCertificateCredential',
  'EnvironmentCredential',
  'AzureCliCredential',
  'ChainedTokenCredential',
  'InteractiveBrowserCredential',
  'DeviceCodeCredential',
  'OnBehalfOfCredential',
].map(credential);

/** `getBearerTokenProvider(credential, scopes)`: a function that returns a fresh token on every call. */
export const AZURE_BEARER_TOKEN_PROVIDER: ApiRef = { modules: [IDENTITY], path: ['getBearerTokenProvider'] };

export const AZURE_TOKEN_METHODS: readonly CredentialMethod[] = [
  {
    id: 'azure:getToken',
    ecosystem: 'azure',
    method: 'getToken',
    receivers: AZURE_CREDENTIAL_CLASSES.map((c) => c.api),
    gateModules: [IDENTITY, '@azure/core-auth'],
    yields: 'access-token',
    session: 'azure-access-token',
    replacement: {
      code: 'getBearerTokenProvider(credential, scope)',
      imports: [{ module: IDENTITY, name: 'getBearerTokenProvider' }],
    },
    source: 'Azure/azure-sdk-for-js: sdk/core/core-auth/src/tokenCredential.ts; sdk/identity/identity/src/tokenProvider.ts',
  },
];

/** `AccessToken` fields that carry the expiry. */
export const AZURE_EXPIRY_FIELDS = ['expiresOnTimestamp', 'refreshAfterTimestamp'] as const;
