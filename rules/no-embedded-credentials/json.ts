import { assessValues, type ValueSite } from '../../src/analysis/credential-sites.js';
import { holdsPrivateKey, isTokenLike } from '../../src/analysis/secret-scan.js';
import { EXTERNAL_ACCOUNT_EC2_METADATA, GOOGLE_CREDENTIAL_FILE_TYPES } from '../../src/knowledge/secrets.js';
import { readSettings } from '../../src/settings.js';
import { type EmbeddedContext, type Located, type ReportProblem, reportFindings } from './context.js';
import { nameValuePair } from './name-value.js';

/** The few @eslint/json (momoa) node shapes this check reads. */
interface JsonNode extends Located {
  type: string;
}
interface JsonString extends JsonNode {
  type: 'String';
  value: string;
}
interface JsonMember extends JsonNode {
  type: 'Member';
  name: JsonString | (JsonNode & { type: 'Identifier'; name: string });
  value: JsonValue;
}
interface JsonObject extends JsonNode {
  type: 'Object';
  members: JsonMember[];
}
interface JsonArray extends JsonNode {
  type: 'Array';
  elements: (JsonNode & { value: JsonValue })[];
}
type JsonValue = JsonString | JsonObject | JsonArray | JsonNode;

const memberName = (member: JsonMember): string =>
  member.name.type === 'String' ? member.name.value : (member.name as { name: string }).name;
const isString = (node: JsonValue): node is JsonString => node.type === 'String';
const isObject = (node: JsonValue): node is JsonObject => node.type === 'Object';
const isArray = (node: JsonValue): node is JsonArray => node.type === 'Array';

function member(object: JsonObject, name: string): JsonMember | undefined {
  return object.members.find((candidate) => memberName(candidate) === name);
}

function stringMember(object: JsonObject, name: string): string | undefined {
  const found = member(object, name)?.value;
  return found && isString(found) ? found.value : undefined;
}

/** Every string value with the name it is stored under; `{ "name": X, "value": Y }` pairs count as X = Y. */
function collectSites(node: JsonValue, sites: ValueSite<JsonNode>[], objects: JsonObject[]): void {
  if (isObject(node)) {
    objects.push(node);
    const siblings = new Set(node.members.map(memberName));
    const pair = nameValuePair(siblings, (name) => stringMember(node, name));
    for (const entry of node.members) {
      const name = pair && memberName(entry) === 'value' ? pair.name : memberName(entry);
      if (isString(entry.value))
        sites.push({ node: entry.value, name, value: entry.value.value, line: entry.value.loc.start.line, siblings });
      else collectSites(entry.value, sites, objects);
    }
  } else if (isArray(node)) {
    for (const element of node.elements) {
      if (isString(element.value))
        sites.push({ node: element.value, name: null, value: element.value.value, line: element.value.loc.start.line });
      else collectSites(element.value, sites, objects);
    }
  }
}

/** Google credential files: a key file's secret member, reported once as a key file (not also as a PEM or token). */
function googleKeyFiles(
  context: EmbeddedContext,
  report: ReportProblem,
  objects: readonly JsonObject[],
  handled: Set<JsonNode>,
): void {
  const platform = readSettings(context.settings).platform;
  for (const object of objects) {
    const type = GOOGLE_CREDENTIAL_FILE_TYPES.find((entry) => entry.type === stringMember(object, 'type'));
    if (!type) continue;
    if (type.secretField === null) {
      externalAccountOnContainers(report, object, platform);
      continue;
    }
    const secret = member(object, type.secretField);
    // A nested authorized_user inside impersonated_service_account's source_credentials is the same secret.
    if (!secret || handled.has(secret.value) || !holdsSecret(secret.value)) continue;
    markHandled(secret.value, handled);
    report({ loc: secret.loc, messageId: 'googleKeyFile', data: { type: type.type, what: type.what } });
  }
}

function holdsSecret(value: JsonValue): boolean {
  if (isString(value))
    return value.value.includes('PRIVATE KEY') ? holdsPrivateKey(value.value) : isTokenLike(value.value);
  return isObject(value) && value.members.some((entry) => holdsSecret(entry.value));
}

function markHandled(node: JsonValue, handled: Set<JsonNode>): void {
  handled.add(node);
  if (isObject(node)) for (const entry of node.members) markHandled(entry.value, handled);
}

/** `external_account` holds no secret; only its EC2-metadata source on a container platform is a (certain) failure. */
function externalAccountOnContainers(report: ReportProblem, object: JsonObject, platform: string | undefined): void {
  const platforms: readonly string[] = EXTERNAL_ACCOUNT_EC2_METADATA.platforms;
  const source = member(object, 'credential_source');
  if (!platform || !platforms.includes(platform) || !source || !isObject(source.value)) return;
  for (const field of EXTERNAL_ACCOUNT_EC2_METADATA.urlFields) {
    const url = stringMember(source.value, field);
    const host = EXTERNAL_ACCOUNT_EC2_METADATA.hosts.find((candidate) => url?.includes(candidate));
    if (!host) continue;
    report({
      loc: source.loc,
      messageId: 'externalAccountOnContainers',
      data: { host, platform, fix: EXTERNAL_ACCOUNT_EC2_METADATA.fix },
    });
    return;
  }
}

/** no-embedded-credentials in JSON (@eslint/json): Google key files, the external_account trap, and credential values. */
export function checkJson(context: EmbeddedContext, report: ReportProblem) {
  return {
    Document(root: { body: JsonValue }) {
      const sites: ValueSite<JsonNode>[] = [];
      const objects: JsonObject[] = [];
      if (isString(root.body))
        sites.push({ node: root.body, name: null, value: root.body.value, line: root.body.loc.start.line });
      else collectSites(root.body, sites, objects);
      const handled = new Set<JsonNode>();
      googleKeyFiles(context, report, objects, handled);
      const findings = assessValues(sites, { loneTemporaryKeyIds: true, bundledNames: true });
      reportFindings(
        report,
        findings.filter((finding) => !handled.has(finding.node)),
      );
    },
  };
}
