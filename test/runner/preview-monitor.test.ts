import * as fs from "fs";
import * as path from "path";
import {
  defaultProviderInputs,
  defaultProviderName,
  makeUrn,
  partitionOf,
  plannedOutputs,
  providerRefUrn,
  unknownString,
} from "../../tools/runner/preview-monitor";
import { typeInfoFromTypings, typeInfoReader, typingsPathFor } from "../../tools/runner/provider-types";

const awsDir = path.dirname(require.resolve("@pulumi/aws/package.json"));

describe("URNs and providers as the engine names them", () => {
  it("leaves the root stack's type out of a top-level resource's URN", () => {
    const stack = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    expect(makeUrn("dev", "proj", stack, "aws:sns/topic:Topic", "alerts")).toBe(
      "urn:pulumi:dev::proj::aws:sns/topic:Topic::alerts",
    );
    expect(makeUrn("dev", "proj", undefined, "pulumi:pulumi:Stack", "proj-dev")).toBe(stack);
  });

  it("prefixes a component parent's type with $", () => {
    const parent = "urn:pulumi:dev::proj::my:index:Monitoring::m";
    expect(makeUrn("dev", "proj", parent, "aws:sns/topic:Topic", "t")).toBe(
      "urn:pulumi:dev::proj::my:index:Monitoring$aws:sns/topic:Topic::t",
    );
    const child = "urn:pulumi:dev::proj::my:index:Monitoring$my:index:Inner::i";
    expect(makeUrn("dev", "proj", child, "aws:sns/topic:Topic", "t")).toBe(
      "urn:pulumi:dev::proj::my:index:Monitoring$my:index:Inner$aws:sns/topic:Topic::t",
    );
  });

  it("names the default provider after its version and gives it the package's config", () => {
    expect(defaultProviderName("7.48.0")).toBe("default_7_48_0");
    expect(defaultProviderName("")).toBe("default");
    expect(
      defaultProviderInputs(
        "aws",
        { "aws:region": "us-east-1", "aws:skipMetadataApiCheck": "true", "proj:x": "1" },
        "7.48.0",
      ),
    ).toEqual({
      region: "us-east-1",
      skipMetadataApiCheck: "true",
      version: "7.48.0",
    });
    expect(providerRefUrn("urn:pulumi:dev::p::pulumi:providers:aws::eu::04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe(
      "urn:pulumi:dev::p::pulumi:providers:aws::eu",
    );
  });

  it("knows the partitions", () => {
    expect(partitionOf("cn-north-1").partition).toBe("aws-cn");
    expect(partitionOf("us-gov-west-1").partition).toBe("aws-us-gov");
    expect(partitionOf("eu-west-1")).toEqual({ partition: "aws", dnsSuffix: "amazonaws.com" });
  });
});

describe("type information from the @pulumi/aws 7.48.0 typings", () => {
  it("maps type tokens to typings files", () => {
    expect(typingsPathFor("aws:cloudtrail/trail:Trail")).toEqual({ file: "cloudtrail/trail.d.ts", className: "Trail" });
    expect(typingsPathFor("aws:index/provider:Provider")).toEqual({ file: "provider.d.ts", className: "Provider" });
    expect(typingsPathFor("pulumi:pulumi:Stack")).toBeUndefined();
  });

  it("finds the trail's computed outputs, its auto-name and its v7 region", () => {
    const text = fs.readFileSync(path.join(awsDir, "cloudtrail/trail.d.ts"), "utf8");
    const info = typeInfoFromTypings(text, "Trail");
    expect(info?.computedOutputs.slice().sort()).toEqual(["arn", "homeRegion", "snsTopicArn", "tagsAll"]);
    expect(info?.autoNameProperty).toBe("name");
    expect(info?.hasRegion).toBe(true);
  });

  it("auto-names S3 buckets through `bucket`, in lower case, with a prefix property", () => {
    const info = typeInfoReader({ aws: awsDir })("aws:s3/bucket:Bucket");
    expect(info.autoNameProperty).toBe("bucket");
    expect(info.autoNameLowerCase).toBe(true);
    expect(info.namePrefixProperty).toBe("bucketPrefix");
  });

  it("gives IAM roles (global) no region and subscriptions no auto-name", () => {
    const read = typeInfoReader({ aws: awsDir });
    expect(read("aws:iam/role:Role").hasRegion).toBe(false);
    expect(read("aws:sns/topicSubscription:TopicSubscription").autoNameProperty).toBeUndefined();
    expect(read("aws:sns/topicSubscription:TopicSubscription").computedOutputs).toContain("arn");
  });

  it("falls back to the built-in table when the typings can't be read", () => {
    const read = typeInfoReader({ aws: "/nonexistent" });
    expect(read("aws:cloudwatch/logGroup:LogGroup").computedOutputs).toEqual(["arn", "tagsAll"]);
    expect(read("custom:x:Y")).toEqual({ computedOutputs: [], hasRegion: false });
  });
});

describe("plannedOutputs (what a first preview plans for a new resource)", () => {
  const logGroup = {
    computedOutputs: ["arn", "tagsAll"],
    autoNameProperty: "name",
    namePrefixProperty: "namePrefix",
    hasRegion: true,
  };
  const fixed = (): string => "abc1234";

  it("keeps inputs, auto-names, takes the provider's region and leaves computed outputs unknown", () => {
    expect(plannedOutputs({ retentionInDays: 365 }, logGroup, "cloudtrail", { region: "eu-west-1" }, fixed)).toEqual({
      retentionInDays: 365,
      name: "cloudtrail-abc1234",
      region: "eu-west-1",
      id: unknownString,
      arn: unknownString,
      tagsAll: unknownString,
    });
  });

  it("keeps an explicit name and region, and leaves a prefixed name unknown", () => {
    expect(
      plannedOutputs({ name: "mine", region: "us-west-2" }, logGroup, "g", { region: "eu-west-1" }, fixed),
    ).toMatchObject({
      name: "mine",
      region: "us-west-2",
    });
    expect(plannedOutputs({ namePrefix: "ct-" }, logGroup, "g", undefined, fixed)).toMatchObject({
      name: unknownString,
      region: unknownString,
    });
  });

  it("wraps additional secret outputs as secrets", () => {
    const out = plannedOutputs({ name: "n" }, logGroup, "g", { region: "x" }, fixed, ["name"]);
    expect(out.name).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "n" });
  });
});
