import {
  HTTP_BODY_PROPERTIES,
  SECRET_CARRYING_FIELDS,
  STS_CREDENTIAL_FIELDS,
  TOKEN_RESPONSE_FIELDS,
  type TokenEndpoint,
  type TokenPaths,
} from '../knowledge/index.js';
import { type FlowNode } from './value-flow.js';

/** The field that carries an AWS metadata document's session token (IMDS and the ECS endpoint: `Token`). */
const METADATA_TOKEN_FIELD = 'Token';

/**
 * Whether a value that went along `path` still carries the secret: the fields read off the source's result are a
 * prefix of one of its `tokenPaths` (`*`: any index). A field read off an object the value was placed in first is
 * the value itself again (`{ sessionToken: t }.sessionToken`); a sibling of it is another secret of the same object
 * only when its name says so (the walk reaches an object once, by whichever of its values came first), and any other
 * sibling (`expiresAt`) carries nothing.
 */
export function alongTokenPath(path: readonly FlowNode[], tokenPaths: TokenPaths): boolean {
  const read: (string | null)[] = [];
  const wrapped: string[] = [];
  for (const { step } of path) {
    if (step.kind === 'property' && step.name !== null) wrapped.push(step.name);
    if (step.kind !== 'field') continue;
    if (wrapped.length === 0) read.push(step.name);
    else if (wrapped.at(-1) === step.name || SECRET_CARRYING_FIELDS.has(step.name ?? '')) wrapped.pop();
    else return false;
  }
  return tokenPaths.some(
    (tokenPath) =>
      read.length <= tokenPath.length && read.every((name, i) => tokenPath[i] === '*' || tokenPath[i] === name),
  );
}

/**
 * Where the secret sits in what a request made by hand to `endpoint` resolves to: a token response's token fields, or a
 * metadata document's keys, read off the body itself (`fetch(url).then((r) => r.json())`) or off the response's body
 * property (axios `res.data.access_token`, got `res.body`).
 */
export function endpointTokenPaths(endpoint: Pick<TokenEndpoint, 'yields'>): TokenPaths {
  const fields =
    endpoint.yields === 'aws-credentials' || endpoint.yields === 'sts-output'
      ? [...STS_CREDENTIAL_FIELDS, METADATA_TOKEN_FIELD]
      : [...TOKEN_RESPONSE_FIELDS];
  const paths =
    endpoint.yields === 'sts-output' ? fields.flatMap((field) => STS_QUERY_PATHS.map((p) => [...p, field])) : [];
  return [...fields.map((field) => [field]), ...paths].flatMap((path) => [
    path,
    ...HTTP_BODY_PROPERTIES.map((body) => [body, ...path]),
  ]);
}

/**
 * STS's query API answers `<Operation>Response.<Operation>Result.Credentials` (XML, or JSON with `Accept:
 * application/json`): https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html.
 */
const STS_QUERY_PATHS: readonly (readonly string[])[] = [['*', '*', 'Credentials'], ['Credentials']];
