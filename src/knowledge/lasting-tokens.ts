/**
 * OAuth exchanges whose access token does not expire unless the app opted in to expiring tokens, and then the same
 * response says so. Slack's `oauth.v2.access` (and the classic `oauth.access`) return a bot or user token that lives
 * until it is revoked; with token rotation turned on the response adds `expires_in` (12 h) and `refresh_token`.
 * A token from such an exchange kept for good is no defect unless the code shows the expiring shape.
 */
export interface LastingTokenIssuer {
  readonly id: string;
  /** Method paths of the issuer's SDK client, ending the callee (`client.oauth.v2.access(...)`). */
  readonly methodPaths: readonly (readonly string[])[];
  /** The exchange's URL when it is fetched by hand, tested against the URL as far as it is known statically. */
  readonly urlPattern: RegExp;
  /** Fields the response carries only when its token expires: read anywhere beside the token, it does. */
  readonly expiringFields: readonly string[];
  readonly source: string;
}

export const LASTING_TOKEN_ISSUERS: readonly LastingTokenIssuer[] = [
  {
    id: 'slack-oauth',
    methodPaths: [
      ['oauth', 'v2', 'access'],
      ['oauth', 'access'],
    ],
    urlPattern: /\/\/(?:[\w-]+\.)?slack\.com\/api\/oauth\.(?:v2\.)?access(?![\w.])/,
    expiringFields: ['expires_in', 'refresh_token', 'expiresIn', 'refreshToken'],
    source:
      'https://api.slack.com/methods/oauth.v2.access (access_token; expires_in and refresh_token only with token rotation); https://api.slack.com/authentication/rotation ("tokens that do not expire" unless rotation is enabled); slackapi/node-slack-sdk: packages/web-api/src/types/response/OauthV2AccessResponse.ts',
  },
];
