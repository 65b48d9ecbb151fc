/**
 * Values of the resources that decide whether an alarm reaches a person, beyond the well-formed ones the chain
 * builder writes: composite alarm rules in CloudWatch's rule language (`ALARM(name)`, `OK`, `INSUFFICIENT_DATA`,
 * `AND`/`OR`/`NOT`, `TRUE`/`FALSE`, `AT_LEAST`, parentheses; "AlarmRule", PutCompositeAlarm API reference), mute
 * rule schedules (`cron(...)` with five fields, `at(yyyy-MM-ddThh:mm)`, ISO 8601 durations PT1M to P15D, IANA
 * time zones; "Schedule", CloudWatch API reference) and KMS key policies (IAM JSON policy elements), each also
 * broken in the ways users break them.
 */
import fc from "fast-check";

const alarmRef = (alarmName: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(`"${alarmName}"`),
    fc.constant(alarmName.replace(/ /g, "")),
    fc.constantFrom(
      '"other-alarm"',
      "other",
      `"arn:aws:cloudwatch:us-east-1:123456789012:alarm:${alarmName}"`,
      '""',
      '"unterminated',
    ),
  );

/** A composite alarm rule over the alarm `alarmName` and others. */
export function compositeRule(alarmName: string): fc.Arbitrary<string> {
  const { rule } = fc.letrec<{ rule: string }>((tie) => ({
    rule: fc.oneof(
      { depthSize: "small" },
      fc
        .tuple(fc.constantFrom("ALARM", "OK", "INSUFFICIENT_DATA", "alarm", "ALARMS"), alarmRef(alarmName))
        .map(([state, ref]) => `${state}(${ref})`),
      fc.constantFrom("TRUE", "FALSE", "true"),
      fc
        .tuple(tie("rule"), fc.constantFrom(" AND ", " OR ", " and ", "&&", " AND\n"), tie("rule"))
        .map(([a, op, b]) => `${a}${op}${b}`),
      tie("rule").map((r) => `NOT ${r}`),
      tie("rule").map((r) => `(${r})`),
      fc
        .tuple(fc.nat({ max: 5 }), fc.array(alarmRef(alarmName), { minLength: 1, maxLength: 3 }))
        .map(([n, refs]) => `AT_LEAST(${n}, ALARM, (${refs.join(", ")}))`),
    ),
  }));
  return fc.oneof(
    { weight: 4, arbitrary: rule },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.nat({ max: 300 }).map((depth) => `${"(".repeat(depth)}ALARM("${alarmName}")${")".repeat(depth)}`),
    },
  );
}

const cronField = fc.constantFrom(
  "*",
  "0",
  "59",
  "60",
  "*/5",
  "1-5",
  "MON-FRI",
  "SUN",
  "JAN",
  "?",
  "L",
  "1,15",
  "-",
  "",
);

/** A mute rule's schedule, start and expiry, sometimes malformed. */
export const muteSchedule: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    expression: fc.oneof(
      fc.array(cronField, { minLength: 4, maxLength: 7 }).map((fields) => `cron(${fields.join(" ")})`),
      fc
        .tuple(
          fc.integer({ min: 1990, max: 2200 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 61 }),
        )
        .map(
          ([y, mo, d, h, mi]) =>
            `at(${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")})`,
        ),
      fc.constantFrom("rate(5 minutes)", "", "cron()", "at()", "at(2026-02-30T10:00)"),
    ),
    duration: fc.constantFrom("PT1M", "PT0M", "PT4H", "P2DT12H", "P15D", "P16D", "P1Y", "PT", "1h", ""),
    timezone: fc.constantFrom(
      "UTC",
      "Europe/Paris",
      "America/New_York",
      "Asia/Kathmandu",
      "Mars/Olympus",
      "",
      "+02:00",
    ),
  },
  { requiredKeys: ["expression"], noNullPrototype: true },
);

/** Start and expiry dates of a mute rule, sometimes malformed. */
export const muteDates: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    startDate: fc.constantFrom(
      "2020-01-01T00:00:00Z",
      "2099-01-01T00:00:00Z",
      "2026-13-01",
      "not a date",
      "",
      "2026-06-01T00:00:00+14:00",
    ),
    expireDate: fc.constantFrom(
      "2020-01-01T00:00:00Z",
      "2099-12-31T23:59:59Z",
      "yesterday",
      "",
      "1970-01-01T00:00:00Z",
    ),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const principal = fc.constantFrom<unknown>(
  "*",
  { AWS: "*" },
  { Service: "cloudwatch.amazonaws.com" },
  { Service: ["sns.amazonaws.com", "cloudwatch.amazonaws.com"] },
  { AWS: "arn:aws:iam::123456789012:root" },
  { Service: "CloudWatch.amazonaws.com" },
  { Federated: "x" },
  [],
  null,
  7,
);
const action = fc.constantFrom<unknown>(
  "kms:*",
  "kms:Decrypt",
  ["kms:GenerateDataKey*", "kms:Decrypt"],
  "KMS:DECRYPT",
  "kms:Generate?ataKey*",
  "*",
  [],
  0,
);
const statement = fc.record(
  {
    Sid: fc.string({ maxLength: 8 }),
    Effect: fc.constantFrom<unknown>("Allow", "Allow", "Deny", "allow", "", null),
    Principal: principal,
    NotPrincipal: principal,
    Action: action,
    NotAction: action,
    Resource: fc.constantFrom<unknown>("*", "arn:aws:kms:us-east-1:123456789012:key/x", ["*"]),
    Condition: fc.constantFrom<unknown>(
      { StringEquals: { "aws:SourceAccount": "123456789012" } },
      { ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:*" } },
      {},
      "x",
    ),
  },
  { requiredKeys: ["Effect"], noNullPrototype: true },
);

/** A key policy document, sometimes malformed (not an object, no statements, a statement that is not a list). */
export const keyPolicy: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.array(statement, { maxLength: 4 }).map((Statement) => ({ Version: "2012-10-17", Statement })),
  },
  { weight: 1, arbitrary: statement.map((Statement) => ({ Version: "2012-10-17", Statement })) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({}, [], "{not json", null, { Statement: "x" }) },
);
