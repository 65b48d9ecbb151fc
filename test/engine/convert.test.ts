// How tools/engine builds and reads protobuf messages, checked against what the engine sends
// (sdk/go/common/resource/plugin/analyzer_plugin.go) and what @pulumi/policy requires.
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import {
  fromAnalyzeResponse,
  fromAnalyzerInfo,
  toAnalyzerResource,
  toConfigureRequest,
  toJsonData,
} from "../../tools/engine/convert";
import { secretValue, unknownSentinels } from "../../tools/engine";

const trailUrn = "urn:pulumi:dev::demo::aws:cloudtrail/trail:Trail::trail";
const groupUrn = "urn:pulumi:dev::demo::aws:cloudwatch/logGroup:LogGroup::trail-logs";

describe("toAnalyzerResource", () => {
  it("always sets options, even when the resource has none (the SDK refuses a resource without them)", () => {
    const resource = toAnalyzerResource({ type: "aws:sns/topic:Topic", urn: "urn:t", name: "t", properties: {} });
    expect(resource.hasOptions()).toBe(true);
    expect(resource.getOptions()?.getDeletebeforereplacedefined()).toBe(false);
    expect(resource.hasProperties()).toBe(true);
  });

  it("carries unknown sentinels, secrets, dependencies, the provider and the options", () => {
    const resource = toAnalyzerResource({
      type: "aws:cloudtrail/trail:Trail",
      urn: trailUrn,
      name: "trail",
      parent: "urn:stack",
      properties: { cloudWatchLogsGroupArn: unknownSentinels.string, kmsKeyId: secretValue("key"), dropped: undefined },
      dependencies: [groupUrn],
      propertyDependencies: { cloudWatchLogsGroupArn: [groupUrn], s3BucketName: [] },
      provider: { type: "pulumi:providers:aws", urn: "urn:p", name: "default", properties: { region: "eu-west-1" } },
      options: { protect: true, additionalSecretOutputs: ["kmsKeyId"], deleteBeforeReplace: false },
    });
    expect(resource.getProperties()?.toJavaScript()).toEqual({
      cloudWatchLogsGroupArn: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      kmsKeyId: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "key" },
    });
    expect(resource.getParent()).toBe("urn:stack");
    expect(resource.getOptions()?.getParent()).toBe("urn:stack");
    expect(resource.getDependenciesList()).toEqual([groupUrn]);
    // The engine omits empty property-dependency lists.
    expect([...resource.getPropertydependenciesMap().keys()]).toEqual(["cloudWatchLogsGroupArn"]);
    expect(resource.getPropertydependenciesMap().get("cloudWatchLogsGroupArn")?.getUrnsList()).toEqual([groupUrn]);
    expect(resource.getProvider()?.getProperties()?.toJavaScript()).toEqual({ region: "eu-west-1" });
    expect(resource.getOptions()?.getProtect()).toBe(true);
    expect(resource.getOptions()?.getAdditionalsecretoutputsList()).toEqual(["kmsKeyId"]);
    expect(resource.getOptions()?.getDeletebeforereplacedefined()).toBe(true);
  });

  it("refuses values that are not JSON data, naming where they are", () => {
    expect(() => toJsonData({ a: [1, NaN] })).toThrow("properties.a[1]: NaN cannot be sent over the protocol");
    expect(() => toJsonData({ d: new Date(0) })).toThrow("properties.d: a object cannot be sent");
  });
});

describe("toConfigureRequest", () => {
  it("sends every policy with an explicit level and a properties Struct, even an empty one", () => {
    const request = toConfigureRequest({
      policies: {
        a: { enforcementLevel: "mandatory", properties: { period: 300 } },
        b: { enforcementLevel: "disabled", properties: {} },
      },
      warnings: [],
    });
    const a = request.getPolicyconfigMap().get("a");
    const b = request.getPolicyconfigMap().get("b");
    expect(a?.getEnforcementlevel()).toBe(analyzerProto.EnforcementLevel.MANDATORY);
    expect(a?.getProperties()?.toJavaScript()).toEqual({ period: 300 });
    expect(b?.getEnforcementlevel()).toBe(analyzerProto.EnforcementLevel.DISABLED);
    expect(b?.hasProperties()).toBe(true);
  });
});

describe("fromAnalyzerInfo and fromAnalyzeResponse", () => {
  function sampleInfo(): analyzerProto.AnalyzerInfo {
    const info = new analyzerProto.AnalyzerInfo();
    info.setName("pack");
    info.setVersion("0.1.0");
    const policy = new analyzerProto.PolicyInfo();
    policy.setName("p");
    policy.setDescription("d");
    policy.setEnforcementlevel(analyzerProto.EnforcementLevel.MANDATORY);
    policy.setSeverity(analyzerProto.PolicySeverity.POLICY_SEVERITY_MEDIUM);
    const schema = new analyzerProto.PolicyConfigSchema();
    schema.setProperties(Struct.fromJavaScript({ period: { type: "integer", default: 300 } }));
    policy.setConfigschema(schema);
    info.setPoliciesList([policy]);
    const initial = new analyzerProto.PolicyConfig(); // no level set: protobuf's zero value, ADVISORY
    initial.setProperties(Struct.fromJavaScript({ period: 60 }));
    info.getInitialconfigMap().set("p", initial);
    return info;
  }

  it("turns enums into strings and an initialConfig entry without a level into advisory", () => {
    expect(fromAnalyzerInfo(sampleInfo())).toEqual({
      name: "pack",
      version: "0.1.0",
      // Unset strings and lists arrive as protobuf's empty values.
      readme: "",
      repository: "",
      policies: [
        {
          name: "p",
          description: "d",
          enforcementLevel: "mandatory",
          severity: "medium",
          tags: [],
          configSchema: { properties: { period: { type: "integer", default: 300 } } },
        },
      ],
      initialConfig: { p: { period: 60, enforcementLevel: "advisory" } },
    });
  });

  it("prefers PulumiPolicy.yaml's version, as the engine does", () => {
    expect(fromAnalyzerInfo(sampleInfo(), "9.9.9").version).toBe("9.9.9");
  });

  it("converts diagnostics and not-applicable policies", () => {
    const response = new analyzerProto.AnalyzeResponse();
    const d = new analyzerProto.AnalyzeDiagnostic();
    d.setPolicyname("p");
    d.setPolicypackname("pack");
    d.setPolicypackversion("0.1.0");
    d.setDescription("desc");
    d.setMessage("desc\nmsg");
    d.setEnforcementlevel(analyzerProto.EnforcementLevel.ADVISORY);
    d.setUrn(trailUrn);
    d.setSeverity(analyzerProto.PolicySeverity.POLICY_SEVERITY_HIGH);
    const n = new analyzerProto.PolicyNotApplicable();
    n.setPolicyName("q");
    n.setReason("no trails");
    response.setDiagnosticsList([d]);
    response.setNotApplicableList([n]);
    expect(fromAnalyzeResponse(response)).toEqual({
      diagnostics: [
        {
          policyPack: "pack",
          policyPackVersion: "0.1.0",
          policyName: "p",
          enforcementLevel: "advisory",
          severity: "high",
          urn: trailUrn,
          message: "desc\nmsg",
          description: "desc",
        },
      ],
      notApplicable: [{ policyName: "q", reason: "no trails" }],
    });
  });
});
