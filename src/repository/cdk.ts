import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, findProperty, memberChain, unwrap } from '../analysis/ast.js';
import { cite } from './cite.js';
import { debug } from './debug.js';
import { parseTypeScript } from '../util/typescript-parser.js';
import type { Citation, ComputeUnit, Extracted, InfraRole, UnitPlatform } from './types.js';

type Node = TSESTree.Node;

const DURATION_UNITS: Readonly<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };
const LAMBDA_CONSTRUCTS = new Set(['Function', 'NodejsFunction', 'DockerImageFunction', 'SingletonFunction']);
const TASK_DEFINITIONS = new Set(['FargateTaskDefinition', 'Ec2TaskDefinition', 'TaskDefinition']);
/** ecs-patterns constructs that build their own task definition from `taskImageOptions` (or `image`). */
const ECS_PATTERNS =
  /^(ApplicationLoadBalanced|NetworkLoadBalanced|QueueProcessing|ScheduledFargate|ScheduledEc2)\w*(Service|Task)$/;
const EC2_CONSTRUCTS = new Set(['Instance', 'AutoScalingGroup']);

/** Does this file use the CDK at all (cheap text gate before parsing)? */
export function mentionsCdk(text: string): boolean {
  return text.includes('aws-cdk-lib') || text.includes('@aws-cdk/');
}

/**
 * Roles and compute units of one CDK app file, read from its syntax (the app is never run). `appDir` is where
 * `cdk.json` sits: `cdk synth` runs there, so relative asset paths start from it.
 */
export function extractCdk(root: string, file: string, text: string, appDir: string): Extracted {
  let program: TSESTree.Program;
  try {
    program = parseTypeScript(text, {
      loc: true,
      range: true,
      sourceType: 'module',
      ecmaVersion: 'latest',
      jsx: file.endsWith('x'),
    });
  } catch (error) {
    debug('%s: not parsed (%s)', file, (error as Error).message);
    return { roles: [], units: [] };
  }
  return new CdkFile(root, file, text, appDir, program).extract();
}

class CdkFile {
  private readonly constants = new Map<string, Node>();
  /** `const x = new ...` and `this.x = new ...`, by `x` and `this.x`. */
  private readonly constructs = new Map<string, TSESTree.NewExpression>();
  private readonly roles = new Map<TSESTree.NewExpression | TSESTree.CallExpression, InfraRole>();
  private readonly news: TSESTree.NewExpression[] = [];
  private readonly addContainers: TSESTree.CallExpression[] = [];

  constructor(
    private readonly root: string,
    private readonly file: string,
    private readonly text: string,
    private readonly appDir: string,
    private readonly program: TSESTree.Program,
  ) {}

  extract(): Extracted {
    this.collect(this.program);
    for (const made of this.news) if (calleeName(made) === 'Role') this.role(made);
    const units: ComputeUnit[] = [];
    for (const made of this.news) {
      const unit = this.unit(made);
      if (unit) units.push(unit);
    }
    for (const call of this.addContainers) {
      const unit = this.container(call);
      if (unit) units.push(unit);
    }
    return { roles: [...this.roles.values()], units };
  }

  private collect(node: Node): void {
    switch (node.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.id.type === AST_NODE_TYPES.Identifier && node.init) {
          const init = unwrap(node.init);
          if (init.type === AST_NODE_TYPES.NewExpression) this.constructs.set(node.id.name, init);
          else this.constants.set(node.id.name, init);
        }
        break;
      case AST_NODE_TYPES.AssignmentExpression: {
        const target = memberChain(node.left);
        const value = unwrap(node.right);
        if (target && value.type === AST_NODE_TYPES.NewExpression) this.constructs.set(target.join('.'), value);
        break;
      }
      case AST_NODE_TYPES.PropertyDefinition:
        if (
          node.key.type === AST_NODE_TYPES.Identifier &&
          node.value &&
          unwrap(node.value).type === AST_NODE_TYPES.NewExpression
        ) {
          this.constructs.set(`this.${node.key.name}`, unwrap(node.value) as TSESTree.NewExpression);
        }
        break;
      case AST_NODE_TYPES.NewExpression:
        this.news.push(node);
        break;
      case AST_NODE_TYPES.CallExpression:
        if (calleeName(node) === 'addContainer') this.addContainers.push(node);
        break;
      default:
        break;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) {
        for (const child of value as unknown[])
          if (child && typeof (child as Node).type === 'string') this.collect(child as Node);
      } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
        this.collect(value as Node);
      }
    }
  }

  private role(made: TSESTree.NewExpression): void {
    const id = this.string(made.arguments[1]) ?? 'Role';
    const props = made.arguments[2];
    const names = [this.string(props && findProperty(props, 'roleName')?.value)].filter((n): n is string => !!n);
    const max = props && findProperty(props, 'maxSessionDuration');
    const role: InfraRole = {
      id,
      names,
      declared: this.cite(made, `new ${this.source(made.callee)}(this, '${id}', …)`),
    };
    if (max) {
      const seconds = this.duration(max.value);
      if (seconds === null) {
        debug(
          '%s: role %s sets maxSessionDuration at synth time (%s); its maximum is unknown',
          this.file,
          id,
          this.source(max.value),
        );
        this.roles.set(made, { ...role, maxSessionUnknown: true });
        return;
      }
      this.roles.set(made, { ...role, maxSessionSeconds: seconds, maxSession: this.cite(max, this.source(max)) });
      return;
    }
    this.roles.set(made, role);
  }

  private unit(made: TSESTree.NewExpression): ComputeUnit | null {
    const name = calleeName(made);
    const props = made.arguments[2];
    if (!name || !props) return null;
    const id = this.string(made.arguments[1]) ?? name;
    if (LAMBDA_CONSTRUCTS.has(name)) return this.lambda(name, id, props);
    if (ECS_PATTERNS.test(name)) {
      const options = findProperty(props, 'taskImageOptions')?.value ?? props;
      const image = findProperty(options, 'image');
      const paths = image ? this.assetPaths(image.value) : null;
      if (!image || !paths) return null;
      return this.make(
        'ecs',
        `the ECS service \`${id}\``,
        image,
        paths,
        findProperty(options, 'taskRole')?.value,
        findProperty(options, 'environment')?.value,
      );
    }
    if (EC2_CONSTRUCTS.has(name) && findProperty(props, 'role')) {
      // An instance runs whatever its user data installs: the model knows its role, not its code.
      return this.make('ec2', `the EC2 instance \`${id}\``, made, [], findProperty(props, 'role')?.value, undefined);
    }
    return null;
  }

  private lambda(name: string, id: string, props: Node): ComputeUnit | null {
    const label = `the Lambda function \`${id}\``;
    const role = findProperty(props, 'role')?.value;
    const environment = findProperty(props, 'environment')?.value;
    if (name === 'NodejsFunction') {
      const entry = findProperty(props, 'entry');
      const file = entry && this.path(entry.value);
      if (!entry || !file) return null;
      // esbuild bundles the entry with what it imports; the entry's folder is the closest static answer.
      return this.make('lambda', label, entry, [path.dirname(file)], role, environment);
    }
    const code = findProperty(props, 'code');
    const paths = code && this.assetPaths(code.value);
    return code && paths ? this.make('lambda', label, code, paths, role, environment) : null;
  }

  /** `taskDefinition.addContainer('app', { image: ContainerImage.fromAsset('dir') })`: the task definition's role. */
  private container(call: TSESTree.CallExpression): ComputeUnit | null {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const owner = memberChain(callee.object);
    const definition = owner && this.constructs.get(owner.join('.'));
    const kind = definition && calleeName(definition);
    if (!definition || !kind || !TASK_DEFINITIONS.has(kind)) return null;
    const options = call.arguments[1];
    const image = options && findProperty(options, 'image');
    const paths = image && this.assetPaths(image.value);
    if (!image || !paths) return null;
    const id = this.string(definition.arguments[1]) ?? kind;
    const taskRole = definition.arguments[2] && findProperty(definition.arguments[2], 'taskRole')?.value;
    return this.make(
      'ecs',
      `the ECS task \`${id}\``,
      image,
      paths,
      taskRole,
      findProperty(options, 'environment')?.value,
    );
  }

  private make(
    platform: UnitPlatform,
    label: string,
    at: Node,
    paths: string[],
    role: Node | undefined,
    environment: Node | undefined,
  ): ComputeUnit {
    const roleEnvironment: Record<string, InfraRole> = {};
    const env = environment && unwrap(environment);
    if (env?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const prop of env.properties) {
        if (
          prop.type !== AST_NODE_TYPES.Property ||
          (prop.key.type !== AST_NODE_TYPES.Identifier && prop.key.type !== AST_NODE_TYPES.Literal)
        )
          continue;
        const value = unwrap(prop.value);
        if (value.type !== AST_NODE_TYPES.MemberExpression || memberChain(value)?.at(-1) !== 'roleArn') continue;
        const target = this.roleOf(value.object);
        const key = prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : String(prop.key.value);
        if (target) roleEnvironment[key] = target;
      }
    }
    const unitRole = role ? this.roleOf(role) : undefined;
    return {
      platform,
      label,
      declared: this.cite(at, this.source(at)),
      paths: paths.map((p) => this.relative(p)),
      roleEnvironment,
      ...(unitRole ? { role: unitRole } : {}),
    };
  }

  private roleOf(node: Node): InfraRole | undefined {
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.NewExpression) return this.roles.get(inner);
    const chain = memberChain(inner);
    const made = chain && this.constructs.get(chain.join('.'));
    return made ? this.roles.get(made) : undefined;
  }

  /** `Code.fromAsset('dir')`, `ContainerImage.fromAsset(path.join(__dirname, 'dir'))`, `DockerImageCode.fromImageAsset(...)`. */
  private assetPaths(node: Node): string[] | null {
    const inner = unwrap(node);
    if (inner.type !== AST_NODE_TYPES.CallExpression) return null;
    const name = calleeName(inner);
    if (name !== 'fromAsset' && name !== 'fromImageAsset') return null;
    const dir = inner.arguments[0] && this.path(inner.arguments[0]);
    if (!dir) debug('%s: %s path is not static', this.file, this.source(inner));
    return dir ? [dir] : null;
  }

  /** An absolute path from a literal (relative to the CDK app) or `path.join(__dirname, ...)` (relative to this file). */
  private path(node: Node): string | null {
    const inner = unwrap(node);
    const literal = this.string(inner);
    if (literal !== null) return path.resolve(this.appDir, literal);
    if (inner.type === AST_NODE_TYPES.CallExpression && ['join', 'resolve'].includes(calleeName(inner) ?? '')) {
      const parts = inner.arguments.map((a) =>
        unwrap(a).type === AST_NODE_TYPES.Identifier && (unwrap(a) as TSESTree.Identifier).name === '__dirname'
          ? '\0dir'
          : this.string(a),
      );
      if (parts.some((p) => p === null)) return null;
      const [first, ...rest] = parts as string[];
      const base = first === '\0dir' ? path.dirname(this.file) : path.join(this.appDir, first);
      // path.join keeps `'/lambda'` inside the base; path.resolve starts over at an absolute segment.
      return calleeName(inner) === 'join' ? path.join(base, ...rest) : path.resolve(base, ...rest);
    }
    if (
      inner.type === AST_NODE_TYPES.TemplateLiteral &&
      inner.expressions.length === 1 &&
      inner.quasis[0].value.cooked === ''
    ) {
      const [expression] = inner.expressions;
      const rest = inner.quasis[1].value.cooked;
      if (expression.type === AST_NODE_TYPES.Identifier && expression.name === '__dirname' && rest)
        return path.resolve(path.dirname(this.file), `.${rest}`);
    }
    return null;
  }

  /** Seconds of `Duration.hours(2)` (and minutes, seconds, days) with a static count; null otherwise. */
  private duration(node: Node): number | null {
    const inner = unwrap(node);
    if (inner.type !== AST_NODE_TYPES.CallExpression) return null;
    const chain = memberChain(inner.callee);
    const unit = chain && chain.length >= 2 && chain.at(-2) === 'Duration' ? DURATION_UNITS[chain.at(-1)!] : undefined;
    const count = inner.arguments[0] && this.number(inner.arguments[0]);
    return unit !== undefined && count !== null && count !== undefined ? unit * count : null;
  }

  private number(node: Node, depth = 0): number | null {
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'number') return inner.value;
    if (inner.type === AST_NODE_TYPES.Identifier && depth < 3) {
      const value = this.constants.get(inner.name);
      return value ? this.number(value, depth + 1) : null;
    }
    if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '*') {
      const left = this.number(inner.left, depth);
      const right = left === null ? null : this.number(inner.right, depth);
      return left !== null && right !== null ? left * right : null;
    }
    return null;
  }

  private string(node: Node | undefined): string | null {
    if (!node) return null;
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') return inner.value;
    if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0)
      return inner.quasis[0].value.cooked ?? null;
    return null;
  }

  private source(node: Node): string {
    return this.text.slice(node.range[0], node.range[1]);
  }

  private cite(node: Node, text: string): Citation {
    return cite(this.root, this.file, node.loc.start.line, text);
  }

  private relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }
}
