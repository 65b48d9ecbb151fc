/**
 * Log-event messages patterns are evaluated against: the CloudTrail records of the CloudTrail-changes family and
 * its negative controls (lib/cloudtrail: every caller, outcome, event version, region), and messages of other
 * shapes a log group receives: an Apache access log line and the AWS documentation's examples of space-delimited
 * and term events ("Filter pattern syntax", CloudWatch Logs User Guide), JSON with arrays, nulls, numbers at the
 * edges of double precision, deep nesting, Unicode and an empty object.
 */
import { buildEventFamily, buildNegativeControls } from "../../lib/cloudtrail";
import { cloudTrailChanges } from "../../lib/controls";

const otherMessages: readonly string[] = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  "[ERROR 401] UNAUTHORIZED REQUEST",
  "ERROR Exiting with ERRORCODE: -1",
  '{"eventType":"UpdateTrail","sourceIPAddress":"123.123.123.123","arrayKey":["value","another value"],"objectList":[{"name":"a","id":1},{"name":"b","id":2}],"SomeObject":null,"cluster.name":"c1","ThisFlag":true}',
  '{"n":1e308,"m":-1e-308,"big":9007199254740993,"neg":-0,"s":"\\u0000\\u202e\\ud83d\\ude00","deep":{"a":{"b":{"c":{"d":{"e":[[[[1]]]]}}}}}}',
  "{}",
  "[]",
  "not json {",
  "\u05E9\u05DC\u05D5\u05DD \u{1F600} e\u0301 \u202E StopLogging",
  " ",
];

/** Every message, in a fixed order: family records, negative controls, then the other shapes. */
export function evaluationMessages(): string[] {
  const target = cloudTrailChanges.target;
  if (target.kind !== "apiCalls") throw new Error("the CloudTrail-changes control is a set of API calls");
  const options = { eventSource: target.eventSource, eventNames: target.eventNames };
  const family = buildEventFamily(options);
  return [
    ...family.positives.map((record) => record.message),
    ...buildNegativeControls(options).map((control) => control.message),
    ...otherMessages,
  ];
}

/** `count` messages for the pattern numbered `index`, rotating through all of them so every message is used. */
export function messagesFor(messages: readonly string[], index: number, count: number): string[] {
  const chosen: string[] = [];
  for (let k = 0; k < count; k++) chosen.push(messages[(index * count + k) % messages.length]);
  return chosen;
}
