/**
 * The building blocks of the synthetic stacks (bench/synthetic-stack.ts): URNs, providers, tags and ARNs that share
 * one stack and one seeded pseudo-random generator, and the unrelated resources a large AWS program holds (S3
 * buckets, IAM roles, EC2 instances, Lambda functions) with realistic nested properties, JSON policy documents and
 * a secret.
 */
import type { EngineResource } from "../tools/engine/protocol";
import { secretValue, unknownSentinels } from "../tools/engine/protocol";

/** A provider resource and the reference resources carry to it. */
export interface ProviderRef {
  resource: EngineResource;
  ref: NonNullable<EngineResource["provider"]>;
  region: string;
}

/** The account every synthetic ARN names. */
export const accountId = "123456789012";

/** mulberry32: a small, fast, seedable pseudo-random generator. */
function pseudoRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds resources that share the stack's URN prefix, root, and random generator. */
export class StackContext {
  private readonly random: () => number;
  readonly rootUrn: string;

  constructor(
    private readonly stack: string,
    private readonly project: string,
    seed: number,
  ) {
    this.random = pseudoRandom(seed);
    this.rootUrn = this.urn("pulumi:pulumi:Stack", `${project}-${stack}`);
  }

  urn(type: string, name: string, parentType?: string): string {
    const qualified = parentType ? `${parentType}$${type}` : type;
    return `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
  }

  hex(length: number): string {
    let s = "";
    while (s.length < length)
      s += Math.floor(this.random() * 0x100000000)
        .toString(16)
        .padStart(8, "0");
    return s.slice(0, length);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** A child resource of the root stack. */
  child(
    type: string,
    name: string,
    provider: ProviderRef,
    properties: Record<string, unknown>,
    links: { dependencies?: string[]; propertyDependencies?: Record<string, string[]> } = {},
  ): EngineResource {
    const resource: EngineResource = {
      type,
      urn: this.urn(type, name, "pulumi:pulumi:Stack"),
      name,
      properties,
      parent: this.rootUrn,
      dependencies: links.dependencies ?? [],
      provider: provider.ref,
      options: { parent: this.rootUrn },
    };
    if (links.propertyDependencies) resource.propertyDependencies = links.propertyDependencies;
    return resource;
  }

  rootStack(): EngineResource {
    return { type: "pulumi:pulumi:Stack", urn: this.rootUrn, name: `${this.project}-${this.stack}`, properties: {} };
  }

  provider(name: string, region: string): ProviderRef {
    const type = "pulumi:providers:aws";
    const properties = { region, version: "7.48.0", skipCredentialsValidation: "false" };
    const urn = this.urn(type, name);
    const resource: EngineResource = { type, urn, name, properties, parent: this.rootUrn };
    return { resource, ref: { type, urn, name, properties }, region };
  }

  /** tags and tagsAll as the AWS provider fills them. */
  tags(name: string, extra: Record<string, string> = {}): Record<string, unknown> {
    const tags = { Name: name, team: this.pick(["platform", "payments", "search", "data"]), ...extra };
    return { tags, tagsAll: { ...tags, environment: "production", "managed-by": "pulumi" } };
  }

  arn(service: string, region: string, resource: string): string {
    return `arn:aws:${service}:${region}:${accountId}:${resource}`;
  }

  bucket(index: number, provider: ProviderRef): EngineResource {
    const name = `app-data-${index}-${this.hex(6)}`;
    const isNew = index % 5 === 0;
    const arn = `arn:aws:s3:::${name}`;
    return this.child("aws:s3/bucket:Bucket", `bucket-${index}`, provider, {
      bucket: name,
      id: isNew ? unknownSentinels.string : name,
      arn: isNew ? unknownSentinels.string : arn,
      bucketDomainName: `${name}.s3.amazonaws.com`,
      bucketRegionalDomainName: `${name}.s3.${provider.region}.amazonaws.com`,
      hostedZoneId: "Z3AQBSTGFYJSTF",
      forceDestroy: false,
      objectLockEnabled: false,
      acl: "private",
      region: provider.region,
      versioning: [{ enabled: true, mfaDelete: false }],
      serverSideEncryptionConfiguration: {
        rule: {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: this.arn("kms", provider.region, `key/${this.hex(32)}`),
          },
          bucketKeyEnabled: true,
        },
      },
      lifecycleRules: [
        {
          id: "expire-old",
          enabled: true,
          prefix: "logs/",
          expirations: [{ days: 90 }],
          transitions: [{ days: 30, storageClass: "STANDARD_IA" }],
        },
      ],
      policy: JSON.stringify(bucketPolicy(arn)),
      ...this.tags(name, { dataClassification: this.pick(["internal", "confidential", "public"]) }),
    });
  }

  role(index: number, provider: ProviderRef): EngineResource {
    const name = `service-role-${index}-${this.hex(6)}`;
    const isNew = index % 5 === 1;
    return this.child("aws:iam/role:Role", `role-${index}`, provider, {
      name,
      id: isNew ? unknownSentinels.string : name,
      arn: isNew ? unknownSentinels.string : this.arn("iam", "", `role/${name}`),
      uniqueId: isNew ? unknownSentinels.string : `AROA${this.hex(17).toUpperCase()}`,
      path: "/",
      maxSessionDuration: 3600,
      forceDetachPolicies: false,
      assumeRolePolicy: JSON.stringify(assumeRolePolicy(this.pick(["lambda", "ec2", "ecs-tasks"]))),
      managedPolicyArns: [
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
      ],
      inlinePolicies: [{ name: "read-config", policy: JSON.stringify(readConfigPolicy(index)) }],
      description: `Execution role for service ${index}`,
      createDate: isNew ? unknownSentinels.string : "2024-03-01T12:00:00Z",
      ...this.tags(name),
    });
  }

  instance(index: number, provider: ProviderRef): EngineResource {
    const name = `worker-${index}`;
    const isNew = index % 5 === 2;
    const unknownOr = (value: unknown) => (isNew ? unknownSentinels.string : value);
    return this.child("aws:ec2/instance:Instance", name, provider, {
      id: unknownOr(`i-${this.hex(17)}`),
      arn: unknownOr(this.arn("ec2", provider.region, `instance/i-${this.hex(17)}`)),
      ami: `ami-${this.hex(17)}`,
      instanceType: this.pick(["t3.micro", "t3.large", "m6i.xlarge", "c7g.2xlarge"]),
      subnetId: `subnet-${this.hex(17)}`,
      vpcSecurityGroupIds: [`sg-${this.hex(17)}`, `sg-${this.hex(17)}`],
      associatePublicIpAddress: false,
      privateIp: unknownOr(`10.${index % 256}.${(index >> 8) % 256}.${(index * 7) % 256}`),
      publicIp: unknownOr(""),
      monitoring: true,
      ebsOptimized: true,
      iamInstanceProfile: `worker-profile-${index % 20}`,
      userData: `#!/bin/bash\nset -euo pipefail\nyum install -y amazon-cloudwatch-agent\n/opt/aws/amazon-cloudwatch-agent/bin/start --config ssm:worker-${index % 20}\n`,
      rootBlockDevice: {
        volumeSize: 50,
        volumeType: "gp3",
        encrypted: true,
        deleteOnTermination: true,
        iops: 3000,
        throughput: 125,
      },
      ebsBlockDevices: [
        { deviceName: "/dev/sdf", volumeSize: 200, volumeType: "gp3", encrypted: true, deleteOnTermination: true },
      ],
      metadataOptions: {
        httpEndpoint: "enabled",
        httpTokens: "required",
        httpPutResponseHopLimit: 1,
        instanceMetadataTags: "disabled",
      },
      creditSpecification: { cpuCredits: "unlimited" },
      region: provider.region,
      ...this.tags(name, { costCenter: `cc-${index % 40}` }),
    });
  }

  lambda(index: number, provider: ProviderRef): EngineResource {
    const name = `handler-${index}-${this.hex(6)}`;
    const isNew = index % 5 === 3;
    const roleUrn = this.urn("aws:iam/role:Role", `role-${index - 2}`, "pulumi:pulumi:Stack");
    const arn = this.arn("lambda", provider.region, `function:${name}`);
    return this.child(
      "aws:lambda/function:Function",
      `fn-${index}`,
      provider,
      {
        name,
        id: isNew ? unknownSentinels.string : name,
        arn: isNew ? unknownSentinels.string : arn,
        invokeArn: isNew
          ? unknownSentinels.string
          : `arn:aws:apigateway:${provider.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
        qualifiedArn: isNew ? unknownSentinels.string : `${arn}:$LATEST`,
        role: isNew ? unknownSentinels.string : this.arn("iam", "", `role/service-role-${index - 2}`),
        handler: "index.handler",
        runtime: this.pick(["nodejs20.x", "python3.12", "java21"]),
        memorySize: this.pick([128, 256, 512, 1024]),
        timeout: 30,
        architectures: ["arm64"],
        packageType: "Zip",
        sourceCodeHash: this.hex(44),
        environment: {
          variables: {
            LOG_LEVEL: "info",
            TABLE_NAME: `table-${index % 50}`,
            API_TOKEN: secretValue(`tok-${this.hex(24)}`),
          },
        },
        tracingConfig: { mode: "Active" },
        vpcConfig: {
          subnetIds: [`subnet-${this.hex(17)}`, `subnet-${this.hex(17)}`],
          securityGroupIds: [`sg-${this.hex(17)}`],
          vpcId: `vpc-${this.hex(17)}`,
        },
        layers: [this.arn("lambda", provider.region, "layer:shared-utils:12")],
        loggingConfig: {
          logFormat: "JSON",
          applicationLogLevel: "INFO",
          systemLogLevel: "WARN",
          logGroup: `/aws/lambda/${name}`,
        },
        region: provider.region,
        ...this.tags(name),
      },
      index >= 2 ? { dependencies: [roleUrn], propertyDependencies: { role: [roleUrn] } } : {},
    );
  }
}

/** An SNS topic policy that lets CloudWatch alarms publish. */
export function topicPolicy(topicArn: string): unknown {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowCloudWatchAlarms",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: "sns:Publish",
        Resource: topicArn,
      },
    ],
  };
}

function bucketPolicy(bucketArn: string): unknown {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
      {
        Sid: "AllowAccountRead",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: ["s3:GetObject", "s3:ListBucket"],
        Resource: [bucketArn, `${bucketArn}/*`],
      },
    ],
  };
}

function assumeRolePolicy(service: string): unknown {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: `${service}.amazonaws.com` }, Action: "sts:AssumeRole" }],
  };
}

function readConfigPolicy(index: number): unknown {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["ssm:GetParameter", "ssm:GetParametersByPath"],
        Resource: `arn:aws:ssm:*:${accountId}:parameter/service-${index}/*`,
      },
      {
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: "*",
        Condition: { StringEquals: { "kms:ViaService": "ssm.us-east-1.amazonaws.com" } },
      },
    ],
  };
}
