/**
 * `runCheck` never lets an exception out (the policy SDK would turn one into an advisory "can't run policy"
 * diagnostic, and the stack would pass unchecked): a check that throws becomes the `internalError` finding about
 * the stack as a whole, naming the policy and the error.
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { runCheck, type PolicyDefinition } from "../../policies/common";

const definition = (check: () => never): PolicyDefinition<Record<string, never>> => ({
  name: "example-policy",
  displayName: "Example",
  description: "",
  remediationSteps: "",
  tags: [],
  configProperties: {},
  check,
  notApplicable: () => undefined,
});

const args = { resources: [], getConfig: <T>() => ({}) as T } as Pick<StackValidationArgs, "resources" | "getConfig">;
const environment = { stackRegion: () => "us-east-1" };

describe("runCheck", () => {
  it.each<[string, () => never, string]>([
    [
      "an Error",
      () => {
        throw new Error("boom");
      },
      "boom",
    ],
    [
      "a value that is not an Error",
      () => {
        throw "plain text"; // eslint-disable-line @typescript-eslint/only-throw-error
      },
      "plain text",
    ],
  ])("a check that throws %s gives one internalError finding about the stack", (_what, check, detail) => {
    expect(runCheck(definition(check), args, environment, cloudTrailChanges)).toStrictEqual({
      kind: "findings",
      findings: [{ messageId: "internalError", data: { policy: "example-policy", detail }, urn: undefined }],
    });
  });
});
