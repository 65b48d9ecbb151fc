import { unknownValue } from "../helpers/engine-resources";
import { documentField } from "../../lib/stack/routing-adapters";

// Deployed state (stack export, refresh) writes unset strings as "" and unset objects as {} (see lib/stack/read.ts);
// a policy document is JSON text (IAM User Guide, "IAM JSON policy reference") or, on aws-native, an object.
describe("documentField", () => {
  it("a null, empty-text or empty-object document is absent", () => {
    expect(documentField(null)).toEqual({ state: "absent" });
    expect(documentField("")).toEqual({ state: "absent" });
    expect(documentField({})).toEqual({ state: "absent" });
  });

  it("a document holding an unknown anywhere is unknown; a whole one is known", () => {
    expect(documentField({ Statement: [{ Resource: unknownValue.string }] })).toEqual({ state: "unknown" });
    expect(documentField('{"Version":"2012-10-17"}')).toEqual({ state: "known", value: '{"Version":"2012-10-17"}' });
  });
});
