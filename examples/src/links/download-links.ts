// Story 4: "the weekly digest promises a link valid for 7 days; customers get ExpiredToken the same afternoon".
// The links are presigned with the ECS task role, whose session ends long before seven days are up.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { settings } from '../config.js';

// RIGHT: a module-level client with a refreshing provider (the task role, via the ECS credentials endpoint).
const s3 = new S3Client({ region: settings.region, credentials: fromContainerMetadata() });

// WRONG: a 7-day link signed with temporary task-role credentials. S3 honours the shorter of the two, so the
// link stops working when the task-role session ends (hours, not days) with "The provided token has expired".
export async function weeklyDigestLink(reportKey: string): Promise<string> {
  const command = new GetObjectCommand({ Bucket: settings.exportBucket, Key: reportKey });
  return getSignedUrl(s3, command, { expiresIn: 7 * 24 * 60 * 60 });
}

// RIGHT: a short link generated per request, when the user clicks "download" (900 s is the SDK's default).
export async function downloadRedirect(reportKey: string): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: settings.exportBucket,
    Key: reportKey,
    ResponseContentDisposition: `attachment; filename="${reportKey.split('/').pop() ?? 'report.csv'}"`,
  });
  return getSignedUrl(s3, command, { expiresIn: 900 });
}
