// report-exporter: a small HTTP service that builds usage reports, archives them to S3 and hands out links.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { settings } from './config.js';
import { runUsageReportJob } from './jobs/usage-report-job.js';
import { downloadRedirect, weeklyDigestLink } from './links/download-links.js';

const REPORT_ROUTE = /^\/reports\/(?<key>[\w./-]+)\/(?<action>download|share)$/;

async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://report-exporter.internal');

  if (request.method === 'POST' && url.pathname === '/jobs/usage-report') {
    const customers = url.searchParams.getAll('customer');
    await runUsageReportJob(customers);
    response.writeHead(204).end();
    return;
  }

  const match = REPORT_ROUTE.exec(url.pathname);
  const key = match?.groups?.key;
  if (request.method === 'GET' && key !== undefined) {
    if (match?.groups?.action === 'download') {
      response.writeHead(302, { Location: await downloadRedirect(key) }).end();
    } else {
      const link = await weeklyDigestLink(key);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ link }));
    }
    return;
  }

  response.writeHead(404).end();
}

createServer((request, response) => {
  route(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
}).listen(settings.port, () => console.log(`report-exporter listening on :${settings.port}`));
