import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  ACCESS_TOKEN_AUTHENTICATION_PATHS,
  CONNECTION_DATABASES,
  DIALECT_OPTIONS,
  type ModuleRef,
  moduleMatches,
  PER_CONNECTION_REMEDIES,
  POSITIONAL_CONNECTION_SECRETS,
  refMatches,
  type SymptomKind,
} from '../knowledge/index.js';
import { findProperty, findPropertyPath, unwrap } from './ast.js';
import { staticString } from './static-value.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** How a kept database connection fails once its token has expired, and what renews the token per connection. */
export interface ConnectionTerms {
  readonly symptom: SymptomKind;
  /** The remedy, when the token's own replacement is not one (a token in tedious's access-token authentication). */
  readonly fix?: string;
}

/**
 * The words for a token kept by a database connection (CONNECTION_DATABASES): the database is known from the
 * library (`pg`, `mssql`) or from a dialect option of a multi-database one (Sequelize `dialect`, Knex `client`,
 * TypeORM `type`); null when it is neither (an object of some other library keeps the token). `signerFix`: the
 * token's source already names a per-connection password (`password: () => signer.getAuthToken()`).
 */
export function connectionTermsOf(
  ref: ModuleRef | null,
  options: readonly Node[],
  signerFix: boolean,
  context: Context,
): ConnectionTerms | null {
  const literals = options.map(unwrap).filter((n) => n.type === AST_NODE_TYPES.ObjectExpression);
  const database =
    (ref && CONNECTION_DATABASES.find((d) => d.modules.some((m) => moduleMatches(m, ref.module)))) ??
    CONNECTION_DATABASES.find((d) =>
      literals.some((o) => (d.dialects as readonly string[]).includes(dialectOf(o, context) ?? '')),
    );
  if (!database) return null;
  const symptom = database.refusal;
  if (literals.some((o) => ACCESS_TOKEN_AUTHENTICATION_PATHS.some((path) => findPropertyPath(o, path))))
    return { symptom, fix: PER_CONNECTION_REMEDIES.sqlserver };
  if (ref && POSITIONAL_CONNECTION_SECRETS.some((entry) => refMatches(ref, entry.api)))
    return { symptom, fix: PER_CONNECTION_REMEDIES.sequelize };
  if (database.remedy === 'password' && signerFix) return { symptom };
  return { symptom, fix: PER_CONNECTION_REMEDIES[database.remedy] };
}

function dialectOf(options: Node, context: Context): string | undefined {
  for (const name of DIALECT_OPTIONS) {
    const property = findProperty(options, name);
    const value = property ? staticString(property.value, context) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}
