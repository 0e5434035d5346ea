/**
 * `{ name: X, value: Y }` objects (Kubernetes `env:`, ECS task definitions' `environment`) store Y under the name X.
 * Returns X when `siblings` are such a pair.
 */
export function nameValuePair(
  siblings: ReadonlySet<string>,
  get: (name: string) => string | undefined,
): { name: string } | undefined {
  if (!siblings.has('name') || !siblings.has('value')) return undefined;
  const name = get('name');
  return name ? { name } : undefined;
}

/** `NAME=value` strings (docker-compose `environment:` lists, `docker run -e`). */
export function splitAssignment(text: string): { name: string; value: string } | undefined {
  const match = /^([A-Za-z_][\w.-]*)=([\s\S]*)$/u.exec(text);
  return match ? { name: match[1], value: match[2] } : undefined;
}
