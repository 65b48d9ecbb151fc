/**
 * Amazon S3 bucket-level calls (s3.amazonaws.com): the nine bucket policy, ACL, CORS, lifecycle and replication
 * changes of CIS "S3 bucket policy changes are monitored" (Security Hub CloudWatch.8), and the bucket reads that
 * consoles, SDKs, AWS Config and CloudTrail itself make. Bucket-level calls are management events; object calls are
 * data events (Amazon S3 User Guide, "Amazon S3 CloudTrail events").
 *
 * How S3 writes them: requestParameters hold `bucketName`, `Host` (the virtual-hosted endpoint), the sub-resource
 * query key with an empty value (`policy`, `acl`, `cors`, `lifecycle`, `replication`, `location`, `versioning`:
 * the S3 guide's examples), and the request body parsed from XML/JSON (`bucketPolicy`, `AccessControlPolicy`,
 * `CORSConfiguration`...); `additionalEventData` carries the signature version, TLS cipher, bytes transferred,
 * authentication method and the `x-amz-id-2` request id (aws-cdk's sample S3 record). S3 answers an authorization
 * failure with AccessDenied, "Access Denied". The event name of the PutBucketLifecycleConfiguration API is
 * PutBucketLifecycle (S3 guide).
 */
import type { JsonObject } from "../json";
import type { CallError, CallShape } from "./types";
import { EXAMPLE, S3_ACCESS_DENIED, serviceCalls } from "./parts";
import { apiReference, CDK_SAMPLE_S3_EVENT, S3_CLOUDTRAIL_EVENTS, S3_CLOUDTRAIL_EXAMPLES } from "./sources";

const { write, read } = serviceCalls({
  eventSource: "s3.amazonaws.com",
  globalService: false,
  denied: () => S3_ACCESS_DENIED,
});

const BUCKET = EXAMPLE.bucket;
const HOST = `${BUCKET}.s3.\${region}.amazonaws.com`;
const XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** The request parameters every bucket sub-resource call carries. */
function bucketRequest(subresource: string, body: JsonObject = {}): JsonObject {
  return { ...body, bucketName: BUCKET, Host: HOST, [subresource]: "" };
}

/** S3's additionalEventData for a SigV4 request with `bytesIn` bytes of body. */
function transfer(bytesIn: number): JsonObject {
  return {
    SignatureVersion: "SigV4",
    CipherSuite: "TLS_AES_128_GCM_SHA256",
    bytesTransferredIn: bytesIn,
    AuthenticationMethod: "AuthHeader",
    "x-amz-id-2": "hRJMAs5p4ALZIabP4ATIL53npWU61+N6LYWj02gdQtR0ymKSySzVXUSZx7ydv7tRJwk+XMaPerM=",
    bytesTransferredOut: 0,
  };
}

const NO_SUCH_BUCKET: CallError = { errorCode: "NoSuchBucket", errorMessage: "The specified bucket does not exist" };
const MALFORMED_XML: CallError = {
  errorCode: "MalformedXML",
  errorMessage: "The XML you provided was not well-formed or did not validate against our published schema",
};

function sources(action: string): CallShape["sources"] {
  return [apiReference("s3", action), S3_CLOUDTRAIL_EXAMPLES, S3_CLOUDTRAIL_EVENTS, CDK_SAMPLE_S3_EVENT];
}

const CANONICAL_OWNER = "d25639fbe9c19cd30a4c0f43fbf00e2d3f96400a9aa8dabfbbebe1906Example";

export const S3_CALLS: readonly CallShape[] = [
  write("PutBucketAcl", {
    // The S3 guide's PutBucketAcl record, in today's field forms (Host, string sub-resource value).
    requestParameters: bucketRequest("acl", {
      AccessControlPolicy: {
        AccessControlList: {
          Grant: {
            Grantee: {
              "xsi:type": "CanonicalUser",
              "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
              ID: CANONICAL_OWNER,
            },
            Permission: "FULL_CONTROL",
          },
        },
        xmlns: XMLNS,
        Owner: { ID: CANONICAL_OWNER },
      },
    }),
    responseElements: null,
    additionalEventData: transfer(412),
    errors: [
      NO_SUCH_BUCKET,
      // Buckets with Object Ownership "bucket owner enforced" (the default since April 2023) refuse ACLs.
      { errorCode: "AccessControlListNotSupported", errorMessage: "The bucket does not allow ACLs" },
    ],
    sources: sources("PutBucketAcl"),
  }),
  write("PutBucketPolicy", {
    requestParameters: bucketRequest("policy", {
      bucketPolicy: {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowSSLRequestsOnly",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [`arn:\${partition}:s3:::${BUCKET}`, `arn:\${partition}:s3:::${BUCKET}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      },
    }),
    responseElements: null,
    additionalEventData: transfer(356),
    alternativeRequests: [
      bucketRequest("policy", {
        bucketPolicy: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "PublicRead",
              Effect: "Allow",
              Principal: "*",
              Action: "s3:GetObject",
              Resource: `arn:\${partition}:s3:::${BUCKET}/*`,
            },
          ],
        },
      }),
    ],
    errors: [NO_SUCH_BUCKET, { errorCode: "MalformedPolicy", errorMessage: "Policy has invalid resource" }],
    sources: sources("PutBucketPolicy"),
  }),
  write("PutBucketCors", {
    requestParameters: bucketRequest("cors", {
      CORSConfiguration: {
        xmlns: XMLNS,
        CORSRule: [
          {
            AllowedMethod: ["GET", "PUT"],
            AllowedOrigin: ["https://www.example.com"],
            AllowedHeader: ["*"],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
    responseElements: null,
    additionalEventData: transfer(298),
    errors: [NO_SUCH_BUCKET, MALFORMED_XML],
    sources: sources("PutBucketCors"),
  }),
  write("PutBucketLifecycle", {
    requestParameters: bucketRequest("lifecycle", {
      LifecycleConfiguration: {
        xmlns: XMLNS,
        Rule: [{ ID: "expire-logs", Status: "Enabled", Filter: { Prefix: "logs/" }, Expiration: { Days: 365 } }],
      },
    }),
    responseElements: null,
    additionalEventData: transfer(265),
    errors: [NO_SUCH_BUCKET, MALFORMED_XML],
    sources: sources("PutBucketLifecycleConfiguration"),
  }),
  write("PutBucketReplication", {
    requestParameters: bucketRequest("replication", {
      ReplicationConfiguration: {
        xmlns: XMLNS,
        Role: "arn:${partition}:iam::${account}:role/s3-replication",
        Rule: [
          {
            ID: "replicate-all",
            Status: "Enabled",
            Priority: 1,
            Filter: { Prefix: "" },
            DeleteMarkerReplication: { Status: "Disabled" },
            Destination: { Bucket: "arn:${partition}:s3:::amzn-s3-demo-bucket-replica" },
          },
        ],
      },
    }),
    responseElements: null,
    additionalEventData: transfer(512),
    errors: [
      NO_SUCH_BUCKET,
      {
        errorCode: "InvalidRequest",
        errorMessage: "Versioning must be 'Enabled' on the bucket to apply a replication configuration",
      },
    ],
    sources: sources("PutBucketReplication"),
  }),
  write("DeleteBucketPolicy", {
    requestParameters: bucketRequest("policy"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [NO_SUCH_BUCKET],
    sources: sources("DeleteBucketPolicy"),
  }),
  write("DeleteBucketCors", {
    requestParameters: bucketRequest("cors"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [NO_SUCH_BUCKET],
    sources: sources("DeleteBucketCors"),
  }),
  write("DeleteBucketLifecycle", {
    requestParameters: bucketRequest("lifecycle"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [NO_SUCH_BUCKET],
    sources: sources("DeleteBucketLifecycle"),
  }),
  write("DeleteBucketReplication", {
    requestParameters: bucketRequest("replication"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [NO_SUCH_BUCKET],
    sources: sources("DeleteBucketReplication"),
  }),
  read("ListBuckets", {
    requestParameters: { Host: "s3.${region}.amazonaws.com" },
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [],
    sources: sources("ListBuckets"),
  }),
  read("GetBucketLocation", {
    requestParameters: bucketRequest("location"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [NO_SUCH_BUCKET],
    sources: sources("GetBucketLocation"),
  }),
  read("GetBucketAcl", {
    requestParameters: bucketRequest("acl"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [NO_SUCH_BUCKET],
    sources: sources("GetBucketAcl"),
  }),
  read("GetBucketPolicy", {
    requestParameters: bucketRequest("policy"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [
      // A bucket without a policy answers this to every reader (consoles, AWS Config's S3 rules).
      { errorCode: "NoSuchBucketPolicy", errorMessage: "The bucket policy does not exist" },
      NO_SUCH_BUCKET,
    ],
    sources: sources("GetBucketPolicy"),
  }),
  read("GetBucketVersioning", {
    requestParameters: bucketRequest("versioning"),
    responseElements: null,
    additionalEventData: transfer(0),
    errors: [NO_SUCH_BUCKET],
    sources: sources("GetBucketVersioning"),
  }),
];
