import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempRepo } from './helpers.js';
import { markerPlugin } from './marker-plugin.js';

const JSX = "export const View = () => <p>{'stale'}</p>;\n";

describe("the project's own ESLint config", () => {
  it('parses what the project parses: JSX in .js where its languageOptions enable it', async () => {
    const repo = tempRepo({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js':
        'export default [{ files: ["**/*.js"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }];\n',
      'src/view.js': JSX,
      'src/plain.ts': "export const a: string = 'stale';\n",
    });
    const run = await cli(repo, ['migrate'], markerPlugin);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('skipped');
    expect(readFileSync(join(repo, 'src/view.js'), 'utf8')).toBe(JSX.replace("'stale'", "'fresh'"));
    expect(readFileSync(join(repo, 'src/plain.ts'), 'utf8')).toBe("export const a: string = 'fresh';\n");
  });

  it('without that setting, the same file is skipped as unparsable, as `eslint .` would fail on it', async () => {
    const repo = tempRepo({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js': 'export default [{}];\n',
      'src/view.js': JSX,
    });
    const run = await cli(repo, ['migrate'], markerPlugin);
    expect(run.stdout).toMatch(/^src\/view\.js: skipped \(unparsable\)/m);
    expect(readFileSync(join(repo, 'src/view.js'), 'utf8')).toBe(JSX);
  });
});
