import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { toAnalyzerResource } from "../../tools/engine/convert";
import { encodeAnalyzeStackRequest } from "../../bench/raw-analyze";
import { buildSyntheticStack } from "../../bench/synthetic-stack";

describe("encodeAnalyzeStackRequest", () => {
  it("gives the very bytes of AnalyzeStackRequest.serializeBinary, resource by resource", () => {
    const { resources } = buildSyntheticStack({ size: 60 });
    const whole = new analyzerProto.AnalyzeStackRequest();
    whole.setResourcesList(resources.map(toAnalyzerResource));
    expect(encodeAnalyzeStackRequest(resources).equals(Buffer.from(whole.serializeBinary()))).toBe(true);
  });

  it("decodes back to the same resources", () => {
    const { resources } = buildSyntheticStack({ size: 40 });
    const decoded = analyzerProto.AnalyzeStackRequest.deserializeBinary(
      new Uint8Array(encodeAnalyzeStackRequest(resources)),
    );
    expect(decoded.getResourcesList().map((r) => r.getUrn())).toEqual(resources.map((r) => r.urn));
  });
});
