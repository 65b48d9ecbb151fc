import { answerAwsInvoke, placeholderAccount, renderPolicyDocument } from "../../tools/runner/offline-invokes";
import { projectConfig } from "../../tools/runner/project";

describe("offline answers to common AWS invokes", () => {
  it("renders iam.getPolicyDocument as the provider does: single elements as strings, principals and conditions by type", () => {
    const result = renderPolicyDocument({
      statements: [
        {
          sid: "Write",
          actions: ["s3:PutObject"],
          resources: ["arn:aws:s3:::b/AWSLogs/*", "arn:aws:s3:::b/other/*"],
          principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
          conditions: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
        },
        { effect: "Deny", notActions: ["iam:*"], resources: ["*"], principals: [{ type: "*", identifiers: ["*"] }] },
      ],
    });
    expect(JSON.parse(result.json as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Write",
          Effect: "Allow",
          Action: "s3:PutObject",
          Resource: ["arn:aws:s3:::b/AWSLogs/*", "arn:aws:s3:::b/other/*"],
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
        { Effect: "Deny", NotAction: "iam:*", Resource: "*", Principal: "*" },
      ],
    });
    expect(JSON.parse(result.minifiedJson as string)).toEqual(JSON.parse(result.json as string));
  });

  it("answers getCallerIdentity with the placeholder account, and says so", () => {
    const answer = answerAwsInvoke("aws:index/getCallerIdentity:getCallerIdentity", {}, "cn-north-1");
    expect(answer).toMatchObject({
      ok: true,
      result: { accountId: placeholderAccount, arn: `arn:aws-cn:iam::${placeholderAccount}:user/offline-preview` },
    });
    expect(answer.ok && answer.note).toContain("placeholder account");
  });

  it("answers lookups by name with the ARN in the resource's own region, else the provider's", () => {
    expect(answerAwsInvoke("aws:sns/getTopic:getTopic", { name: "alerts" }, "us-east-1")).toMatchObject({
      ok: true,
      result: { arn: "arn:aws:sns:us-east-1:123456789012:alerts", name: "alerts" },
    });
    expect(
      answerAwsInvoke(
        "aws:cloudwatch/getLogGroup:getLogGroup",
        { name: "org/trail", region: "eu-west-1" },
        "us-east-1",
      ),
    ).toMatchObject({
      ok: true,
      result: { arn: "arn:aws:logs:eu-west-1:123456789012:log-group:org/trail", name: "org/trail" },
    });
  });

  it("refuses what it can't answer, naming the invoke", () => {
    const noRegion = answerAwsInvoke("aws:index/getRegion:getRegion", {}, undefined);
    expect(noRegion).toMatchObject({ ok: false });
    expect(!noRegion.ok && noRegion.message).toContain("set the region in config");
    const unknownToken = answerAwsInvoke("aws:ec2/getAmi:getAmi", { mostRecent: true }, "us-east-1");
    expect(!unknownToken.ok && unknownToken.message).toContain("'aws:ec2/getAmi:getAmi' needs the cloud provider");
    const merge = answerAwsInvoke(
      "aws:iam/getPolicyDocument:getPolicyDocument",
      { sourcePolicyDocuments: ["{}"] },
      "us-east-1",
    );
    expect(!merge.ok && merge.message).toContain("sourcePolicyDocuments");
  });
});

describe("project-level config in Pulumi.yaml", () => {
  it("takes values, {value} and declaration defaults; skips declarations without a default; stack keys are qualified", () => {
    expect(
      projectConfig(
        {
          "aws:region": "us-west-2",
          "pulumi:tags": { value: { "pulumi:template": "aws-typescript" } },
          logGroup: { type: "string", default: "org-trail" },
          required: { type: "string", description: "no default" },
          limits: { period: 300 },
        },
        "proj",
      ),
    ).toEqual({
      "aws:region": { value: "us-west-2", secure: false },
      "pulumi:tags": { value: '{"pulumi:template":"aws-typescript"}', secure: false },
      "proj:logGroup": { value: "org-trail", secure: false },
      "proj:limits": { value: '{"period":300}', secure: false },
    });
    expect(projectConfig("config/", "proj")).toEqual({});
  });
});
