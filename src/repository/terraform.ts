import path from 'node:path';
import { createRequire } from 'node:module';
import { cite, lineAt } from './cite.js';
import { debug } from './debug.js';
import type { DockerImages } from './images.js';
import type { Citation, ComputeUnit, Extracted, InfraRole } from './types.js';

/**
 * hcl2-parser: HashiCorp's own HCL v2 parser (through tmccombs/hcl2json) compiled to plain JavaScript, so it
 * parses synchronously and offline, which a lint rule needs (rules cannot await). @cdktf/hcl2json wraps the same
 * converter but only offers an async API backed by WebAssembly. Loaded lazily: repositories without `.tf` files
 * never pay for it.
 */
const require = createRequire(import.meta.url);
let hcl: { parseToObject(input: string): [unknown, unknown] } | undefined;

type Block = Record<string, unknown>;
type Blocks = Record<string, Record<string, Block[]>>;

interface ParsedFile {
  readonly file: string;
  readonly text: string;
  readonly resource: Blocks;
  readonly data: Blocks;
}

/** A Terraform reference written as the whole value: `"${aws_iam_role.export.arn}"` → `aws_iam_role.export.arn`. */
function reference(value: unknown): string | null {
  const match = typeof value === 'string' ? /^\$\{([\w.-]+)\}$/.exec(value) : null;
  return match ? match[1] : null;
}

function isStatic(value: unknown): value is string | number {
  return typeof value === 'number' || (typeof value === 'string' && !value.includes('${'));
}

/** Roles and compute units of one Terraform module (the `.tf` files of one folder, which share their names). */
export function extractTerraform(
  root: string,
  files: readonly { file: string; text: string }[],
  images: DockerImages,
): Extracted {
  hcl ??= require('hcl2-parser') as NonNullable<typeof hcl>;
  const parsed: ParsedFile[] = [];
  for (const { file, text } of files) {
    const [result, error] = hcl.parseToObject(text);
    if (!result || typeof result !== 'object') {
      debug('%s: not parsed as HCL (%s)', file, error ? JSON.stringify(error).slice(0, 200) : 'no result');
      continue;
    }
    const object = result as { resource?: Blocks; data?: Blocks; module?: Blocks };
    for (const name of Object.keys(object.module ?? {}))
      debug('%s: module %s is not read (its resources live in another module or the registry)', file, name);
    parsed.push({ file, text, resource: object.resource ?? {}, data: object.data ?? {} });
  }
  return new TerraformModule(root, parsed, images).extract();
}

class TerraformModule {
  private readonly roles = new Map<string, InfraRole>();

  constructor(
    private readonly root: string,
    private readonly files: readonly ParsedFile[],
    private readonly images: DockerImages,
  ) {}

  extract(): Extracted {
    for (const [name, block, file] of this.blocks('resource', 'aws_iam_role')) this.role(name, block, file);
    const units: ComputeUnit[] = [];
    for (const [name, block, file] of this.blocks('resource', 'aws_lambda_function')) {
      const unit = this.lambda(name, block, file);
      if (unit) units.push(unit);
    }
    for (const [name, block, file] of this.blocks('resource', 'aws_ecs_task_definition')) {
      const unit = this.task(name, block, file);
      if (unit) units.push(unit);
    }
    for (const [name, block, file] of this.blocks('resource', 'aws_instance')) {
      const role = this.instanceRole(block.iam_instance_profile);
      if (role)
        units.push({
          platform: 'ec2',
          label: `the EC2 instance \`${name}\``,
          declared: this.cite(file, 'aws_instance', name, 'iam_instance_profile'),
          paths: [],
          role,
          roleEnvironment: {},
        });
    }
    return { roles: [...this.roles.values()], units };
  }

  private *blocks(kind: 'resource' | 'data', type: string): Generator<[string, Block, ParsedFile]> {
    for (const file of this.files) {
      for (const [name, blocks] of Object.entries(file[kind][type] ?? {})) {
        for (const block of blocks) yield [name, block, file];
      }
    }
  }

  private role(name: string, block: Block, file: ParsedFile): void {
    const address = `aws_iam_role.${name}`;
    const names = typeof block.name === 'string' && isStatic(block.name) ? [block.name] : [];
    const declared = this.cite(file, 'aws_iam_role', name);
    const max = block.max_session_duration;
    if (max === undefined) {
      this.roles.set(address, { id: address, names, declared });
      return;
    }
    const seconds = isStatic(max) ? Number(max) : NaN;
    if (!Number.isInteger(seconds)) {
      debug('%s: %s max_session_duration is not static (%s)', file.file, address, JSON.stringify(max));
      this.roles.set(address, { id: address, names, declared, maxSessionUnknown: true });
      return;
    }
    this.roles.set(address, {
      id: address,
      names,
      declared,
      maxSessionSeconds: seconds,
      maxSession: this.cite(file, 'aws_iam_role', name, 'max_session_duration'),
    });
  }

  private lambda(name: string, block: Block, file: ParsedFile): ComputeUnit | null {
    const source = this.lambdaSource(block);
    if (!source) {
      debug('%s: aws_lambda_function.%s has no static filename or archive source_dir', file.file, name);
      return null;
    }
    const variables = (block.environment as Block[] | undefined)?.[0]?.variables as Block | undefined;
    return {
      platform: 'lambda',
      label: `the Lambda function \`aws_lambda_function.${name}\``,
      declared: this.cite(file, 'aws_lambda_function', name, source.attribute),
      paths: [source.path],
      ...this.withRole(block.role),
      roleEnvironment: this.roleEnvironment(variables),
    };
  }

  /** `source_dir` of the `archive_file` that `filename` names, or a `filename` that is a folder's zip next to it. */
  private lambdaSource(block: Block): { path: string; attribute: string } | null {
    const ref = reference(block.filename);
    const archive = ref && /^data\.archive_file\.([\w-]+)\.output_path$/.exec(ref);
    if (archive) {
      for (const [name, data, dataFile] of this.blocks('data', 'archive_file')) {
        if (name !== archive[1]) continue;
        const dir = this.modulePath(data.source_dir, dataFile) ?? this.modulePath(data.source_file, dataFile);
        if (dir) return { path: dir, attribute: 'filename' };
      }
      return null;
    }
    return null;
  }

  private task(name: string, block: Block, file: ParsedFile): ComputeUnit | null {
    const definitions = typeof block.container_definitions === 'string' ? block.container_definitions : '';
    const images = [...definitions.matchAll(/\bimage"?\s*[=:]\s*"([^"]+)"/g)].map((m) =>
      this.withRepositoryNames(m[1]),
    );
    const paths = images.flatMap((image) => this.images.sourcesOf(image) ?? []);
    if (paths.length === 0) {
      debug('%s: aws_ecs_task_definition.%s runs no image built from this repository', file.file, name);
      return null;
    }
    return {
      platform: 'ecs',
      label: `the ECS task \`aws_ecs_task_definition.${name}\``,
      declared: this.cite(file, 'aws_ecs_task_definition', name, 'task_role_arn'),
      paths,
      ...this.withRole(block.task_role_arn),
      roleEnvironment: {},
    };
  }

  /** `${aws_ecr_repository.worker.repository_url}:latest` → `worker:latest` (the repository's static `name`). */
  private withRepositoryNames(image: string): string {
    return image.replace(/\$\{aws_ecr_repository\.([\w-]+)\.repository_url\}/g, (whole, name: string) => {
      for (const [resource, block] of this.blocks('resource', 'aws_ecr_repository')) {
        if (resource === name && typeof block.name === 'string' && isStatic(block.name)) return block.name;
      }
      return whole;
    });
  }

  private instanceRole(profile: unknown): InfraRole | undefined {
    const ref = reference(profile);
    const match = ref && /^aws_iam_instance_profile\.([\w-]+)\.(?:name|id)$/.exec(ref);
    if (!match) return undefined;
    for (const [name, block] of this.blocks('resource', 'aws_iam_instance_profile')) {
      if (name === match[1]) return this.roleAt(block.role);
    }
    return undefined;
  }

  private withRole(value: unknown): { role?: InfraRole } {
    const role = this.roleAt(value);
    return role ? { role } : {};
  }

  /** `aws_iam_role.x.arn` / `.name` / `.id` → the role. */
  private roleAt(value: unknown): InfraRole | undefined {
    const ref = reference(value);
    const match = ref && /^(aws_iam_role\.[\w-]+)\.(?:arn|name|id)$/.exec(ref);
    return match ? this.roles.get(match[1]) : undefined;
  }

  private roleEnvironment(variables: Block | undefined): Record<string, InfraRole> {
    const found: Record<string, InfraRole> = {};
    for (const [key, value] of Object.entries(variables ?? {})) {
      const role = this.roleAt(value);
      if (role) found[key] = role;
    }
    return found;
  }

  /** `"${path.module}/../src"` or a relative literal, from the module folder; null for anything computed. */
  private modulePath(value: unknown, file: ParsedFile): string | null {
    if (typeof value !== 'string') return null;
    const relative = value.replace(/^\$\{path\.(?:module|root)\}\/?/, '');
    if (relative.includes('${')) return null;
    return path
      .relative(this.root, path.resolve(path.dirname(file.file), relative))
      .split(path.sep)
      .join('/');
  }

  /** The line of `resource "type" "name"` (and of an attribute inside it) in the file text. */
  private cite(file: ParsedFile, type: string, name: string, attribute?: string): Citation {
    // Lines compared as words, not a RegExp built from the names (they come from the file).
    const lines = textLines(file.text);
    const header = lines.find(({ text }) => {
      const [keyword, quotedType, quotedName] = text.trim().split(/\s+/u);
      return (
        (keyword === 'resource' || keyword === 'data') &&
        quotedType === `"${type}"` &&
        quotedName?.startsWith(`"${name}"`)
      );
    });
    const start = header?.offset ?? 0;
    const headerText = `resource "${type}" "${name}"`;
    const line = attribute
      ? lines.find(({ text, offset }) => {
          const rest = text.trimStart();
          return (
            offset >= start && rest.startsWith(attribute) && rest.slice(attribute.length).trimStart().startsWith('=')
          );
        })
      : undefined;
    if (!line) return cite(this.root, file.file, lineAt(file.text, start), headerText);
    const indent = line.text.length - line.text.trimStart().length;
    return cite(this.root, file.file, lineAt(file.text, line.offset + indent), line.text);
  }
}

/** Each line of `text` with the offset it starts at. */
function textLines(text: string): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line.replace(/\r$/u, ''), offset });
    offset += line.length + 1;
  }
  return lines;
}
