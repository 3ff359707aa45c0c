import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { Stage } from "./config.ts";

/** Upload keys under this prefix are drafts: gone after a day unless moved. */
export const TEMP_UPLOAD_PREFIX = "tmp/";

/**
 * Photos and import/export files, under one prefix per tenant. Private,
 * encrypted, TLS only; server access logs go to a bucket of their own.
 */
export class FilesBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: { stage: Stage; corsOrigins: string[] }) {
    super(scope, id);
    const prod = props.stage === "prod";
    const removal = prod ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    this.accessLogs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(prod ? 365 : 30) }],
      ...removal,
    });
    this.bucket = new Bucket(this, "Bucket", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: prod,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: "files/",
      lifecycleRules: [
        { id: "temp-uploads", prefix: TEMP_UPLOAD_PREFIX, expiration: Duration.days(1) },
        { id: "abort-multipart", abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [{ allowedMethods: [HttpMethods.PUT, HttpMethods.GET], allowedOrigins: props.corsOrigins, allowedHeaders: ["*"], maxAge: 3000 }],
      ...removal,
    });
  }
}
