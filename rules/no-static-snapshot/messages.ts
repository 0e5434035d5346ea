import { EXPIRY_SYMPTOMS } from '../../src/knowledge/index.js';
import { ASK_EACH_CALL_MESSAGE } from '../token-memo-utils/memo-return.js';

/** What AWS answers a request signed with expired keys. */
const AWS_EXPIRED = EXPIRY_SYMPTOMS.aws.text;

/**
 * The texts of no-static-snapshot, one per shape. Each says what fails and when; `{{session}}` / `{{phrase}}`
 * come from the knowledge base's session table (or the `platform` / `sessionSeconds` settings).
 */
export const SNAPSHOT_MESSAGES = {
  storedCredentials: `Credentials resolved once from {{source}} are kept {{where}}; nothing calls the provider again, so they stop working when {{session}} ends ({{phrase}}) and calls made with them then fail with ${AWS_EXPIRED}. Pass the provider \`{{provider}}\` where credentials are expected, or resolve it per request.`,
  copiedCredentials: `Keys copied from credentials resolved once by {{source}} are kept {{where}}; they stop working when {{session}} ends ({{phrase}}) and calls made with them then fail with ${AWS_EXPIRED}. Pass the provider \`{{provider}}\` where the client accepts one, or rebuild the client from a fresh resolution before the keys expire.`,
  sharedClientCredentials:
    '`{{call}}` hands another client a one-time copy of the credentials: that client never refreshes them, so its calls fail when {{session}} ends ({{phrase}}). Share the function `{{provider}}` instead.',
  staticWrapper:
    '`{{wrapper}}()` wraps credentials resolved once from {{source}} and never calls the source again, so they stop working when {{session}} ends ({{phrase}}). Pass the provider `{{provider}}` instead.',
  memoizeForever:
    '`{{wrapper}}()` with one argument keeps the first credentials from {{source}} forever, so they stop working when {{session}} ends ({{phrase}}). Give it the expiry checks, or pass `{{provider}}` itself (the client memoizes and refreshes it).',
  providerDropsExpiration:
    'This credentials function returns keys copied from {{source}} without `expiration`, so the SDK calls it only once and keeps the first keys; they stop working when {{session}} ends ({{phrase}}). Return `expiration` too.',
  stsCopied: `The output of {{service}} {{operation}} is copied into static credentials kept {{where}}; nothing calls {{service}} again, so they stop working {{phrase}} and calls then fail with ${AWS_EXPIRED}. Use \`{{replacement}}\`, which sends {{operation}} again before expiry.`,
  loginTokenCaptured:
    '`{{token}}` is captured once in the `{{option}}` of `{{source}}`: each refresh sends this same token again, and once it has expired ({{tokenPhrase}}) Cognito answers {{symptom}}, so the credentials stop renewing when {{session}} ends ({{phrase}}). {{fix}}.',
  googleClientTokenCopied:
    '`{{read}}` copies the access token the auth client holds now, and the copy is kept {{where}}: it stops working {{phrase}}, while the client replaces its own `credentials` when it refreshes. Ask the client when each request is made (`{{replacement}}`).',
  staticProviderKeys:
    '`{{sink}}()` is given temporary keys (the session token `{{token}}`) and hands out those same keys forever; what is built with it is kept {{where}} and signs with them until {{session}} ends ({{phrase}}), then every connection or reconnection is refused (ExpiredToken, 403). Use {{replacement}}.',
  keptInSignInSession:
    'Credentials resolved once from {{source}} {{where}} are stored with {{keeper}} and read back on every later request of it; they stop working when {{session}} ends ({{phrase}}), long before the session does. Keep the refreshing source on the server and resolve it where the keys are used, or store their `expiration` with them and resolve them again {{again}}.',
  tokenFileReadOnce:
    '`{{token}}` is the text of the token file `{{file}}` read once and handed to `{{source}}` as a fixed `{{option}}`: {{each}} sends that same token, and once it has expired ({{tokenPhrase}}) STS answers {{symptom}}, so the credentials stop renewing when {{session}} ends ({{phrase}}). Use `{{replacement}}`, which reads the file again at each refresh.',
  v2FieldsCopied:
    'Keys copied out of the refreshing `{{object}}` into {{sink}} make static credentials: the live object refreshes, the copy never does, so it stops working when {{session}} ends ({{phrase}}). Pass the object itself.',
  fetchedCredentialsCopied:
    'Keys of {{what}} are copied into {{sink}}, static credentials that never fetch them again: they stop working {{phrase}} and every call then fails with ExpiredToken. {{fix}}',
  v2ChainCopied: `Keys copied out of the credentials this provider chain resolves are kept {{where}}; the copy never refreshes, so it stops working when {{session}} ends ({{phrase}}) and calls signed with it fail with ${AWS_EXPIRED}. Keep the live credentials object, call \`.get()\` before each use and re-read its keys, or pass the object itself.`,
  googleNoRefresh:
    '`{{call}}` sets an access token without `{{refreshField}}` and no `{{handler}}` is assigned: the client sends the same token until it expires ({{phrase}}), then every call fails with 401 and nothing recovers. Assign `{{handler}}` or use the auth client that issued the token.',
  identityTokenKept:
    'This keeps {{what}}, asked for once, {{where}}: the SDK renews the token only when it is asked again, so the kept copy stops working {{lifetime}} and every request with it then fails with {{symptom}}. {{fix}}',
  googleTokenStored:
    'What `{{method}}()` returned (the {{what}}) is kept {{where}} and stops working {{phrase}}; the auth client refreshes, a stored copy does not. Call `{{method}}()` when each request is made (the client caches and refreshes the token).',
  writtenToOutlivingSink:
    '{{what}} written to {{sink}}, which outlives {{them}}: whoever reads it after {{session}} ends ({{phrase}}) gets {{error}}, and nothing there can refresh {{them}}. {{instead}}',
  copiedIntoEnvironment:
    '{{what}} copied into `process.env.{{variable}}` of a process that keeps running: every {{reader}} built later reads it as it is and nothing renews it, so it stops working when {{session}} ends ({{phrase}}) and calls then fail with {{error}}. {{instead}}',
  cliOutputKept:
    'What `{{command}}` printed ({{what}}) is kept {{where}}; nothing runs the command again, so it stops working when {{session}} ends ({{phrase}}) and calls then fail with ExpiredToken (or 401). {{instead}}.',
  capturedByLongLivedCallback:
    '{{what}} read by {{callback}}, which {{start}} registers for the life of the process: every call gets the same copy, which stops working when {{session}} ends ({{phrase}}) while the process keeps running, and calls then fail with {{error}}. {{instead}}',
  capturedProvider:
    'The `{{option}}` function returns what {{source}} resolved once, captured from outside it: the object that calls it for fresh credentials or a fresh token gets the same copy every time, and it stops working when {{session}} ends ({{phrase}}). Call {{source}} inside the function instead.',
  capturedTokenProvider:
    'The `{{option}}` function returns {{what}}, fetched once outside it: the client calls the function whenever it needs a fresh token and gets the same one every time, so it stops authenticating {{phrase}}. Fetch the token inside the function (keep it with its expiry there and fetch again before then).',
  keysHandedOnce:
    '`{{call}}` hands the connection {{what}} once, and nothing hands it fresh ones: it signs every reconnect with them, so it stops authenticating {{phrase}}. Hand it freshly resolved keys again from a timer or its `reconnect` handler, before they expire.',
  keysReadOnReconnect: `Each reconnect signs with the keys read here off \`{{object}}\`, but nothing on that path reloads the object (\`get()\`): once {{session}} ends ({{phrase}}) it still holds the expired keys, and every later connection fails with ${AWS_EXPIRED}. Call \`{{object}}.get()\` on each reconnect (it refreshes expired keys) and read the keys in its callback.`,
  fixedCalledAgainOption:
    '{{what}} handed as a fixed value to `{{option}}` of `{{client}}`, kept {{where}}: the client sends that same value on {{per}}, so it stops working {{phrase}} and calls then get {{error}}. Give `{{option}}` the function form the client calls again on {{per}} ({{functionForm}}).',
  tokenKeptByClient:
    '{{what}} from `{{source}}` is built into `{{client}}`, which is kept {{where}}: the client sends that same token with every call and cannot renew it, so it stops working {{phrase}} and every call then fails with 401 Unauthorized. {{instead}}',
  helperResultKept:
    '`{{helper}}` returns {{what}} resolved once (from {{from}}), and its result is kept {{where}}: nothing calls `{{helper}}` again, so it stops working when {{session}} ends ({{phrase}}) and calls then fail with ExpiredToken (or 401). Call `{{helper}}` where the value is used, or have it return the provider or client instead of its result.',
  passProvider: 'Pass the provider `{{provider}}` instead of its resolved value.',
  askOptionPerUse:
    'Give `{{option}}` a function that returns this same expression: the client calls it on each use, and the source hands back a fresh token once the old one nears expiry.',
  useAuthStrategy:
    'Build `{{client}}` with `authStrategy: {{strategy}}` and the options the token was asked with: it asks the strategy for a token on each request, and the strategy caches and renews it.',
  // A memo of a renewing token: the one text and rewrite no-module-token-cache offers for other self-caching calls.
  askEachCall: ASK_EACH_CALL_MESSAGE,
  askAtUse:
    'Ask `{{ask}}` where the token is sent instead of reading `{{state}}`: the SDK answers from its cache and renews the token once it nears expiry; `{{state}}` stays for the tests and as what is sent {{fallback}}, as before.',
  fetchInProvider: 'Call `{{call}}` inside the function, so that each time the client asks it gets a fresh token.',
  resolveAtUse:
    'Keep the provider `{{provider}}` and call it in each callback that reads its credentials: it keeps them until they are close to expiry, then resolves fresh ones.',
  resolveInProvider:
    'Call `{{call}}` inside the function, so that each time the client asks it gets credentials resolved then.',
  keepOwnCredentials:
    'Remove this call: `{{client}}` already holds the token `getAccessToken()` returned, with what refreshes it; setting the bare token throws that away.',
  passLiveObject: 'Pass the live credentials object `{{object}}` itself.',
  leaveOutMasterCredentials:
    'Leave out `masterCredentials`: `ChainableTemporaryCredentials` then uses the live `{{object}}` itself.',
  useMetadataCredentials: 'Use `{{replacement}}`, which fetches the same keys and again before they expire.',
  passGlobalCredentials:
    'Pass `{{object}}` itself, after checking that it holds a refreshing `AWS.Credentials` here: its type also allows plain keys and null.',
  addExpiryChecks: 'Add the expiry checks so the memo refreshes {{window}} before expiry.',
  useRefreshingSource: 'Use `{{replacement}}` instead.',
  renewFromSameSource:
    'Use `{{replacement}}` instead: it sends the same request with the same source credentials again before the session ends.',
  checkExpiration:
    'Keep `expiration` with `{{name}}` and resolve again once it is less than {{margin}} away (long-term keys, which have none, stay as they are).',
} as const;

export type SnapshotMessageId = keyof typeof SNAPSHOT_MESSAGES;

/** Suggestions that keep meaning in practice; the codemod applies them like fixes. */
export const MIGRATION_SAFE_SUGGESTIONS: readonly SnapshotMessageId[] = [
  'passProvider',
  'passLiveObject',
  'leaveOutMasterCredentials',
  'useMetadataCredentials',
  'addExpiryChecks',
  // The cache keeps its value and type; it resolves again where the SDK itself would (5 min before `expiration`).
  'checkExpiration',
  // The same role and session name (literals, environment variables, module constants) from an STS client built with
  // the default credentials, which the renewing object uses as its source too.
  'renewFromSameSource',
  // The client calls a token-provider option whenever it needs a token: fetching there is what the option is for.
  'fetchInProvider',
  // The same for credentials: the option is called whenever the client signs, and now resolves them there.
  'resolveInProvider',
  // A provider that caches until near `expiration`, asked in each callback instead of once before registering it.
  'resolveAtUse',
  // The client keeps the same token it handed out, and its refresh token: its requests send the same token, then renew.
  'keepOwnCredentials',
  // The same installation's token, asked for by the client's own strategy per request (cached and renewed there).
  'useAuthStrategy',
  // The option's documented function form, returning the same expression: the client asks it where it used the value.
  'askOptionPerUse',
  // The SDK asked where the kept token is sent, the kept value sent only where it has none: the same token until it
  // nears expiry, then a renewed one.
  'askAtUse',
  // The memo's early return goes, so each call asks the SDK, which answers from its cache (token-memo-utils/memo-return.ts).
  'askEachCall',
];

/**
 * Why the codemod leaves a finding of this shape to a person when no suggestion applies (completes "Left to you
 * because ..."): the fact or decision the change needs that the code does not hold.
 */
export const MANUAL_REASONS: Partial<Record<SnapshotMessageId, string>> = {
  storedCredentials:
    'no refreshing form fits where the value goes: it is read elsewhere too, spread into options, or handed to a library that takes resolved keys only, and which renewal that code needs is a choice about it',
  copiedCredentials:
    'the keys go to a library or connection that takes keys, not a provider (a request signer, a storage or database client, an opened socket): renewing them means rebuilding that object before the session ends, and when and where depends on how the app uses it',
  helperResultKept:
    "the helper's result is kept by its caller: making the helper hand out a provider instead changes what every caller gets",
  v2ChainCopied:
    'the keys leave the v2 credentials object for something that takes keys only: handing it the live object needs that library to call `get()` itself, which it does not',
  stsCopied:
    'the request or its STS client is not one a renewing provider could send again as written (a role, token or client from a parameter, a login or a variable that changes), so which source renews it is a choice',
  loginTokenCaptured:
    "a fresh login token comes from the app's own sign-in (the user's session or the identity provider's refresh), which no rewrite here can call",
  googleNoRefresh:
    'the client needs a refresh token or a `refreshHandler` returning a token with its expiry time, and only the app knows which source gives both',
  identityTokenKept:
    'the kept token is read where asking the SDK per use does not fit as written (while rendering, in sync code, or handed on as a prop, a context value or a signal), or from a memo that also keeps tokens from elsewhere or does other work when it fills, or it is written to browser or device storage or a global that other code reads (after a reload too), so where to ask it is a change to those readers',
  googleTokenStored:
    'the stored token is read where a call per use does not fit as written (outside an async function, or handed on as a value)',
  writtenToOutlivingSink:
    'what reads the file, bundle constant, CI output or browser storage runs outside this code: where those readers get fresh credentials is a decision about deployment',
  copiedIntoEnvironment:
    'every client the process builds later reads these variables: giving them a refreshing provider instead changes those clients or the start-up, which this code does not show',
  cliOutputKept:
    "the command's output has no refreshing equivalent here: an SDK provider for the same profile or role must take its place, and which one is the team's choice",
  keysHandedOnce:
    "the connection takes keys, not a provider: fresh keys must be handed to it again before the session ends (a timer or its reconnect event), and that schedule is the app's decision",
  keysReadOnReconnect:
    "the keys are read on a reconnect path the connection library drives: reloading the object there (`get()`, asynchronous) has to fit that library's callbacks",
  keptInSignInSession:
    "the session is the sign-in library's: where the keys are used instead (or when they are resolved again) is the app's design",
  tokenFileReadOnce:
    'the option takes the token as text read once: reading it again at each use means switching to a provider that reads the file itself, whose options differ',
  staticProviderKeys:
    "the library's refreshing provider is built from a source of credentials, not from keys, and which source gave these keys is not in reach",
  capturedByLongLivedCallback:
    'the value is read inside a callback registered for the life of the process: asking the source there may make the callback asynchronous, and whether its caller awaits it is not in the code',
  capturedProvider:
    'the value the function returns is resolved by code outside it that it cannot repeat as written, or is read elsewhere too',
  capturedTokenProvider: 'the token is fetched by code the function cannot repeat as written, or is read elsewhere too',
  tokenKeptByClient:
    'no strategy of the client can ask the same source again as the code stands (the token comes from a function of the app, or the request is not one the strategy repeats), so the client must be rebuilt before the token expires, on a schedule only the app knows',
  fetchedCredentialsCopied:
    'the keys come from a request made by hand whose refreshing replacement depends on where the code runs (instance, task, or another endpoint)',
};
