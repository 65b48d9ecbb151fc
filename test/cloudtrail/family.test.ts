import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { targetEventNames, targetEventSources } from "../../lib/controls/target";
import {
  buildEventFamily,
  buildNegativeControls,
  EVENT_VERSIONS,
  REGIONS,
  CALLER_IDENTITIES,
  setAtPath,
  getAtPath,
} from "../../lib/cloudtrail";
import type { FamilyRecord, JsonObject, JsonValue, TrailCallFamily } from "../../lib/cloudtrail";

// The family is built before each test (about 12 ms), not when the file is read: Stryker credits a mutant to the tests
// during which its code ran (beforeEach runs inside its test), so a family built at top level would leave this file out
// of every mutant's run.
let family: TrailCallFamily;
beforeEach(() => {
  family = buildEventFamily({
    eventSource: targetEventSources(cloudTrailChanges.target)[0],
    eventNames: targetEventNames(cloudTrailChanges.target),
  });
});

/** CloudTrail's key order for the fields these records carry (AWS CloudTrail user guide, "CloudTrail record contents"). */
const CLOUDTRAIL_ORDER = [
  "eventVersion",
  "userIdentity",
  "eventTime",
  "eventSource",
  "eventName",
  "awsRegion",
  "sourceIPAddress",
  "userAgent",
  "errorCode",
  "errorMessage",
  "requestParameters",
  "responseElements",
  "requestID",
  "eventID",
  "readOnly",
  "eventType",
  "managementEvent",
  "recipientAccountId",
  "eventCategory",
  "tlsDetails",
  "sessionCredentialFromConsole",
];

function recordsOf(eventName: string): FamilyRecord[] {
  return family.positives.filter((record) => record.eventName === eventName);
}

/** The request parameters of CreateTrail (AWS CloudTrail API reference, CreateTrail, "Request Syntax"), as records spell them. */
const CREATE_TRAIL_PARAMETERS = [
  "name",
  "s3BucketName",
  "s3KeyPrefix",
  "snsTopicName",
  "includeGlobalServiceEvents",
  "isMultiRegionTrail",
  "enableLogFileValidation",
  "cloudWatchLogsLogGroupArn",
  "cloudWatchLogsRoleArn",
  "kmsKeyId",
  "isOrganizationTrail",
  "tagsList",
];
/** UpdateTrail's (API reference, UpdateTrail, "Request Syntax"): CreateTrail's but TagsList. */
const UPDATE_TRAIL_PARAMETERS = CREATE_TRAIL_PARAMETERS.filter((key) => key !== "tagsList");
/** The trail CreateTrail and UpdateTrail return (API reference, CreateTrail and UpdateTrail, "Response Syntax"). */
const TRAIL_RESPONSE_FIELDS = [
  "name",
  "s3BucketName",
  "s3KeyPrefix",
  "snsTopicName",
  "snsTopicARN",
  "includeGlobalServiceEvents",
  "isMultiRegionTrail",
  "trailARN",
  "logFileValidationEnabled",
  "cloudWatchLogsLogGroupArn",
  "cloudWatchLogsRoleArn",
  "kmsKeyId",
  "isOrganizationTrail",
];

/**
 * CloudTrail's naming requirements for trails and other CloudTrail resources (CloudTrail user guide, "Naming
 * requirements"): ASCII letters, digits, `.`, `_`, `-`; a letter or digit at both ends; 3 to 128 characters; no two
 * of `._-` side by side; not an IP address.
 */
function isCloudTrailName(value: JsonValue | undefined): boolean {
  return (
    typeof value === "string" &&
    /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/.test(value) &&
    !/[._-]{2}/.test(value) &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(value)
  );
}

/** S3 bucket names (same page, "Amazon S3 bucket naming requirements"): 3-63 lower-case letters, digits, `.`, `-`. */
function isBucketName(value: JsonValue | undefined): boolean {
  return typeof value === "string" && /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) && !/\.\.|-\.|\.-/.test(value);
}

/** A record field that is a string. */
function text(value: JsonValue | undefined): string {
  if (typeof value !== "string") throw new Error(`not a string: ${JSON.stringify(value)}`);
  return value;
}

/** The partition of a record's region (ARN format, AWS General Reference). */
function partitionOf(record: JsonObject): string {
  return REGIONS.find((region) => region.name === record.awsRegion)!.partition;
}

/** A trail ARN: `arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail` (API reference, UpdateTrail, Name). */
function trailArnPattern(record: JsonObject, name = "[^/:]+"): RegExp {
  return new RegExp(`^arn:${partitionOf(record)}:cloudtrail:${text(record.awsRegion)}:\\d{12}:trail/${name}$`);
}

/** The trail a request names, whether by name or by ARN. */
function trailNameIn(value: JsonValue | undefined): string {
  return text(value).replace(/^arn:.*:trail\//, "");
}

/**
 * The forms of the trail settings a CreateTrail or UpdateTrail request gives, where given: a log group ARN
 * (`arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/DefaultLogGroup:*` in the user guide's CloudWatch Logs
 * examples) only with the role CloudTrail assumes to write to it (API reference: CloudWatchLogsLogGroupArn "Not
 * required unless you specify CloudWatchLogsRoleArn"; the role is "for the CloudWatch Logs endpoint to assume to
 * write to a user's log group"), a KMS key as a key ARN, alias ARN, alias name or key id (API reference, KmsKeyId),
 * a non-empty S3 key prefix of at most 200 characters, tags with a key.
 */
function expectTrailSettingsWellFormed(record: JsonObject, parameters: JsonObject): void {
  const partition = partitionOf(record);
  const region = text(record.awsRegion);
  expect("cloudWatchLogsLogGroupArn" in parameters).toBe("cloudWatchLogsRoleArn" in parameters);
  if ("cloudWatchLogsLogGroupArn" in parameters) {
    expect(parameters.cloudWatchLogsLogGroupArn).toMatch(
      new RegExp(`^arn:${partition}:logs:${region}:\\d{12}:log-group:[^:]+:\\*$`),
    );
    expect(parameters.cloudWatchLogsRoleArn).toMatch(new RegExp(`^arn:${partition}:iam::\\d{12}:role/[\\w+=,.@-]+$`));
  }
  if ("kmsKeyId" in parameters) {
    const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    expect(parameters.kmsKeyId).toMatch(
      new RegExp(`^(arn:${partition}:kms:${region}:\\d{12}:(key/${uuid}|alias/[\\w/-]+)|alias/[\\w/-]+|${uuid})$`),
    );
  }
  if ("s3KeyPrefix" in parameters) expect(parameters.s3KeyPrefix).toMatch(/^.{1,200}$/);
  if ("s3BucketName" in parameters) expect(isBucketName(parameters.s3BucketName)).toBe(true);
  for (const key of [
    "includeGlobalServiceEvents",
    "isMultiRegionTrail",
    "enableLogFileValidation",
    "isOrganizationTrail",
  ]) {
    if (key in parameters) expect(typeof parameters[key]).toBe("boolean");
  }
  if ("tagsList" in parameters) {
    const tags = parameters.tagsList as JsonObject[];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      expect(Object.keys(tag).every((key) => key === "key" || key === "value")).toBe(true);
      expect(tag.key).toMatch(/^.{1,128}$/);
    }
  }
}

describe("the CloudTrail event family: positive records", () => {
  test("a few hundred records, deterministic", () => {
    expect(family.positives.length).toBeGreaterThanOrEqual(200);
    expect(family.positives.length).toBeLessThanOrEqual(400);
    const again = buildEventFamily({ eventSource: family.eventSource, eventNames: family.eventNames });
    expect(again.positives.map((r) => r.message)).toEqual(family.positives.map((r) => r.message));
  });

  test("every message is compact JSON of its record, one record per message", () => {
    for (const record of family.positives) {
      const parsed = JSON.parse(record.message) as JsonObject;
      expect(parsed).toEqual(record.record);
      expect(record.message).not.toMatch(/\n|": |", "/);
      expect(parsed).not.toHaveProperty("Records");
    }
  });

  test("keys come in CloudTrail's order", () => {
    for (const record of family.positives) {
      const keys = Object.keys(record.record);
      const positions = keys.map((key) => CLOUDTRAIL_ORDER.indexOf(key));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  test("the fields every record of these calls has", () => {
    for (const { record, eventName } of family.positives) {
      expect(record.eventSource).toBe("cloudtrail.amazonaws.com");
      expect(record.eventName).toBe(eventName);
      expect(record.eventType).toBe("AwsApiCall");
      expect(record.readOnly).toBe(false);
      expect(record.recipientAccountId).toMatch(/^\d{12}$/);
      expect(record).toHaveProperty("responseElements");
      expect(typeof getAtPath(record, ["requestParameters", "name"])).toBe("string");
      expect(typeof getAtPath(record, ["userIdentity", "type"])).toBe("string");
      expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  test("version-dependent fields follow the documented versions", () => {
    for (const { record } of family.positives) {
      const version = Number(record.eventVersion);
      expect(record.managementEvent).toBe(version >= 1.06 ? true : undefined);
      expect(record.eventCategory).toBe(version >= 1.07 ? "Management" : undefined);
      if (version < 1.08) expect(record).not.toHaveProperty("tlsDetails");
      if (version < 1.09) expect(record).not.toHaveProperty("sessionCredentialFromConsole");
      if (record.sessionCredentialFromConsole !== undefined) expect(record.sessionCredentialFromConsole).toBe("true");
    }
  });

  test("failures carry an error code and message and a null response", () => {
    for (const { record, eventName } of family.positives) {
      if (record.errorCode === undefined) continue;
      expect(record.responseElements).toBeNull();
      expect(typeof record.errorMessage).toBe("string");
      // CloudTrail's authorization failure in both spellings public sources show (calls/cloudtrail.ts), and the
      // call's own error (API reference: TrailAlreadyExistsException for CreateTrail, TrailNotFoundException else).
      const denied = ["AccessDenied", "AccessDeniedException"];
      const allowed = [
        ...denied,
        eventName === "CreateTrail" ? "TrailAlreadyExistsException" : "TrailNotFoundException",
      ];
      expect(allowed).toContain(record.errorCode);
    }
  });

  test("only CreateTrail and UpdateTrail successes have a response object", () => {
    for (const { record, eventName } of family.positives) {
      const expectObject =
        record.errorCode === undefined && (eventName === "CreateTrail" || eventName === "UpdateTrail");
      expect(record.responseElements === null).toBe(!expectObject);
    }
  });

  test.each(targetEventNames(cloudTrailChanges.target))(
    "%s has every identity, outcome, version and region",
    (eventName) => {
      const records = recordsOf(eventName);
      const kinds = new Set(records.flatMap((record) => record.kinds));
      for (const identity of CALLER_IDENTITIES) for (const kind of identity.kinds) expect(kinds).toContain(kind);
      for (const version of EVENT_VERSIONS) expect(kinds).toContain(`event version ${version} records`);
      for (const region of REGIONS) expect(kinds).toContain(`calls in ${region.name}`);
      expect(kinds).toContain("successful calls");
      expect(kinds).toContain("calls that fail with AccessDenied");
      expect(kinds).toContain("calls that fail with AccessDeniedException");
      if (eventName !== "CreateTrail") {
        expect(kinds).toContain("calls that fail with TrailNotFoundException");
        expect(kinds).toContain("calls that name the trail by ARN");
        expect(kinds).toContain("calls that name the trail by name");
      }
    },
  );

  test("every documented userIdentity type appears", () => {
    const types = new Set(family.positives.map((r) => getAtPath(r.record, ["userIdentity", "type"])));
    for (const type of [
      "Root",
      "IAMUser",
      "AssumedRole",
      "Role",
      "FederatedUser",
      "Directory",
      "AWSAccount",
      "AWSService",
      "Unknown",
    ]) {
      expect(types).toContain(type);
    }
  });

  test("console IAM-user calls are invoked by signin, service calls come from a service name", () => {
    const consoleUser = family.positives.find((r) => r.id.includes("/iam-user-console/"));
    expect(getAtPath(consoleUser!.record, ["userIdentity", "invokedBy"])).toBe("signin.amazonaws.com");
    const service = family.positives.find((r) => r.id.includes("/aws-service-control-tower/"));
    expect(service!.record.sourceIPAddress).toBe("controltower.amazonaws.com");
  });

  test("each call has its own requestID and eventID", () => {
    // CloudTrail user guide, "CloudTrail record contents": eventID is a GUID CloudTrail generates "to uniquely identify
    // each event"; requestID identifies the request.
    const requestIds = new Set(family.positives.map((r) => r.record.requestID));
    const eventIds = new Set(family.positives.map((r) => r.record.eventID));
    expect(requestIds.size).toBe(family.positives.length);
    expect(eventIds.size).toBe(family.positives.length);
    for (const id of eventIds) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test("what the caller's client and session add: TLS details, console sessions, session start", () => {
    const ipAddress = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)$/;
    let withTls = 0;
    let fromConsole = 0;
    for (const { record, kinds } of family.positives) {
      const version = Number(record.eventVersion);
      // tlsDetails (since 1.08) describe the caller's TLS connection to the service endpoint, cloudtrail.<region>
      // .amazonaws.com (.amazonaws.com.cn in China; AWS General Reference, "AWS CloudTrail endpoints"); a call an AWS
      // service makes from its own name (sourceIPAddress a service, user guide) carries none.
      if (version >= 1.08 && ipAddress.test(text(record.sourceIPAddress))) {
        withTls += 1;
        const suffix = record.awsRegion === "cn-north-1" ? "amazonaws.com.cn" : "amazonaws.com";
        expect(getAtPath(record, ["tlsDetails", "clientProvidedHostHeader"])).toBe(
          `cloudtrail.${text(record.awsRegion)}.${suffix}`,
        );
        expect(getAtPath(record, ["tlsDetails", "tlsVersion"])).toMatch(/^TLSv1\.[23]$/);
      } else {
        expect(record).not.toHaveProperty("tlsDetails");
      }
      // sessionCredentialFromConsole (since 1.09): "true" when the call came from a console session.
      if (version >= 1.09 && kinds.includes("console calls")) {
        fromConsole += 1;
        expect(record.sessionCredentialFromConsole).toBe("true");
      }
      // creationDate: when the session's temporary credentials were issued (user guide, "userIdentity element"),
      // so before the call.
      const issued = getAtPath(record, ["userIdentity", "sessionContext", "attributes", "creationDate"]);
      if (issued !== undefined) expect(Date.parse(text(issued))).toBeLessThan(Date.parse(text(record.eventTime)));
    }
    expect(withTls).toBeGreaterThan(0);
    expect(fromConsole).toBeGreaterThan(0);
  });

  test("ARNs use the region's partition", () => {
    const gov = family.positives.find(
      (r) => r.record.awsRegion === "us-gov-west-1" && r.kinds.includes("calls that name the trail by ARN"),
    );
    expect(getAtPath(gov!.record, ["requestParameters", "name"])).toMatch(/^arn:aws-us-gov:cloudtrail:us-gov-west-1:/);
  });
});

describe("the CloudTrail event family: what the trail calls ask and answer", () => {
  test("CreateTrail requests name a new trail and its bucket, with CreateTrail's parameters only", () => {
    for (const { record } of recordsOf("CreateTrail")) {
      const parameters = record.requestParameters as JsonObject;
      expect(Object.keys(parameters).filter((key) => !CREATE_TRAIL_PARAMETERS.includes(key))).toEqual([]);
      // Name and S3BucketName are CreateTrail's required parameters; a new trail has a name, not an ARN.
      expect(isCloudTrailName(parameters.name)).toBe(true);
      expect(isBucketName(parameters.s3BucketName)).toBe(true);
      expectTrailSettingsWellFormed(record, parameters);
    }
  });

  test("UpdateTrail changes settings of a trail it names; the other calls give the trail only", () => {
    for (const { record, eventName } of family.positives) {
      if (eventName === "CreateTrail") continue;
      const parameters = record.requestParameters as JsonObject;
      // Name: the trail's name or its ARN (API reference, UpdateTrail, DeleteTrail, StartLogging, StopLogging).
      const name = text(parameters.name);
      if (name.startsWith("arn:")) expect(name).toMatch(trailArnPattern(record));
      expect(isCloudTrailName(trailNameIn(name))).toBe(true);
      if (eventName === "UpdateTrail") {
        expect(Object.keys(parameters).filter((key) => !UPDATE_TRAIL_PARAMETERS.includes(key))).toEqual([]);
        // An update that changes nothing is no update: each request sets something besides the name.
        expect(Object.keys(parameters).length).toBeGreaterThan(1);
        expectTrailSettingsWellFormed(record, parameters);
      } else {
        // DeleteTrail, StartLogging and StopLogging take { "Name": "string" } only (API reference, Request Syntax).
        expect(Object.keys(parameters)).toEqual(["name"]);
      }
    }
  });

  test("the requests set what CloudTrail's documentation and CIS's remediations set", () => {
    const creates = recordsOf("CreateTrail").map((r) => r.record.requestParameters as JsonObject);
    const some = (requests: JsonObject[], test: (parameters: JsonObject) => boolean): boolean => requests.some(test);
    // CreateTrail (API reference, Request Syntax): multi-Region and single-Region trails (the user guide: "You can
    // create both multi-Region and single-Region trails"), organization trails and account trails, with and without
    // CloudWatch Logs delivery and a KMS key, under an S3 key prefix, with and without tags, with log file validation.
    for (const flag of ["isMultiRegionTrail", "isOrganizationTrail"]) {
      expect(some(creates, (p) => p[flag] === true)).toBe(true);
      expect(some(creates, (p) => p[flag] === false)).toBe(true);
    }
    for (const optional of ["cloudWatchLogsLogGroupArn", "kmsKeyId", "tagsList"]) {
      expect(some(creates, (p) => optional in p)).toBe(true);
      expect(some(creates, (p) => !(optional in p))).toBe(true);
    }
    expect(some(creates, (p) => typeof p.s3KeyPrefix === "string")).toBe(true);
    expect(some(creates, (p) => p.enableLogFileValidation === true)).toBe(true);
    // Global service events: trails the console creates include them, and the user guide's update-trail output shows
    // "IncludeGlobalServiceEvents": true.
    expect(some(creates, (p) => p.includeGlobalServiceEvents === true)).toBe(true);
    // UpdateTrail: the CIS remediations of the CloudTrail section (`aws cloudtrail update-trail --name <trail>`
    // with --is-multi-region-trail, --enable-log-file-validation, --kms-id, and --cloudwatch-logs-log-group-arn
    // with --cloudwatch-logs-role-arn), and the AWS CLI reference's update-trail example (--s3-bucket-name).
    const updates = recordsOf("UpdateTrail").map((r) => r.record.requestParameters as JsonObject);
    expect(some(updates, (p) => p.isMultiRegionTrail === true)).toBe(true);
    expect(some(updates, (p) => p.enableLogFileValidation === true)).toBe(true);
    expect(some(updates, (p) => typeof p.kmsKeyId === "string")).toBe(true);
    expect(some(updates, (p) => typeof p.cloudWatchLogsLogGroupArn === "string")).toBe(true);
    expect(some(updates, (p) => typeof p.s3BucketName === "string")).toBe(true);
  });

  test("a successful CreateTrail or UpdateTrail answers with the trail", () => {
    const answered = family.positives.filter((r) => r.record.responseElements !== null);
    expect(answered.length).toBeGreaterThan(0);
    for (const { record, eventName } of answered) {
      const request = record.requestParameters as JsonObject;
      const trail = record.responseElements as JsonObject;
      expect(Object.keys(trail).filter((key) => !TRAIL_RESPONSE_FIELDS.includes(key))).toEqual([]);
      expect(trail.name).toBe(trailNameIn(request.name));
      expect(trail.trailARN).toMatch(trailArnPattern(record, text(trail.name)));
      expect(isBucketName(trail.s3BucketName)).toBe(true);
      // The trail's switches are always answered (the user guide's update-trail output shows IncludeGlobalServiceEvents,
      // LogFileValidationEnabled, IsMultiRegionTrail and IsOrganizationTrail).
      for (const flag of [
        "includeGlobalServiceEvents",
        "isMultiRegionTrail",
        "logFileValidationEnabled",
        "isOrganizationTrail",
      ]) {
        expect(typeof trail[flag]).toBe("boolean");
      }
      expectTrailSettingsWellFormed(record, trail);
      if (eventName === "CreateTrail") {
        // The new trail has the settings asked for (tags are not part of the trail's description).
        for (const [key, value] of Object.entries(request)) {
          if (key === "tagsList") continue;
          const answeredKey = key === "enableLogFileValidation" ? "logFileValidationEnabled" : key;
          expect([key, trail[answeredKey]]).toEqual([key, value]);
        }
        // ... and no target it was not given: a new trail has a KMS key, a log group or a role only if CreateTrail
        // named one (API reference, CreateTrail: KmsKeyId, CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are
        // optional request parameters, answered as given).
        for (const key of ["kmsKeyId", "cloudWatchLogsLogGroupArn", "cloudWatchLogsRoleArn", "s3KeyPrefix"]) {
          expect([key, key in trail]).toEqual([key, key in request]);
        }
      }
    }
  });

  test("a successful UpdateTrail answers with the settings it set", () => {
    // API reference, UpdateTrail, "Response Elements": the trail's settings after the update; the user guide's
    // update-trail --is-multi-region-trail output shows "IsMultiRegionTrail": true.
    for (const { record } of recordsOf("UpdateTrail")) {
      if (record.responseElements === null) continue;
      const trail = record.responseElements as JsonObject;
      for (const [key, value] of Object.entries(record.requestParameters as JsonObject)) {
        if (key === "name") continue;
        const answeredKey = key === "enableLogFileValidation" ? "logFileValidationEnabled" : key;
        expect([key, trail[answeredKey]]).toEqual([key, value]);
      }
    }
  });

  test("error messages say what CloudTrail's and IAM's errors say", () => {
    for (const { record, eventName } of family.positives) {
      const message = record.errorMessage;
      const request = record.requestParameters as JsonObject;
      switch (record.errorCode) {
        case undefined:
          expect(record).not.toHaveProperty("errorMessage");
          break;
        case "AccessDenied":
        case "AccessDeniedException":
          // IAM user guide, "Troubleshoot access denied error messages": "User: <principal> is not authorized to
          // perform: <action> on resource: <ARN> because no identity-based policy allows the <action> action"; the
          // resource is the trail the request names.
          expect(message).toMatch(
            new RegExp(
              `^User: \\S+ is not authorized to perform: cloudtrail:${eventName} on resource: ` +
                `${trailArnPattern(record, trailNameIn(request.name)).source.slice(1, -1)} ` +
                `because no identity-based policy allows the cloudtrail:${eventName} action$`,
            ),
          );
          break;
        case "TrailNotFoundException":
          // CloudTrail user guide, "CloudTrail log file examples": an UpdateTrail of {"name": "myTrail2"} failing
          // with "Unknown trail: myTrail2 for the user: 123456789012" (the trail as the request names it).
          expect(message).toBe(`Unknown trail: ${text(request.name)} for the user: ${text(record.recipientAccountId)}`);
          break;
        case "TrailAlreadyExistsException":
          expect(message).toBe(
            `Trail ${text(request.name)} already exists for customer: ${text(record.recipientAccountId)}`,
          );
          break;
        default:
          throw new Error(`unexpected error code ${JSON.stringify(record.errorCode)}`);
      }
    }
  });
});

describe("the CloudTrail event family: negative controls", () => {
  let byId: Map<string, TrailCallFamily["negatives"][number]>;
  beforeEach(() => {
    byId = new Map(family.negatives.map((control) => [control.id, control]));
  });

  test("reads are read-only calls of the same source", () => {
    for (const name of [
      "DescribeTrails",
      "GetTrail",
      "GetTrailStatus",
      "ListTrails",
      "LookupEvents",
      "GetEventSelectors",
    ]) {
      const record = JSON.parse(byId.get(`read/${name}`)!.message) as JsonObject;
      expect(record.eventName).toBe(name);
      expect(record.readOnly).toBe(true);
      expect(record.eventSource).toBe("cloudtrail.amazonaws.com");
    }
  });

  test("reads name real trails where their API reference asks for one", () => {
    const parametersOf = (name: string): JsonObject =>
      (JSON.parse(byId.get(`read/${name}`)!.message) as JsonObject).requestParameters as JsonObject;
    // GetTrail and GetTrailStatus: Name, required; GetEventSelectors: TrailName, required; DescribeTrails:
    // trailNameList, names or ARNs of trails (API reference, Request Parameters).
    expect(isCloudTrailName(parametersOf("GetTrail").name)).toBe(true);
    expect(isCloudTrailName(parametersOf("GetTrailStatus").name)).toBe(true);
    expect(isCloudTrailName(parametersOf("GetEventSelectors").trailName)).toBe(true);
    const listed = (parametersOf("DescribeTrails").trailNameList ?? []) as JsonValue[];
    for (const name of listed) expect(isCloudTrailName(trailNameIn(name))).toBe(true);
  });

  test("other writes are writes of the same source, with the parameters their API reference requires", () => {
    const writes = [
      "PutEventSelectors",
      "PutInsightSelectors",
      "AddTags",
      "CreateEventDataStore",
      "StopEventDataStoreIngestion",
    ];
    const parameters = new Map<string, JsonObject>();
    for (const name of writes) {
      const control = byId.get(`write/${name}`)!;
      expect(control.description).toContain(name);
      const record = JSON.parse(control.message) as JsonObject;
      expect(record.eventName).toBe(name);
      expect(record.readOnly).toBe(false);
      expect(record.eventSource).toBe("cloudtrail.amazonaws.com");
      parameters.set(name, record.requestParameters as JsonObject);
    }
    // PutEventSelectors: TrailName and the selectors; this one keeps the selector CIS's multi-Region trail audit
    // asks for (ReadWriteType All, IncludeManagementEvents true), a routine write.
    const eventSelectors = parameters.get("PutEventSelectors")!;
    expect(isCloudTrailName(eventSelectors.trailName)).toBe(true);
    expect(eventSelectors.eventSelectors).toEqual([
      expect.objectContaining({ readWriteType: "All", includeManagementEvents: true }),
    ]);
    // PutInsightSelectors: InsightSelectors, each an InsightType ApiCallRateInsight or ApiErrorRateInsight.
    const insightSelectors = parameters.get("PutInsightSelectors")!;
    expect(isCloudTrailName(insightSelectors.trailName)).toBe(true);
    const insights = insightSelectors.insightSelectors as JsonObject[];
    expect(insights.length).toBeGreaterThan(0);
    for (const selector of insights)
      expect(["ApiCallRateInsight", "ApiErrorRateInsight"]).toContain(selector.insightType);
    // AddTags: ResourceId (the trail) and TagsList, tags with a key.
    const addTags = parameters.get("AddTags")!;
    expect(isCloudTrailName(trailNameIn(addTags.resourceId))).toBe(true);
    const tags = addTags.tagsList as JsonObject[];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag.key).toMatch(/^.{1,128}$/);
    // CreateEventDataStore: Name (CloudTrail resource naming); StopEventDataStoreIngestion: EventDataStore, 3-256.
    expect(isCloudTrailName(parameters.get("CreateEventDataStore")!.name)).toBe(true);
    expect(parameters.get("StopEventDataStoreIngestion")!.eventDataStore).toMatch(/^.{3,256}$/);
  });

  test("every control has its own id and a description, and its records are records of their version", () => {
    const ids = family.negatives.map((control) => control.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const control of family.negatives) {
      expect(control.id).toMatch(/^[a-z-]+(\/\S+)?$/);
      expect(control.description.length).toBeGreaterThan(0);
      if (!control.id.includes("/") || control.id.startsWith("insights/")) continue;
      const record = JSON.parse(control.message) as JsonObject;
      expect(EVENT_VERSIONS).toContain(record.eventVersion);
      expect(record.eventType).toBe("AwsApiCall");
      if (Number(record.eventVersion) >= 1.06) expect(record.managementEvent).toBe(true);
    }
    // The near misses stand for the target calls, all writes.
    for (const id of ["near-miss/CreateTrails", "case/createtrail", "case/STOPLOGGING", "other-source/StopLogging"]) {
      expect((JSON.parse(byId.get(id)!.message) as JsonObject).readOnly).toBe(false);
    }
  });

  test("the near misses follow the first and last event names given", () => {
    const names = buildNegativeControls({
      eventSource: "cloudtrail.amazonaws.com",
      eventNames: ["StopLogging", "StartLogging"],
    }).map((control) => control.id);
    expect(names).toEqual(
      expect.arrayContaining([
        "near-miss/StopLoggings",
        "case/stoplogging",
        "case/STARTLOGGING",
        "other-source/StartLogging",
      ]),
    );
  });

  test("near misses, other case and another source", () => {
    expect((JSON.parse(byId.get("near-miss/CreateTrails")!.message) as JsonObject).eventName).toBe("CreateTrails");
    expect((JSON.parse(byId.get("case/createtrail")!.message) as JsonObject).eventName).toBe("createtrail");
    const other = JSON.parse(byId.get("other-source/StopLogging")!.message) as JsonObject;
    expect(other.eventName).toBe("StopLogging");
    expect(other.eventSource).not.toBe("cloudtrail.amazonaws.com");
  });

  test("the Insights event has no top-level eventName", () => {
    const insight = JSON.parse(byId.get("insights/StopLogging")!.message) as JsonObject;
    expect(insight).not.toHaveProperty("eventName");
    expect(insight.eventType).toBe("AwsCloudTrailInsight");
    expect(getAtPath(insight, ["insightDetails", "eventName"])).toBe("StopLogging");
  });

  test("the non-JSON message does not parse", () => {
    expect(() => JSON.parse(byId.get("non-json")!.message)).toThrow();
  });
});

describe("setAtPath", () => {
  const record: JsonObject = { a: { b: "x" }, s: "text", n: null };
  test("replaces, removes and creates along the path without touching the original", () => {
    expect(setAtPath(record, ["a", "b"], "y")).toEqual({ a: { b: "y" }, s: "text", n: null });
    expect(setAtPath(record, ["a", "b"], undefined)).toEqual({ a: {}, s: "text", n: null });
    expect(setAtPath(record, ["n", "c"], 1)).toEqual({ a: { b: "x" }, s: "text", n: { c: 1 } });
    expect(record).toEqual({ a: { b: "x" }, s: "text", n: null });
  });
  test("refuses to step into a string", () => {
    expect(setAtPath(record, ["s", "c"], 1)).toBeUndefined();
  });
});
