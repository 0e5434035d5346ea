import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import plugin from '../../../src/index.js';
it('probe', () => {
  for (const f of readdirSync('/tmp/probe').sort()) {
    const code = readFileSync(`/tmp/probe/${f}`, 'utf8');
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [...plugin.configs.recommended], f);
    console.log(f, JSON.stringify(messages.filter((m) => /snapshot|token-cache|internal/.test(m.ruleId ?? m.message)).map((m) => `${m.line} ${m.ruleId}: ${m.message.slice(0, 160)}`), null, 1));
  }
});
