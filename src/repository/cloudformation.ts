import path from 'node:path';
import { cite, relativePath, roleNameOfArn } from './cite.js';
import { debug } from './debug.js';
import type { DockerImages } from './images.js';
import type { ComputeUnit, Extracted, InfraRole } from './types.js';
import { isRecord, type Json, type YamlDocument } from './yaml-documents.js';

/** Is this document a CloudFormation or SAM template? */
export function isTemplate(value: unknown): value is Json {
  if (!isRecord(value) || !isRecord(value.Resources)) return false;
  return (
    'AWSTemplateFormatVersion' in value ||
    'Transform' in value ||
    Object.values(value.Resources).some((r) => isRecord(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::'))
  );
}

interface Template {
  readonly root: string;
  readonly file: string;
  readonly document: YamlDocument;
  /** Path of the template object inside the document (`['resources']` in serverless.yml). */
  readonly at: readonly (string | number)[];
  readonly images: DockerImages;
}

/** Roles and compute units of a CloudFormation/SAM template (`AWS::IAM::Role`, Lambda, SAM functions, ECS tasks). */
export function extractTemplate(template: Template, value: Json): Extracted {
  const resources = isRecord(value.Resources) ? value.Resources : {};
  const roles = new Map<string, InfraRole>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (isRecord(resource) && resource.Type === 'AWS::IAM::Role')
      roles.set(logicalId, role(template, logicalId, isRecord(resource.Properties) ? resource.Properties : {}));
  }
  const roleAt = (value: unknown) => roleOf(value, roles);
  const units: ComputeUnit[] = [];
  const globals = isRecord(value.Globals) && isRecord(value.Globals.Function) ? value.Globals.Function : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isRecord(resource)) continue;
    const props = isRecord(resource.Properties) ? resource.Properties : {};
    const unit =
      resource.Type === 'AWS::Serverless::Function'
        ? samFunction(template, logicalId, { ...globals, ...props }, roleAt, resource)
        : resource.Type === 'AWS::Lambda::Function'
          ? lambdaFunction(template, logicalId, props, roleAt)
          : resource.Type === 'AWS::ECS::TaskDefinition'
            ? taskDefinition(template, logicalId, props, roleAt)
            : null;
    if (unit) units.push(unit);
  }
  return { roles: [...roles.values()], units };
}

function role(template: Template, logicalId: string, props: Json): InfraRole {
  const at = [...template.at, 'Resources', logicalId];
  const names = typeof props.RoleName === 'string' ? [props.RoleName] : [];
  const declared = cite(template.root, template.file, template.document.lineOf(at), `${logicalId}: AWS::IAM::Role`);
  const max = props.MaxSessionDuration;
  if (max === undefined) return { id: logicalId, names, declared };
  const seconds = typeof max === 'number' ? max : typeof max === 'string' && /^\d+$/.test(max) ? Number(max) : NaN;
  if (!Number.isInteger(seconds)) {
    debug('%s: %s MaxSessionDuration is not static (%s)', template.file, logicalId, JSON.stringify(max));
    return { id: logicalId, names, declared, maxSessionUnknown: true };
  }
  const line = template.document.lineOf([...at, 'Properties', 'MaxSessionDuration']);
  return {
    id: logicalId,
    names,
    declared,
    maxSessionSeconds: seconds,
    maxSession: cite(template.root, template.file, line, `MaxSessionDuration: ${seconds}`),
  };
}

/** `!GetAtt Role.Arn`, `{ 'Fn::GetAtt': ['Role', 'Arn'] }`, `!Ref Role`, `!Sub '${Role.Arn}'`, or an ARN naming a role's `RoleName`. */
export function roleOf(value: unknown, roles: ReadonlyMap<string, InfraRole>): InfraRole | undefined {
  if (typeof value === 'string') {
    const name = roleNameOfArn(value);
    return name ? [...roles.values()].find((r) => r.names.includes(name)) : undefined;
  }
  if (!isRecord(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  const logical =
    typeof getAtt === 'string'
      ? getAtt.split('.')[0]
      : Array.isArray(getAtt) && typeof getAtt[0] === 'string'
        ? getAtt[0]
        : typeof value.Ref === 'string'
          ? value.Ref
          : typeof value['Fn::Sub'] === 'string'
            ? (/^\$\{([\w]+)\.Arn\}$/.exec(value['Fn::Sub'])?.[1] ?? roleOf(value['Fn::Sub'], roles)?.id)
            : undefined;
  return logical ? roles.get(logical) : undefined;
}

function samFunction(
  template: Template,
  logicalId: string,
  props: Json,
  roleAt: (v: unknown) => InfraRole | undefined,
  resource: Json,
): ComputeUnit | null {
  const dir = path.dirname(template.file);
  const at = [...template.at, 'Resources', logicalId, 'Properties'];
  const metadata = isRecord(resource.Metadata) ? resource.Metadata : {};
  let source: string | null = null;
  let key = 'CodeUri';
  if (typeof props.CodeUri === 'string') source = path.resolve(dir, props.CodeUri);
  else if (props.PackageType === 'Image' && typeof metadata.DockerContext === 'string')
    [source, key] = [path.resolve(dir, metadata.DockerContext), 'DockerContext'];
  else if (props.CodeUri === undefined && props.InlineCode === undefined && typeof props.Handler === 'string')
    [source, key] = [dir, 'Handler'];
  if (!source) {
    debug('%s: %s has no local CodeUri', template.file, logicalId);
    return null;
  }
  const keyPath = key === 'DockerContext' ? [...template.at, 'Resources', logicalId, 'Metadata', key] : [...at, key];
  const line = template.document.lineOf(keyPath);
  const shown = key === 'DockerContext' ? metadata.DockerContext : props[key];
  return lambdaUnit(
    template,
    logicalId,
    props,
    roleAt,
    relativePath(template.root, source) || '.',
    line,
    `${key}: ${String(shown)}`,
  );
}

function lambdaFunction(
  template: Template,
  logicalId: string,
  props: Json,
  roleAt: (v: unknown) => InfraRole | undefined,
): ComputeUnit | null {
  // A local folder in `Code` is what `aws cloudformation package` uploads; `ZipFile` and S3 code have no local source.
  if (typeof props.Code !== 'string') return null;
  const source = path.resolve(path.dirname(template.file), props.Code);
  const line = template.document.lineOf([...template.at, 'Resources', logicalId, 'Properties', 'Code']);
  return lambdaUnit(
    template,
    logicalId,
    props,
    roleAt,
    relativePath(template.root, source) || '.',
    line,
    `Code: ${props.Code}`,
  );
}

function lambdaUnit(
  template: Template,
  logicalId: string,
  props: Json,
  roleAt: (v: unknown) => InfraRole | undefined,
  source: string,
  line: number,
  text: string,
): ComputeUnit {
  const variables =
    isRecord(props.Environment) && isRecord(props.Environment.Variables) ? props.Environment.Variables : {};
  const roleEnvironment: Record<string, InfraRole> = {};
  for (const [name, value] of Object.entries(variables)) {
    const target = roleAt(value);
    if (target) roleEnvironment[name] = target;
  }
  const role = roleAt(props.Role);
  return {
    platform: 'lambda',
    label: `the Lambda function \`${logicalId}\``,
    declared: cite(template.root, template.file, line, text),
    paths: [source],
    roleEnvironment,
    ...(role ? { role } : {}),
  };
}

function taskDefinition(
  template: Template,
  logicalId: string,
  props: Json,
  roleAt: (v: unknown) => InfraRole | undefined,
): ComputeUnit | null {
  const containers = Array.isArray(props.ContainerDefinitions) ? props.ContainerDefinitions.filter(isRecord) : [];
  const roleEnvironment: Record<string, InfraRole> = {};
  const paths: string[] = [];
  for (const container of containers) {
    const image =
      typeof container.Image === 'string'
        ? container.Image
        : isRecord(container.Image) && typeof container.Image['Fn::Sub'] === 'string'
          ? container.Image['Fn::Sub']
          : null;
    paths.push(...(image ? (template.images.sourcesOf(image) ?? []) : []));
    for (const variable of Array.isArray(container.Environment) ? container.Environment.filter(isRecord) : []) {
      const target = roleAt(variable.Value);
      if (typeof variable.Name === 'string' && target) roleEnvironment[variable.Name] = target;
    }
  }
  if (paths.length === 0) {
    debug('%s: %s runs no image built from this repository', template.file, logicalId);
    return null;
  }
  const at = [...template.at, 'Resources', logicalId, 'Properties', 'TaskRoleArn'];
  const role = roleAt(props.TaskRoleArn);
  return {
    platform: 'ecs',
    label: `the ECS task \`${logicalId}\``,
    declared: cite(
      template.root,
      template.file,
      template.document.lineOf(at),
      'TaskRoleArn' in props
        ? `TaskRoleArn: ${role ? `!GetAtt ${role.id}.Arn` : '…'}`
        : `${logicalId}: AWS::ECS::TaskDefinition`,
    ),
    paths,
    roleEnvironment,
    ...(role ? { role } : {}),
  };
}
