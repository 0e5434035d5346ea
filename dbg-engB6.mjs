import { Linter } from 'eslint';
import fs from 'node:fs';
import plugin from './dist/plugin.js';
const code = fs.readFileSync(process.argv[2], 'utf8');
const linter = new Linter({ configType: 'flat' });
const msgs = linter.verify(code, plugin.configs.recommended, process.argv[3] ?? 'src/x.ts');
for (const m of msgs) console.log(m.line, m.ruleId, m.message.slice(0, 200));
