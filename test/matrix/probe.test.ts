import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { cells } from './compose.js';
import { outcomeOf } from './outcome.js';

it('probe', () => {
  const t = Date.now();
  const all = cells();
  const rows = all.map((c) => ({ id: c.id, outcome: outcomeOf(c), code: c.code }));
  writeFileSync('/tmp/matrix-probe.json', JSON.stringify(rows, null, 1));
  console.log(all.length, 'cells', Date.now() - t, 'ms', rows.filter((r) => r.outcome !== 'ok').length, 'not ok');
});
