// Story 2: "the nightly usage report dies an hour in with 401 Invalid Credentials".
// The batch job fetched one Google access token when it started and sent it with every BigQuery call.
import { GoogleAuth } from 'google-auth-library';
import { settings } from '../config.js';
import { archiveReport } from '../storage/archive-store.js';

const BIGQUERY = `https://bigquery.googleapis.com/bigquery/v2/projects/${settings.gcpProject}`;

// RIGHT: a module-level GoogleAuth is a refreshing object, not a token.
const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/bigquery.readonly'] });

// WRONG: one access token for the whole run. Google access tokens live about 1 h; the job runs for hours,
// and every query after the first hour fails with 401 because nothing ever asks for a new token.
const accessToken = await auth.getAccessToken();
const bigQueryHeaders = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };

interface QueryResponse {
  rows?: { f: { v: string | null }[] }[];
}

async function runQuery(sql: string, customerId: string): Promise<string[][]> {
  const customerParameter = {
    name: 'customerId',
    parameterType: { type: 'STRING' },
    parameterValue: { value: customerId },
  };
  const response = await fetch(`${BIGQUERY}/queries`, {
    method: 'POST',
    headers: bigQueryHeaders,
    body: JSON.stringify({
      query: sql,
      useLegacySql: false,
      parameterMode: 'NAMED',
      queryParameters: [customerParameter],
      timeoutMs: 600_000,
    }),
  });
  if (!response.ok) throw new Error(`BigQuery query failed: ${response.status} ${response.statusText}`);
  const result = (await response.json()) as QueryResponse;
  return (result.rows ?? []).map((row) => row.f.map((cell) => cell.v ?? ''));
}

// RIGHT: headers fetched per request; the auth client caches the token and refreshes it before it expires.
async function datasetLastModified(dataset: string): Promise<string> {
  const headers = await auth.getRequestHeaders();
  const response = await fetch(`${BIGQUERY}/datasets/${dataset}`, { headers });
  if (!response.ok) throw new Error(`dataset lookup failed: ${response.status}`);
  const { lastModifiedTime } = (await response.json()) as { lastModifiedTime: string };
  return lastModifiedTime;
}

export async function runUsageReportJob(customerIds: readonly string[]): Promise<void> {
  const freshness = await datasetLastModified('usage');
  for (const customerId of customerIds) {
    const rows = await runQuery(
      'SELECT day, SUM(requests) FROM usage.daily WHERE customer_id = @customerId GROUP BY day ORDER BY day',
      customerId,
    );
    const csv = [`# data as of ${freshness}`, ...rows.map((row) => row.join(','))].join('\n');
    await archiveReport(`usage/${customerId}.csv`, csv);
  }
}
