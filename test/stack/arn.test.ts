/**
 * ARNs as the pack reads them. The format is `arn:partition:service:region:account-id:resource`, where the resource
 * may itself hold colons (IAM user guide, "Amazon Resource Names (ARNs)"); a log group's ARN is
 * `arn:aws:logs:region:account-id:log-group:log_group_name`, written with a `:*` suffix where CloudTrail takes it
 * (`CloudWatchLogsLogGroupArn`, CloudTrail API reference, CreateTrail) and by DescribeLogGroups' `arn`.
 */
import { logGroupOfArn, parseArn, snsTopicRegion, stripWildcard } from "../../lib/stack/arn";

describe("parseArn", () => {
  it("splits an ARN into its parts, the resource keeping its own colons", () => {
    expect(parseArn("arn:aws:logs:us-east-1:123456789012:log-group:trail-logs:*")).toEqual({
      partition: "aws",
      service: "logs",
      region: "us-east-1",
      account: "123456789012",
      resource: "log-group:trail-logs:*",
    });
    expect(parseArn("arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts")).toEqual({
      partition: "aws-us-gov",
      service: "sns",
      region: "us-gov-west-1",
      account: "123456789012",
      resource: "alerts",
    });
  });
  it("is not an ARN without the `arn` prefix or with fewer than six parts", () => {
    expect(parseArn("urn:aws:sns:us-east-1:123456789012:alerts")).toBeUndefined();
    expect(parseArn("arn:aws:sns:us-east-1:123456789012")).toBeUndefined();
    expect(parseArn("alerts")).toBeUndefined();
  });
});

describe("logGroupOfArn", () => {
  it("the log group's name and region, with or without the `:*` suffix", () => {
    const group = { name: "trail-logs", region: "eu-west-1" };
    expect(logGroupOfArn("arn:aws:logs:eu-west-1:123456789012:log-group:trail-logs:*")).toEqual(group);
    expect(logGroupOfArn("arn:aws:logs:eu-west-1:123456789012:log-group:trail-logs")).toEqual(group);
    // Log group names may hold `/` (CloudWatch Logs API, CreateLogGroup: "a-z, A-Z, 0-9, '_', '-', '/', '.', '#'").
    expect(logGroupOfArn("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/cloudtrail/main:*")).toEqual({
      name: "/aws/cloudtrail/main",
      region: "eu-west-1",
    });
  });
  it.each([
    ["not an ARN", "trail-logs"],
    ["another service's ARN", "arn:aws:sns:eu-west-1:123456789012:log-group:trail-logs"],
    ["another CloudWatch Logs resource (a destination)", "arn:aws:logs:eu-west-1:123456789012:destination:d"],
    ["a log stream of a log group", "arn:aws:logs:eu-west-1:123456789012:log-stream:s"],
    ["an empty log group name", "arn:aws:logs:eu-west-1:123456789012:log-group:"],
    ["an empty log group name with `:*`", "arn:aws:logs:eu-west-1:123456789012:log-group::*"],
  ])("no log group in %s", (_case, text) => {
    expect(logGroupOfArn(text)).toBeUndefined();
  });
});

describe("stripWildcard", () => {
  it("drops a trailing `:*` only", () => {
    expect(stripWildcard("arn:aws:logs:eu-west-1:123456789012:log-group:trail-logs:*")).toBe(
      "arn:aws:logs:eu-west-1:123456789012:log-group:trail-logs",
    );
    expect(stripWildcard("arn:aws:logs:eu-west-1:123456789012:log-group:trail-logs")).toBe(
      "arn:aws:logs:eu-west-1:123456789012:log-group:trail-logs",
    );
  });
});

describe("snsTopicRegion", () => {
  it("the region of an SNS topic ARN; none for another service's ARN or a text that is not an ARN", () => {
    expect(snsTopicRegion("arn:aws:sns:ap-south-1:123456789012:alerts")).toBe("ap-south-1");
    expect(snsTopicRegion("arn:aws:lambda:ap-south-1:123456789012:function:notify")).toBeUndefined();
    expect(snsTopicRegion("alerts")).toBeUndefined();
  });
});
