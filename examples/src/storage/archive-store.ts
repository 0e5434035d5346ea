// Story 1: "it worked for six hours, then every upload failed with ExpiredToken".
// The archive and replica clients were given a copy of the instance-profile credentials taken at start-up.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
import { settings } from '../config.js';

// WRONG: resolved once when the module loads. The client treats the object as constant credentials and never
// asks the instance metadata service again, so uploads fail once the instance-profile session ends (~6 h).
const archiveCredentials = await fromInstanceMetadata()();

export const archiveS3 = new S3Client({ region: settings.region, credentials: archiveCredentials });

// WRONG: the same mistake, spelled as a field-by-field copy. Dropping `expiration` does not help either:
// the client calls a provider again only when its result carries an expiration.
const imds = await fromInstanceMetadata({ timeout: 2_000, maxRetries: 2 })();

export const replicaS3 = new S3Client({
  region: settings.replicaRegion,
  credentials: {
    accessKeyId: imds.accessKeyId,
    secretAccessKey: imds.secretAccessKey,
    sessionToken: imds.sessionToken,
  },
});

// RIGHT: a module-level client with the default credential chain; it refreshes on its own.
export const auditS3 = new S3Client({});

// RIGHT: the provider itself is passed, so the client calls it again five minutes before expiry.
export const thumbnailsS3 = new S3Client({ region: settings.region, credentials: fromInstanceMetadata() });

// RIGHT: a custom provider the SDK re-invokes; it returns the provider's whole result, `expiration` included.
const instanceProvider = fromInstanceMetadata({ timeout: 2_000 });
export const quarantineS3 = new S3Client({
  region: settings.region,
  credentials: async () => await instanceProvider(),
});

// RIGHT: sharing another client's provider function (not its resolved value).
export const logsS3 = new S3Client({ region: settings.region, credentials: auditS3.config.credentials });

export async function archiveReport(key: string, body: string): Promise<void> {
  const put = { Bucket: settings.exportBucket, Key: key, Body: body, ContentType: 'text/csv' };
  await archiveS3.send(new PutObjectCommand(put));
  await replicaS3.send(new PutObjectCommand({ ...put, Bucket: settings.replicaBucket }));
}
