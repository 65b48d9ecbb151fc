/**
 * The regions synthetic records are placed in (lib/cloudtrail/records.ts), with the partition and DNS suffix AWS
 * documents for each: the China Regions are in the `aws-cn` partition with endpoints under `amazonaws.com.cn`
 * ("Endpoints and ARNs for Amazon Web Services in China": `arn:aws-cn:rds:cn-north-1:...`,
 * `dynamodb.cn-north-1.amazonaws.com.cn`), GovCloud (US) in `aws-us-gov` with endpoints under `amazonaws.com`
 * (AWS GovCloud (US) user guide, "Service endpoints"), every other Region in `aws` (AWS General Reference, "AWS
 * service endpoints").
 */
import { REGIONS, regionNamed } from "../../lib/cloudtrail/records";

describe("regionNamed", () => {
  test("a China Region: partition aws-cn, endpoints under amazonaws.com.cn", () => {
    expect(regionNamed("cn-north-1")).toEqual({
      name: "cn-north-1",
      partition: "aws-cn",
      dnsSuffix: "amazonaws.com.cn",
    });
  });

  test("a GovCloud (US) Region: partition aws-us-gov, endpoints under amazonaws.com", () => {
    expect(regionNamed("us-gov-west-1")).toEqual({
      name: "us-gov-west-1",
      partition: "aws-us-gov",
      dnsSuffix: "amazonaws.com",
    });
  });

  test("a Region the records do not rotate through is taken as a commercial one", () => {
    expect(regionNamed("eu-central-2")).toEqual({ name: "eu-central-2", partition: "aws", dnsSuffix: "amazonaws.com" });
  });

  test("every Region the records rotate through is its own entry", () => {
    for (const region of REGIONS) expect(regionNamed(region.name)).toBe(region);
  });
});
