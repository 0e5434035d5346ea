/**
 * Sign-in libraries that store what some of the app's callbacks return with the user's session: Auth.js / NextAuth
 * keeps a provider's `profile()` result with the user (and in the session token at sign-in) and the `jwt` callback's
 * return in the encrypted session cookie, which lives 30 days by default (`session.maxAge`). A value resolved there
 * at sign-in is read back on every later request of that session. The `jwt` callback runs again whenever the session
 * is read, so only what it resolves on the sign-in branch (`if (account) ...`) is kept from then on.
 */
export interface SignInCallback {
  readonly property: string;
  /** The property of the options object the callback sits in (`callbacks.jwt`); absent: any object. */
  readonly within?: string;
  /** The callback also runs on every session read: only its sign-in branch keeps what it resolves. */
  readonly signInBranch?: { readonly parameters: readonly string[] };
}

export const SIGN_IN_SESSIONS = {
  modules: ['next-auth', 'next-auth/*', '@auth/*'],
  callbacks: [
    { property: 'profile' },
    {
      property: 'jwt',
      within: 'callbacks',
      signInBranch: { parameters: ['account', 'user', 'profile', 'isNewUser', 'trigger'] },
    },
  ] satisfies readonly SignInCallback[],
  label: "the user's Auth.js session (30 days by default)",
  source:
    'https://authjs.dev/reference/core/providers#profile (what profile() returns is saved as the user); https://authjs.dev/reference/core#jwt ("invoked whenever a JSON Web Token is created (i.e. at sign in) or updated (i.e whenever a session is accessed in the client)"; account, profile and user are given on sign-in only); https://authjs.dev/reference/core#session (maxAge: 30 days by default)',
} as const;
