/**
 * One CloudTrail record built from a call shape (lib/cloudtrail/families/shape-record.ts): the Region it is recorded
 * in, its request and response with the account, partition and Region filled in, the fields CloudTrail writes from
 * each event version on, the caller's client and session, and the failures a call can have (CloudTrail user guide,
 * "CloudTrail record contents"; "userIdentity element").
 */
import { ALL_CALL_SHAPES, callShapeOf, fillPlaceholders } from "../../lib/cloudtrail/calls";
import type { CallShape } from "../../lib/cloudtrail/calls";
import { failuresOf, recordedRegionOf, shapeRecord } from "../../lib/cloudtrail/families/shape-record";
import type { ShapeOutcome, ShapePlan } from "../../lib/cloudtrail/families/shape-record";
import { CALLER_IDENTITIES } from "../../lib/cloudtrail/identities";
import type { CallerIdentity } from "../../lib/cloudtrail/identities";
import { ACCOUNT_ID, REGIONS, regionNamed } from "../../lib/cloudtrail/records";
import { getAtPath } from "../../lib/cloudtrail";
import { text } from "../helpers/records";

const shapeOf = (eventSource: string, eventName: string): CallShape => {
  const shape = callShapeOf(eventSource, eventName);
  if (shape === undefined) throw new Error(`no shape for ${eventSource} ${eventName}`);
  return shape;
};
const callerOf = (key: string): CallerIdentity => {
  const caller = CALLER_IDENTITIES.find((candidate) => candidate.key === key);
  if (caller === undefined) throw new Error(`no caller ${key}`);
  return caller;
};
const SUCCESS: ShapeOutcome = { kind: "success" };
/** A plan for a successful call by the console IAM user, at event version 1.10, in eu-west-1. */
const planOf = (shape: CallShape, plan: Partial<ShapePlan> = {}): ShapePlan => ({
  index: 3,
  shape,
  caller: callerOf("iam-user-console"),
  outcome: SUCCESS,
  eventVersion: "1.10",
  region: regionNamed("eu-west-1"),
  request: 0,
  ...plan,
});

// "CloudTrail record contents": eventID and requestID are GUIDs; eventTime is UTC to the second.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

// Shapes and records are built inside each test: Stryker credits a mutant only to the tests during which its code ran.
describe("recordedRegionOf", () => {
  test("a global service's call is recorded in us-east-1, a regional call in the Region it is made in", () => {
    // CloudTrail user guide, "Global service events": IAM's events are recorded in us-east-1 whatever the Region.
    // EC2 is a regional service: its events are recorded in the Region of the endpoint called.
    for (const region of REGIONS) {
      expect(recordedRegionOf(shapeOf("iam.amazonaws.com", "DeletePolicy"), region).name).toBe("us-east-1");
      expect(recordedRegionOf(shapeOf("ec2.amazonaws.com", "CreateVpc"), region)).toBe(region);
    }
  });

  test("a call with a recorded Region is recorded there, with that Region's partition and DNS suffix", () => {
    // calls/types.ts, `recordedRegion`: "the one Region CloudTrail writes as awsRegion". The Region keeps the
    // partition and endpoint suffix AWS documents for it (records.test.ts: aws-cn and amazonaws.com.cn for the China
    // Regions, aws-us-gov for GovCloud (US), aws for the others, eu-central-2 among them: AWS General Reference,
    // "Regional endpoints").
    const base = shapeOf("ec2.amazonaws.com", "CreateVpc");
    for (const region of REGIONS) {
      for (const from of REGIONS) {
        expect(recordedRegionOf({ ...base, recordedRegion: region.name }, from)).toEqual(regionNamed(region.name));
      }
    }
    expect(recordedRegionOf({ ...base, recordedRegion: "eu-central-2" }, regionNamed("cn-north-1"))).toEqual({
      name: "eu-central-2",
      partition: "aws",
      dnsSuffix: "amazonaws.com",
    });
  });
});

describe("shapeRecord", () => {
  test("every record has CloudTrail's fields: time, ids, the recipient account, its request and response", () => {
    // "CloudTrail record contents": eventTime, requestID, eventID, eventType and recipientAccountId are written for
    // every API call; responseElements is null for a failed call (shape-record.ts doc comment) and the call's
    // response otherwise; readOnly tells whether the operation is read-only.
    const shape = shapeOf("cloudtrail.amazonaws.com", "GetTrailStatus");
    const values = { account: ACCOUNT_ID, partition: "aws", region: "eu-west-1" };
    const denied = failuresOf(shape)[0];
    for (const outcome of [SUCCESS, denied]) {
      const record = shapeRecord(planOf(shape, { outcome }));
      expect(record.eventTime).toEqual(expect.stringMatching(TIME));
      expect(record.requestID).toEqual(expect.stringMatching(GUID));
      expect(record.eventID).toEqual(expect.stringMatching(GUID));
      expect(record.requestID).not.toBe(record.eventID);
      expect(record.recipientAccountId).toBe(ACCOUNT_ID);
      expect(record.eventType).toBe("AwsApiCall");
      expect(record.readOnly).toBe(true);
      expect(record.requestParameters).toEqual(fillPlaceholders(shape.requestParameters, values));
      expect(record).toHaveProperty(
        "responseElements",
        outcome.kind === "success" ? fillPlaceholders(shape.responseElements, values) : null,
      );
    }
  });

  test("managementEvent, eventCategory, tlsDetails and sessionCredentialFromConsole appear from their version on", () => {
    // "CloudTrail record contents": managementEvent (true for a management event) since 1.06, eventCategory
    // ("Management") since 1.07, tlsDetails since 1.08, sessionCredentialFromConsole ("true" when the call came from
    // a console session) later still. A call an AWS service makes on a caller's behalf carries no tlsDetails
    // (identities.ts, `hasTlsDetails`); a CLI call carries no sessionCredentialFromConsole.
    const shape = shapeOf("ec2.amazonaws.com", "CreateVpc");
    const consoleCall = (eventVersion: string) => shapeRecord(planOf(shape, { eventVersion }));
    expect(consoleCall("1.05")).not.toHaveProperty("managementEvent");
    expect(consoleCall("1.06")).toHaveProperty("managementEvent", true);
    expect(consoleCall("1.06")).not.toHaveProperty("eventCategory");
    expect(consoleCall("1.07")).toHaveProperty("eventCategory", "Management");
    for (const early of ["1.05", "1.07"]) {
      expect(consoleCall(early)).not.toHaveProperty("tlsDetails");
      expect(consoleCall(early)).not.toHaveProperty("sessionCredentialFromConsole");
    }
    const late = consoleCall("1.10");
    expect(late).toHaveProperty("tlsDetails");
    expect(late).toHaveProperty("sessionCredentialFromConsole", "true");
    const cli = shapeRecord(planOf(shape, { caller: callerOf("iam-user-cli") }));
    expect(cli).toHaveProperty("tlsDetails");
    expect(cli).not.toHaveProperty("sessionCredentialFromConsole");
    const service = shapeRecord(planOf(shape, { caller: callerOf("aws-service-cloudformation") }));
    expect(service).not.toHaveProperty("tlsDetails");
    expect(service).not.toHaveProperty("sessionCredentialFromConsole");
  });

  test("the TLS host header names the endpoint called: the Region's, or a global service's global endpoint", () => {
    // AWS General Reference, "AWS service endpoints": `service.region.amazonaws.com`, `.amazonaws.com.cn` in the
    // China Regions ("Endpoints and ARNs for Amazon Web Services in China"); IAM's endpoint is iam.amazonaws.com.
    // CloudTrail user guide, "CloudTrail record contents": tlsDetails.clientProvidedHostHeader is the host the
    // client asked for.
    const host = (shape: CallShape, region: string) =>
      getAtPath(shapeRecord(planOf(shape, { region: regionNamed(region) })), [
        "tlsDetails",
        "clientProvidedHostHeader",
      ]);
    expect(host(shapeOf("ec2.amazonaws.com", "CreateVpc"), "eu-west-1")).toBe("ec2.eu-west-1.amazonaws.com");
    expect(host(shapeOf("ec2.amazonaws.com", "CreateVpc"), "cn-north-1")).toBe("ec2.cn-north-1.amazonaws.com.cn");
    expect(host(shapeOf("iam.amazonaws.com", "DeletePolicy"), "eu-west-1")).toBe("iam.amazonaws.com");
  });

  test("the request, response and extra data name the account, partition and Region the call is recorded in", () => {
    // "CloudTrail record contents": the record holds the parameters sent and the response returned, whose ARNs are
    // `arn:partition:service:region:account:...` (AWS General Reference, "Amazon Resource Names"): aws-cn in the
    // China Regions. Records of one call in several Regions each name their own.
    const trail = shapeOf("cloudtrail.amazonaws.com", "GetTrailStatus");
    const bucket = shapeOf("s3.amazonaws.com", "PutBucketPolicy");
    for (const region of ["eu-west-1", "cn-north-1", "us-gov-west-1", "eu-west-1"]) {
      const { partition } = regionNamed(region);
      for (const shape of [trail, bucket]) {
        const record = shapeRecord(planOf(shape, { region: regionNamed(region) }));
        const parts = JSON.stringify([record.requestParameters, record.responseElements, record.additionalEventData]);
        expect(parts).not.toMatch(/\$\{|undefined/);
        const values = { account: ACCOUNT_ID, partition, region };
        expect(record.requestParameters).toEqual(fillPlaceholders(shape.requestParameters, values));
        expect(record.additionalEventData).toEqual(
          shape.additionalEventData === undefined ? undefined : fillPlaceholders(shape.additionalEventData, values),
        );
      }
      const trailRecord = JSON.stringify(shapeRecord(planOf(trail, { region: regionNamed(region) })).requestParameters);
      expect(trailRecord).toContain(`arn:${partition}:cloudtrail:${region}:${ACCOUNT_ID}:`);
    }
    // S3 writes additionalEventData for its bucket calls; a call without it has none.
    expect(shapeRecord(planOf(bucket))).toHaveProperty("additionalEventData");
    expect(shapeRecord(planOf(trail))).not.toHaveProperty("additionalEventData");
  });

  test("request n is the n-th alternative, modulo their number; a call without alternatives always has its own", () => {
    // shape-record.ts, ShapePlan.request: "0 the shape's own, n its n-th alternative (taken modulo their number)".
    const values = { account: ACCOUNT_ID, partition: "aws", region: "eu-west-1" };
    const own = shapeOf("cloudtrail.amazonaws.com", "GetTrailStatus");
    expect(own.alternativeRequests).toBeUndefined();
    for (const request of [0, 1, 2, 5]) {
      expect(shapeRecord(planOf(own, { request })).requestParameters).toEqual(
        fillPlaceholders(own.requestParameters, values),
      );
    }
    const rotated = shapeOf("cloudtrail.amazonaws.com", "StopLogging");
    const alternatives = rotated.alternativeRequests ?? [];
    expect(alternatives).toHaveLength(1);
    expect(shapeRecord(planOf(rotated, { request: 1 })).requestParameters).toEqual(
      fillPlaceholders(alternatives[0], values),
    );
    expect(shapeRecord(planOf(rotated, { request: 2 })).requestParameters).toEqual(
      fillPlaceholders(rotated.requestParameters, values),
    );
  });

  test("a CLI call's user agent names the AWS CLI command group of its service", () => {
    // AWS CLI Command Reference: S3's API calls are `aws s3api put-bucket-policy`, AWS Config's
    // `aws configservice ...`, EC2's `aws ec2 create-vpc`; the CLI's user agent ends in `command/<group>.<command>`.
    const agent = (shape: CallShape) =>
      text(shapeRecord(planOf(shape, { caller: callerOf("iam-user-cli") })).userAgent);
    expect(agent(shapeOf("s3.amazonaws.com", "PutBucketPolicy"))).toMatch(/ command\/s3api\.put-bucket-policy$/);
    expect(agent(shapeOf("ec2.amazonaws.com", "CreateVpc"))).toMatch(/ command\/ec2\.create-vpc$/);
    const config = ALL_CALL_SHAPES.find((shape) => shape.eventSource === "config.amazonaws.com");
    expect(config).toBeDefined();
    if (config !== undefined) expect(agent(config)).toMatch(/ command\/configservice\./);
  });

  test("records at different positions are different events whose session began before them", () => {
    // "CloudTrail record contents": eventID is "GUID generated by CloudTrail to uniquely identify each event";
    // requestID identifies the request. "userIdentity element": sessionContext.attributes.creationDate is when the
    // temporary credentials were issued, so no later than the call made with them.
    const shape = shapeOf("ec2.amazonaws.com", "CreateVpc");
    const ids: unknown[] = [];
    for (let index = 0; index < 40; index++) {
      const record = shapeRecord(planOf(shape, { index }));
      ids.push(record.requestID, record.eventID);
      const began = getAtPath(record, ["userIdentity", "sessionContext", "attributes", "creationDate"]);
      expect(typeof began).toBe("string");
      expect(Date.parse(text(began))).toBeLessThanOrEqual(Date.parse(text(record.eventTime)));
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("failuresOf", () => {
  test("one failure per error code: the authorization failures first, then the call's own errors", () => {
    // shape-record.ts, failuresOf: "one per error code: its authorization failure(s) first, then its own errors";
    // ShapeOutcome: `authorization` when it is the access-denied shape. Console sign-in has no authorization
    // failure (calls/types.ts, accessDenied: null for signin.amazonaws.com).
    for (const shape of ALL_CALL_SHAPES) {
      const denied = [shape.accessDenied, ...(shape.alternativeAccessDenied ?? [])].flatMap((error) =>
        error === null ? [] : [error.errorCode],
      );
      for (const withAuthorization of [true, false]) {
        const failures = failuresOf(shape, withAuthorization).flatMap((outcome) =>
          outcome.kind === "failure" ? [outcome] : [],
        );
        const codes = failures.map((failure) => failure.error.errorCode);
        expect(new Set(codes).size).toBe(codes.length);
        const authorization = withAuthorization ? [...new Set(denied)] : [];
        // A call can have several errors of one code (two NoSuchEntityException messages): one failure for them.
        const own = [...new Set(shape.errors.map((error) => error.errorCode))].filter(
          (code) => !authorization.includes(code),
        );
        expect({ call: shape.eventName, codes }).toEqual({ call: shape.eventName, codes: [...authorization, ...own] });
        expect(failures.map((failure) => failure.authorization)).toEqual(
          codes.map((code) => authorization.includes(code)),
        );
      }
    }
    expect(failuresOf(shapeOf("signin.amazonaws.com", "ConsoleLogin"))).toEqual([]);
  });

  test("a code repeated among a call's failures is one failure, the first", () => {
    const shape = shapeOf("cloudtrail.amazonaws.com", "StopLogging");
    const accessDenied = shape.accessDenied;
    if (accessDenied === null) throw new Error("StopLogging can be denied");
    const repeated: CallShape = {
      ...shape,
      alternativeAccessDenied: [accessDenied, ...(shape.alternativeAccessDenied ?? [])],
      errors: [...shape.errors, { ...accessDenied, errorMessage: "again" }, ...shape.errors],
    };
    expect(failuresOf(repeated)).toEqual(failuresOf(shape));
  });
});
