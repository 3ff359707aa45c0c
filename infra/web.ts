import { CfnOutput, Fn, RemovalPolicy } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import type { Stage } from "./config.ts";

/**
 * The web client on S3 behind CloudFront, with /v1/*, /open311/* (GeoReport v2) and /health sent to the
 * HTTP API so the browser sees one origin (as under `npm start`).
 */
export class WebHosting extends Construct {
  readonly url: string;

  constructor(scope: Construct, id: string, props: { stage: Stage; apiEndpoint: string; logBucket: Bucket; assetsDir?: string }) {
    super(scope, id);
    const prod = props.stage === "prod";
    const bucket = new Bucket(this, "Bucket", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: "web/",
      ...(prod ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true }),
    });

    // Client-side routes: a path without a file extension is the SPA's index.html.
    const spaRewrite = new CfFunction(this, "SpaRewrite", {
      code: FunctionCode.fromInline(
        "function handler(event){var r=event.request;if(r.uri.indexOf('.')===-1){r.uri='/index.html';}return r;}",
      ),
    });
    const apiDomain = Fn.select(2, Fn.split("/", props.apiEndpoint));
    const apiBehavior = {
      origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const distribution = new Distribution(this, "Distribution", {
      defaultRootObject: "index.html",
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: { "/v1/*": apiBehavior, "/health": apiBehavior, "/open311/*": apiBehavior },
    });

    if (props.assetsDir) {
      new BucketDeployment(this, "Deploy", {
        sources: [Source.asset(props.assetsDir)],
        destinationBucket: bucket,
        distribution,
        distributionPaths: ["/index.html"],
      });
    }
    this.url = `https://${distribution.distributionDomainName}`;
    new CfnOutput(scope, "WebUrl", { value: this.url });
  }
}
