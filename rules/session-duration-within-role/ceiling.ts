import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findPropertyPath, memberChain, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { formatDuration } from '../../src/analysis/format.js';
import { staticString } from '../../src/analysis/static-value.js';
import {
  ASSUME_ROLE_LIMITS,
  AWS_V2_REFRESHING_CLASSES,
  AWS_V3_PROVIDER_FACTORIES,
  ROLE_SESSION_PLATFORMS,
  sessionOf,
} from '../../src/knowledge/index.js';
import {
  citationText,
  type InfraRole,
  placementOf,
  repositoryModel,
  roleInEnvironment,
  roleNamed,
  roleNameOfArn,
} from '../../src/repository/index.js';
import type { ResolvedSettings } from '../../src/settings.js';
import path from 'node:path';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A limit on the session an assume-role call can get, and the evidence for it (shown in messages). */
interface RoleCeiling {
  readonly seconds: number;
  readonly kind: 'chaining' | 'role-maximum';
  readonly basis: string;
  readonly failure: string;
}

/** Where an assume-role call's options keep the role and the caller's own credentials. */
export interface AssumeRoleShape {
  /** The options object (`fromTemporaryCredentials({ ... })`), when visible. */
  readonly options: TSESTree.ObjectExpression | null;
  /** Path of `RoleArn` inside the options (`['params', 'RoleArn']`). */
  readonly roleArn: readonly string[];
  /** Path of the credentials the call signs with (`['masterCredentials']`), when the API has one. */
  readonly master?: readonly string[];
  /** The credentials the call is sent with, when they are outside the options (an STS client's `credentials`). */
  readonly masterNode?: TSESTree.Node;
}

/** Provider factories and classes whose result is itself a role session: passing one as `masterCredentials` chains roles. */
const ROLE_SESSION_FACTORIES: ReadonlySet<string> = new Set(
  [...AWS_V3_PROVIDER_FACTORIES, ...AWS_V2_REFRESHING_CLASSES]
    .filter((source) => sessionOf(source.session).roleSession)
    .map((source) => source.api.path.at(-1)!),
);

/**
 * The limits that apply to the session an assume-role call asks for, shortest first: role chaining (the caller's
 * credentials are a role session: shown by `masterCredentials`, by the platform setting, or by the repository
 * model placing the file on a role-based platform) and the target role's MaxSessionDuration from the
 * infrastructure code. Explicit settings win over the model.
 */
export function roleCeilings(shape: AssumeRoleShape, context: Context, settings: ResolvedSettings): RoleCeiling[] {
  const ceilings: RoleCeiling[] = [];
  const chained = chainingBasis(shape, context, settings);
  if (chained)
    ceilings.push({
      seconds: ASSUME_ROLE_LIMITS.chaining.seconds,
      kind: 'chaining',
      basis: chained,
      failure: ASSUME_ROLE_LIMITS.chaining.failure,
    });
  const role = targetRole(shape, context, settings);
  if (role && !role.maxSessionUnknown) {
    const { roleMaximum } = ASSUME_ROLE_LIMITS;
    const seconds = role.maxSessionSeconds ?? roleMaximum.defaultSeconds;
    const basis = role.maxSession
      ? `the role \`${role.id}\` (${citationText(role.maxSession)}) allows at most ${formatDuration(seconds)}`
      : `the role \`${role.id}\` (${citationText(role.declared)}) sets no MaxSessionDuration, so it allows the default ${formatDuration(seconds)}`;
    ceilings.push({ seconds, kind: 'role-maximum', basis, failure: roleMaximum.failure });
  }
  return ceilings.sort((a, b) => a.seconds - b.seconds);
}

function chainingBasis(shape: AssumeRoleShape, context: Context, settings: ResolvedSettings): string | null {
  const master =
    shape.masterNode ??
    (shape.master && shape.options ? findPropertyPath(shape.options, shape.master)?.value : undefined);
  if (master) {
    const inner = unwrap(master);
    const made =
      inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression
        ? memberChain(inner.callee)?.at(-1)
        : undefined;
    const which = shape.masterNode ? "the STS client's credentials" : `its ${shape.master!.join('.')}`;
    return made && ROLE_SESSION_FACTORIES.has(made)
      ? `${which} are themselves a role session (${made}), so this is role chaining, capped at 1 h`
      : null;
  }
  if (settings.platform) {
    return ROLE_SESSION_PLATFORMS.includes(settings.platform)
      ? `settings['credential-expiry'] platform '${settings.platform}' gives role credentials, so assuming another role is role chaining, capped at 1 h`
      : null;
  }
  const model = repositoryModel(context.cwd, settings.infrastructure);
  const placed = model && placementOf(model, path.resolve(context.cwd, context.filename));
  return placed
    ? `this code runs as ${placed.unit.label} (${citationText(placed.unit.declared)}), whose credentials are a role session, so assuming another role is role chaining, capped at 1 h`
    : null;
}

/** The declared role that `RoleArn` names: an ARN literal ending in its name, or an environment variable the infrastructure sets to its ARN. */
function targetRole(shape: AssumeRoleShape, context: Context, settings: ResolvedSettings): InfraRole | undefined {
  const property = shape.options && findPropertyPath(shape.options, shape.roleArn);
  if (!property) return undefined;
  const model = repositoryModel(context.cwd, settings.infrastructure);
  if (!model) return undefined;
  const arn = staticString(property.value, context);
  if (arn !== undefined) {
    const name = roleNameOfArn(arn);
    return name ? roleNamed(model, name) : undefined;
  }
  const variable = environmentVariable(property.value);
  return variable ? roleInEnvironment(model, path.resolve(context.cwd, context.filename), variable) : undefined;
}

/** `process.env.NAME` or `process.env['NAME']` (with a `!`, `as string`, or a `?? ''` / `|| ''` fallback). */
function environmentVariable(node: TSESTree.Node): string | null {
  const unwrapped = unwrap(node);
  const inner =
    unwrapped.type === AST_NODE_TYPES.LogicalExpression && unwrapped.operator !== '&&'
      ? unwrap(unwrapped.left)
      : unwrapped;
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = memberChain(inner.object);
  return object?.join('.') === 'process.env' ? staticPropertyName(inner) : null;
}
