import { check } from 'recheck';
import { it } from 'vitest';
import { regexSites } from './regex-inventory.js';
it('lists', async () => {
  const t0 = Date.now();
  const sites = regexSites().filter((s) => s.literal);
  await Promise.all(
    sites.map(async (site) => {
      const t = Date.now();
      const d = await check(site.literal!.source, site.literal!.flags, { timeout: 10000, checker: 'automaton' });
      const ms = Date.now() - t;
      if (d.status !== 'safe' || ms > 2000)
        console.log(
          `${ms}ms ${d.status} ${d.status === 'vulnerable' ? d.complexity.summary : d.status === 'unknown' ? d.error.kind : ''} ${site.file}:${site.line} /${site.literal!.source.slice(0, 80)}/`,
        );
    }),
  );
  console.log('TOTAL', Date.now() - t0, sites.length);
}, 600_000);
