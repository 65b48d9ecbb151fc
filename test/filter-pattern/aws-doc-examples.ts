/**
 * Every example AWS's documentation gives for the filter-pattern language, with what the page says matches.
 *
 * One row per example: the page it is on (`source`), what the page says about it (`says`, quoted or closely
 * paraphrased), the pattern, and the example log events with whether each matches and, where the page shows them,
 * the extracted values. Every expected value was read off the page named in the row, never off this engine.
 *
 * Pages read (the live pages, checked against the awsdocs GitHub copies where the live text was not at hand):
 * - "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live Tail"
 *   (FilterAndPatternSyntax.html) and "Filter pattern syntax for metric filters"
 *   (FilterAndPatternSyntaxForMetricFilters.html), CloudWatch Logs user guide;
 * - the earlier revisions of FilterAndPatternSyntax in github.com/awsdocs/amazon-cloudwatch-logs-user-guide
 *   (2018-03-02, 2021-12-20 and 2022-03-25), for the examples the current page dropped;
 * - the metric-filter example pages "Count occurrences of a term", "Count log events", "Count HTTP 404 codes",
 *   "Count HTTP 4xx codes" and "Extract fields from an Apache log" (the same text in the 2022 GitHub copy);
 * - the TestMetricFilter API reference examples and the AWS CLI `logs test-metric-filter` example.
 *
 * Where the documentation contradicts itself, the row follows the reading the rest of the documentation supports
 * and says so; the examples that cannot be followed at all are listed at the end of this file, not used as tests.
 */

export interface DocEvent {
  readonly message: string;
  readonly matches: boolean;
  /** Every value the page shows extracted from this event. */
  readonly extracted?: Readonly<Record<string, string>>;
  /** Some of the values extracted from this event, where the page names only those. */
  readonly extractedIncludes?: Readonly<Record<string, string>>;
}

export interface DocExample {
  readonly source: string;
  /** What the page says about the example. */
  readonly says: string;
  readonly pattern: string;
  readonly events: readonly DocEvent[];
}

/** A pattern the documentation shows without example events: only whether AWS accepts it is known. */
export interface DocPatternOnly {
  readonly source: string;
  readonly says: string;
  readonly pattern: string;
  readonly accepted: boolean;
}

const GUIDE = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html";
const GUIDE_REGEX_SYNTAX = `${GUIDE}#regex-expressions`;
const GUIDE_REGEX = `${GUIDE}#matching-terms-regex`;
const GUIDE_UNSTRUCTURED = `${GUIDE}#matching-terms-unstructured-log-events`;
const GUIDE_JSON = `${GUIDE}#matching-terms-json-log-events`;
const GUIDE_SPACE_DELIMITED = `${GUIDE}#matching-term-space-delimited-log-events`;
const METRIC_FILTERS =
  "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html";
const METRIC_FILTERS_DIMENSIONS = `${METRIC_FILTERS}#logs-metric-filters-dimensions`;
const METRIC_FILTERS_VALUES = `${METRIC_FILTERS}#publishing-values-found-in-logs`;
const EXAMPLE_PAGE = (page: string): string => `https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/${page}.html`;
const API_TEST_METRIC_FILTER =
  "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TestMetricFilter.html";
const CLI_TEST_METRIC_FILTER = "https://docs.aws.amazon.com/cli/latest/reference/logs/test-metric-filter.html";
const AWSDOCS_GUIDE = "https://github.com/awsdocs/amazon-cloudwatch-logs-user-guide/blob";
const GUIDE_REVISION = (commit: string, anchor: string): string =>
  `${AWSDOCS_GUIDE}/${commit}/doc_source/FilterAndPatternSyntax.md#${anchor}`;
const GUIDE_2022 = "5bd7d2470d67c936128b739e8a4aaa85c3eb8b7b";
const GUIDE_2021 = "5f9d4b2e262efaaab957f7def536694412681154";
const GUIDE_2018 = "e9343db32ceee280415c5020340b450132c0be07";

const each = (messages: readonly string[], matches: boolean): DocEvent[] =>
  messages.map((message) => ({ message, matches }));

// ---------------------------------------------------------------------------------------------------------------
// Unstructured log events and regular expressions

const ERROR_400 = "[ERROR 400] BAD REQUEST";
const ERROR_401 = "[ERROR 401] UNAUTHORIZED REQUEST";
const ERROR_419 = "[ERROR 419] MISSING ARGUMENTS";
const ERROR_420 = "[ERROR 420] INVALID ARGUMENTS";
const GUIDE_ERRORS = [ERROR_400, ERROR_401, ERROR_419, ERROR_420];

/** The 2018–2021 guide's examples 2 and 3. */
const FATAL = "[ERROR] A fatal exception has occurred";
const EXITING = "Exiting with ERRORCODE: -1";

const UNSTRUCTURED: DocExample[] = [
  {
    source: GUIDE_REGEX,
    says: "returns all log events consisting of the AUTHORIZED keyword",
    pattern: "%AUTHORIZED%",
    events: each(["[ERROR 401] UNAUTHORIZED REQUEST", "[SUCCESS 200] AUTHORIZED REQUEST"], true),
  },
  {
    source: GUIDE_UNSTRUCTURED,
    says: "Match a single term: returns all log events where messages contain the word ERROR",
    pattern: "ERROR",
    events: each(GUIDE_ERRORS, true),
  },
  {
    source: GUIDE_UNSTRUCTURED,
    says: "Match multiple terms: returns 419 and 420; doesn't return 400 and 401, which lack ARGUMENTS",
    pattern: "ERROR ARGUMENTS",
    events: [...each([ERROR_419, ERROR_420], true), ...each([ERROR_400, ERROR_401], false)],
  },
  {
    source: GUIDE_UNSTRUCTURED,
    says: "Match optional terms: messages that contain the word ERROR or the word ARGUMENTS",
    pattern: "?ERROR ?ARGUMENTS",
    events: each(GUIDE_ERRORS, true),
  },
  {
    source: GUIDE_UNSTRUCTURED,
    says: "combined with other terms, the question mark terms are ignored; matches all events containing REQUEST",
    pattern: "?ERROR ?ARGUMENTS REQUEST",
    events: each(["[INFO] REQUEST FAILED", "[WARN] UNAUTHORIZED REQUEST", "[ERROR] 400 BAD REQUEST"], true),
  },
  {
    source: GUIDE_UNSTRUCTURED,
    says: "Match exact phrases: returns [ERROR 500] INTERNAL SERVER ERROR",
    pattern: '"INTERNAL SERVER ERROR"',
    events: each(["[ERROR 500] INTERNAL SERVER ERROR"], true),
  },
  {
    source: GUIDE_UNSTRUCTURED,
    says: "Include and exclude terms: returns 400 and 401; doesn't return 419 and 420, which contain ARGUMENTS",
    pattern: "ERROR -ARGUMENTS",
    events: [...each([ERROR_400, ERROR_401], true), ...each([ERROR_419, ERROR_420], false)],
  },
  {
    source: GUIDE_UNSTRUCTURED,
    says: "Match everything: returns all log events",
    pattern: '" "',
    events: each(GUIDE_ERRORS, true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "matching-terms-events"),
    says: 'Example 1: the filter pattern "" matches all log events',
    pattern: '""',
    events: each([FATAL, EXITING], true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "matching-terms-events"),
    says: 'Example 2: "ERROR" matches [ERROR] A fatal exception has occurred and Exiting with ERRORCODE: -1',
    pattern: '"ERROR"',
    events: each([FATAL, EXITING], true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "matching-terms-events"),
    says: 'Example 3: with "ERROR" - "Exiting", the message Exiting with ERRORCODE: -1 would be excluded',
    pattern: '"ERROR" - "Exiting"',
    events: [
      { message: FATAL, matches: true },
      { message: EXITING, matches: false },
    ],
  },
  {
    // The 2018 and 2020 revisions wrote this as one quoted phrase, "ERROR Exception", which occurs in neither
    // message; awsdocs pull request #31 corrected it to two quoted terms (the text below).
    source: GUIDE_REVISION(GUIDE_2021, "matching-terms-events"),
    says: 'Example 4: "ERROR" "Exception" matches log event messages that contain both terms',
    pattern: '"ERROR" "Exception"',
    events: each(["[ERROR] Caught IllegalArgumentException", "[ERROR] Unhandled Exception"], true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "matching-terms-events"),
    says: 'Example 4: "Failed to process the request" matches log event messages that contain all terms',
    pattern: '"Failed to process the request"',
    events: each(
      ["[WARN] Failed to process the request", "[ERROR] Unable to continue: Failed to process the request"],
      true,
    ),
  },
  {
    source: GUIDE_REVISION(GUIDE_2018, "matching-terms-events"),
    says: "Example 4: ?Error ?fatal would match the first two but not the last two",
    pattern: "?Error ?fatal",
    events: [
      ...each(["[Error] Unhandled Exception", FATAL], true),
      ...each(["[ERROR] Caught IllegalArgumentException", EXITING], false),
    ],
  },
];

/** An example under "Usage of supported operators": a standalone regex, an unanchored search. */
function operator(says: string, pattern: string, matching: readonly string[], notMatching: string[] = []): DocExample {
  return { source: GUIDE_REGEX_SYNTAX, says, pattern, events: [...each(matching, true), ...each(notMatching, false)] };
}

const REGEX_OPERATORS: DocExample[] = [
  operator('^: matches "hat" and "cat", but only at the beginning', "%^[hc]at%", ["hat", "cat"]),
  operator('$: matches "hat" and "cat", but only at the end', "%[hc]at$%", ["hat", "cat"]),
  operator('?: can match both "color" and "colour"', "%colou?r%", ["color", "colour"]),
  operator('[]: matches "a", "b", or "c"', "%[abc]%", ["a", "b", "c"]),
  operator('[]: matches any lowercase letter from "a" to "z"', "%[a-z]%", ["a", "z"]),
  operator('[]: matches "a", "b", "c", "x", "y", or "z"', "%[abcx-z]%", ["a", "b", "c", "x", "y", "z"]),
  operator('{m, n}: matches "aaa", "aaaa", and "aaaaa"', "%a{3,5}%", ["aaa", "aaaa", "aaaaa"]),
  operator('|: can match "gray" or "grey"', "%gra|ey%", ["gray", "grey"]),
  operator(
    '|: can match "starting ...", "initializing ...", or "shutting down", but won\'t match "skipping initializing ..."',
    "%^starting|^initializing|^shutting down%",
    ["starting ...", "initializing ...", "shutting down"],
    ["skipping initializing ..."],
  ),
  operator(
    '\\: matches any single character surrounded by "[" and "]", such as "[a]", "[b]", "[7]", "[@]", "[]]", "[ ]"',
    "%\\[.\\]%",
    ["[a]", "[b]", "[7]", "[@]", "[]]", "[ ]"],
  ),
  // "%10.10.0.1% can match "10010,051" which might not be the actual intended purpose": escaping the dots is what
  // keeps the escaped form from matching it.
  operator(
    "%10\\.10\\.0\\.1% is the correct way to create a regex to match the IP address 10.10.0.1",
    "%10\\.10\\.0\\.1%",
    ["10.10.0.1"],
    ["10010,051"],
  ),
  operator('*: can match "ac", "abc", and "abbbc"', "%ab*c%", ["ac", "abc", "abbbc"]),
  operator('*: can match "ab", "ab0", and "ab129"', "%ab[0-9]*%", ["ab", "ab0", "ab129"]),
  operator('+: can match "abc", "abbc", and "abbbc", but not "ac"', "%ab+c%", ["abc", "abbc", "abbbc"], ["ac"]),
  operator('.: matches "hat", "cat", "bat", "4at", "#at" and " at" (starting with a space)', "%.at%", [
    "hat",
    "cat",
    "bat",
    "4at",
    "#at",
    " at",
  ]),
  operator('%10.10.0.1% can match "10010,051"', "%10.10.0.1%", ["10010,051"]),
  operator("\\xhh: %\\x3A% matches :", "%\\x3A%", [":"]),
  operator("\\xhh: %\\x28% matches (", "%\\x28%", ["("]),
];

// ---------------------------------------------------------------------------------------------------------------
// JSON log events

/** The guide's example JSON log event, on one line as the guide asks for testing. */
const GUIDE_JSON_EVENT = JSON.stringify({
  eventType: "UpdateTrail",
  sourceIPAddress: "111.111.111.111",
  arrayKey: ["value", "another value"],
  objectList: [
    { name: "a", id: 1 },
    { name: "b", id: 2 },
  ],
  SomeObject: null,
  "cluster.name": "c",
});

/** The 2022 revision's example event: the same without "cluster.name". */
const GUIDE_2022_JSON_EVENT = JSON.stringify({
  eventType: "UpdateTrail",
  sourceIPAddress: "111.111.111.111",
  arrayKey: ["value", "another value"],
  objectList: [
    { name: "a", id: 1 },
    { name: "b", id: 2 },
  ],
  SomeObject: null,
});

/** The 2021 revision's example event: with "ThisFlag": true. */
const GUIDE_2021_JSON_EVENT = JSON.stringify({
  eventType: "UpdateTrail",
  sourceIPAddress: "111.111.111.111",
  arrayKey: ["value", "another value"],
  objectList: [
    { name: "a", id: 1 },
    { name: "b", id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
});

/** The guide's example JSON object for compound expressions. */
const GUIDE_COMPOUND_EVENT = JSON.stringify({
  user: { id: 1, email: "John.Stiles@example.com" },
  users: [
    { id: 2, email: "John.Doe@example.com" },
    { id: 3, email: "Jane.Doe@example.com" },
  ],
  actions: ["GET", "PUT", "DELETE"],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
});

const JSON_EXAMPLES: DocExample[] = [
  {
    source: GUIDE_JSON,
    says: 'matches the string "UpdateTrail" in the property "eventType"',
    pattern: '{ $.eventType = "UpdateTrail" }',
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: 'matches the property "sourceIPAddress" because it doesn\'t contain a number with the prefix "123.123."',
    pattern: "{ $.sourceIPAddress != 123.123.* }",
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: 'matches the element "value" in the array "arrayKey"',
    pattern: '{ $.arrayKey[0] = "value" }',
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: 'matches the string "Trail" in the property "eventType"',
    pattern: "{ $.eventType = %Trail% }",
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: 'regex which matches the element "value" in the array "arrayKey"',
    pattern: "{ $.arrayKey[*] = %val.{2}% }",
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: 'regex which matches the element "111.111.111.111" in the property "sourceIPAddress"',
    pattern: "{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }",
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: "matches a JSON property with a period (.) in the key",
    pattern: "{ $.['cluster.name'] = \"c\" }",
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: "returns JSON logs where the value of SomeObject is NULL",
    pattern: "{ $.SomeObject IS NULL }",
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: "returns JSON logs that don't contain the field SomeOtherObject",
    pattern: "{ $.SomeOtherObject NOT EXISTS }",
    events: each([GUIDE_JSON_EVENT], true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2022, "match-items-metric-filters"),
    says: 'matches the object "id":2 in the array "objectList"',
    pattern: "{ $.objectList[1].id = 2 }",
    events: each([GUIDE_2022_JSON_EVENT], true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "metric-filter-examples"),
    says: "The following filters would match: { $.ThisFlag IS TRUE } filters on ThisFlag being TRUE",
    pattern: "{ $.ThisFlag IS TRUE }",
    events: each([GUIDE_2021_JSON_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: "Expression that matches using AND (&&)",
    pattern: '{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }',
    events: each([GUIDE_COMPOUND_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: "Expression that matches using OR (||)",
    pattern:
      '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }',
    events: each([GUIDE_COMPOUND_EVENT], true),
  },
  {
    source: GUIDE_JSON,
    says: "Expression that doesn't match using AND (&&)",
    pattern:
      '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }',
    events: each([GUIDE_COMPOUND_EVENT], false),
  },
  {
    source: GUIDE_JSON,
    says: "Expression that doesn't match using OR (||)",
    pattern: '{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }',
    events: each([GUIDE_COMPOUND_EVENT], false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "compound-conditions"),
    says: "Matches the JSON above (the values written unquoted)",
    pattern: '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }',
    events: each([GUIDE_COMPOUND_EVENT], true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "compound-conditions"),
    says: "Doesn't match the JSON above (the values written unquoted)",
    pattern:
      '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }',
    events: each([GUIDE_COMPOUND_EVENT], false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "w28aac15c13b9c28b6b6b8"),
    says: "both {$.users = 1} and {$.users != 1} will fail to match a log event where users is an array",
    pattern: "{$.users = 1}",
    events: each(['{"users": [1, 2, 3]}'], false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "w28aac15c13b9c28b6b6b8"),
    says: "both {$.users = 1} and {$.users != 1} will fail to match a log event where users is an array",
    pattern: "{$.users != 1}",
    events: each(['{"users": [1, 2, 3]}'], false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "log-filters-or-pattern-matching"),
    says: "{$.foo = bar} matches pattern 1",
    pattern: "{$.foo = bar}",
    events: [
      { message: '{"foo": "bar"}', matches: true },
      { message: '{"foo": "baz"}', matches: false },
    ],
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "log-filters-or-pattern-matching"),
    says: "{$.foo = baz } matches pattern 2",
    pattern: "{$.foo = baz }",
    events: [
      { message: '{"foo": "bar"}', matches: false },
      { message: '{"foo": "baz"}', matches: true },
    ],
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "log-filters-or-pattern-matching"),
    says: "{$.foo = bar || $.foo = baz } matches pattern 1 and 2",
    pattern: "{$.foo = bar || $.foo = baz }",
    events: each(['{"foo": "bar"}', '{"foo": "baz"}'], true),
  },
  {
    source: METRIC_FILTERS_DIMENSIONS,
    says: "increments the metric whenever a JSON log event contain the properties eventType and sourceIPAddress",
    pattern: '{ $.eventType = "*" && $.sourceIPAddress != 123.123.* }',
    events: each(
      [
        JSON.stringify({
          eventType: "UpdateTrail",
          sourceIPAddress: "111.111.111.111",
          arrayKey: ["value", "another value"],
          objectList: [
            { name: "a", id: 1 },
            { name: "b", id: 2 },
          ],
        }),
      ],
      true,
    ),
  },
  {
    source: METRIC_FILTERS_VALUES,
    says: 'matches the term "latency" in the example JSON log event and publishes a numeric value of 50',
    pattern: "{ $.latency = * }",
    events: each(['{"latency": 50, "requestType": "GET"}'], true),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Space-delimited log events

/** The guide's space-delimited log event: seven fields, the fourth bracketed and the fifth quoted. */
const PROD_EVENT = '127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';

/** The values the 2022 guide shows extracted from PROD_EVENT ("Example: Extracted fields and values"). */
const PROD_EXTRACTED = {
  $bytes: "1534",
  $status_code: "404",
  $request: "GET /index.html HTTP/1.0",
  $timestamp: "10/Oct/2000:13:25:15 -0700",
  $username: "frank",
  $user: "Prod",
  $ip: "127.0.0.1",
};

/** The guide's four-line log for pattern matching by position: 6, 6, 6 and 7 words. */
const INFO_GET = "INFO 09/25/2014 12:00:00 GET /service/resource/67 1200";
const INFO_POST = "INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310";
const WARNING_LINE = "WARNING 09/25/2014 12:00:02 Invalid user request";
const ERROR_LINE = "ERROR 09/25/2014 12:00:02 Failed to process request";
const byLine = (get: boolean, post: boolean, warning: boolean, error: boolean): DocEvent[] => [
  { message: INFO_GET, matches: get },
  { message: INFO_POST, matches: post },
  { message: WARNING_LINE, matches: warning },
  { message: ERROR_LINE, matches: error },
];

/** The Apache lines of the 2018–2021 guide and of the TestMetricFilter API reference. */
const FRANK_200 = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534';
const FRANK_500 = '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324';
const FRANK_200_AGAIN = '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355';
const FRANK_LINES = [FRANK_200, FRANK_500, FRANK_200_AGAIN];
const byFrankLine = (first: boolean, second: boolean, third: boolean): DocEvent[] => [
  { message: FRANK_200, matches: first },
  { message: FRANK_500, matches: second },
  { message: FRANK_200_AGAIN, matches: third },
];

const SPACE_DELIMITED: DocExample[] = [
  {
    source: GUIDE_SPACE_DELIMITED,
    says: "parses seven fields: ip matches 127.0.0.1 - 127.0.0.9, request has .html, status_code begins with 4",
    pattern: "[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]",
    events: each([PROD_EVENT], true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2022, "extract-log-event-values"),
    says: "The following metric filter parses seven fields; Example: Extracted fields and values",
    pattern: "[ip, user, username, timestamp, request =*.html*, status_code = 4*, bytes]",
    events: [{ message: PROD_EVENT, matches: true, extracted: PROD_EXTRACTED }],
  },
  {
    source: GUIDE_SPACE_DELIMITED,
    says: "a filter pattern with ellipsis that represent the first four unnamed fields",
    pattern: "[..., request =*.html*, status_code = 4*, bytes]",
    events: each([PROD_EVENT], true),
  },
  {
    // The current guide shows the pattern; its 2022 revision shows the values extracted by it.
    source: GUIDE_REVISION(GUIDE_2022, "extract-log-event-values"),
    says: "a compound expression that states the value of status_code must be 404 or 410",
    pattern: "[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410, bytes]",
    events: [{ message: PROD_EVENT, matches: true, extracted: PROD_EXTRACTED }],
  },
  {
    source: GUIDE_SPACE_DELIMITED,
    says: "Match terms in order: returns log events where the first word in the log events is ERROR",
    pattern: "[w1=ERROR, w2]",
    events: byLine(false, false, false, true),
  },
  {
    source: GUIDE_SPACE_DELIMITED,
    says: "returns log events where the first word in the events is ERROR or WARNING",
    pattern: "[w1=ERROR || w1=WARNING, w2]",
    events: byLine(false, false, true, true),
  },
  {
    source: GUIDE_SPACE_DELIMITED,
    says: "Exclude terms from matches: returns log events where the first words aren't ERROR and WARNING",
    pattern: "[w1!=ERROR && w1!=WARNING, w2]",
    events: byLine(true, true, false, false),
  },
  {
    source: GUIDE_SPACE_DELIMITED,
    says: "matches the top level item in a resource URI using regex",
    pattern: "[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]",
    events: byLine(true, false, false, false),
  },
  {
    source: GUIDE_SPACE_DELIMITED,
    says: "matches the child level item in a resource URI using regex",
    pattern: "[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]",
    events: byLine(false, true, false, false),
  },
  {
    // The page gives no log of its own for this one; the guide's four-line log above is the one it describes.
    source: METRIC_FILTERS_DIMENSIONS,
    says: "returns log events where the first word in the events is ERROR or any superstring of WARN",
    pattern: "[w1=ERROR || w1=%WARN%, w2]",
    events: byLine(false, false, true, true),
  },
  {
    source: METRIC_FILTERS_DIMENSIONS,
    says: "the metric filter finds following fields and values in the example space-delimited log event",
    pattern: "[ip, server, username, timestamp, request, status_code, bytes > 1000]",
    events: [
      {
        message: PROD_EVENT,
        matches: true,
        extracted: {
          $bytes: "1534",
          $status_code: "404",
          $request: "GET /index.html HTTP/1.0",
          $timestamp: "10/Oct/2000:13:25:15 -0700",
          $username: "frank",
          $server: "Prod",
          $ip: "127.0.0.1",
        },
      },
    ],
  },
  // The 2021 revision: a pattern for the three Apache lines, the ... shorthand, then conditions ("only log events
  // that match all conditions would match the filters").
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "To specify a metric filter pattern that parses space-delimited events, ... For example: [ip, user, ...]",
    pattern: "[ip, user, username, timestamp, request, status_code, bytes]",
    events: each(FRANK_LINES, true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "In cases where you don't know the number of fields, you can use shorthand notification using an ellipsis",
    pattern: "[..., status_code, bytes]",
    events: each(FRANK_LINES, true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "In cases where you don't know the number of fields, you can use shorthand notification using an ellipsis",
    pattern: "[ip, user, ..., status_code, bytes]",
    events: each(FRANK_LINES, true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "In cases where you don't know the number of fields, you can use shorthand notification using an ellipsis",
    pattern: "[ip, user, ...]",
    events: each(FRANK_LINES, true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "only log events that match all conditions would match (bytes 1534, 5324 and 4355 are all over 1000)",
    pattern: "[ip, user, username, timestamp, request, status_code, bytes > 1000]",
    events: each(FRANK_LINES, true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "only log events that match all conditions would match (status codes 200, 500, 200)",
    pattern: "[ip, user, username, timestamp, request, status_code = 200, bytes]",
    events: byFrankLine(true, false, true),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "only log events that match all conditions would match (no status code begins with 4)",
    pattern: "[ip, user, username, timestamp, request, status_code = 4*, bytes]",
    events: each(FRANK_LINES, false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "only log events that match all conditions would match (no status code begins with 4)",
    pattern: "[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]",
    events: each(FRANK_LINES, false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "|| as a logical OR operator (no status code is 403 or 404)",
    pattern: "[ip, user, username, timestamp, request, status_code = 403 || status_code = 404, bytes]",
    events: each(FRANK_LINES, false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2018, "extract-log-event-values"),
    says: "You can use && as an AND operator (no status code begins with 4)",
    pattern: "[ip, user, username, timestamp, request, status_code = 4* && status_code = 5*, bytes]",
    events: each(FRANK_LINES, false),
  },
  {
    source: GUIDE_REVISION(GUIDE_2018, "extract-log-event-values"),
    says: "You can use && as an AND operator (no status code begins with 4)",
    pattern: "[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]",
    events: each(FRANK_LINES, false),
  },
  {
    // The page shows "$request": "GET /products/index.html HTTP/1.0", which is not in its own log event; the
    // TestMetricFilter API reference shows the same pattern on the same event extracting "GET /index.html HTTP/1.0".
    // The page also writes the event's quotes as \" (the JSON string as the API carries it).
    source: GUIDE_REVISION(GUIDE_2021, "extract-log-event-values"),
    says: "Extracted fields for the log event and filter pattern",
    pattern: "[..., request=*.html*, status_code=4*,]",
    events: [
      {
        message: '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534',
        matches: true,
        extractedIncludes: {
          $status_code: "404",
          $7: "1534",
          $4: "10/Oct/2000:13:25:15 -0700",
          $3: "frank",
          $2: "-",
          $1: "127.0.0.1",
        },
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// The metric-filter example pages

/** "Count HTTP 4xx codes" and "Extract fields from an Apache log": the same six lines. */
const APACHE_SEPTEMBER = [
  '127.0.0.1 - - [24/Sep/2013:11:49:52 -0700] "GET /index.html HTTP/1.1" 404 287',
  '127.0.0.1 - - [24/Sep/2013:11:49:52 -0700] "GET /index.html HTTP/1.1" 404 287',
  '127.0.0.1 - - [24/Sep/2013:11:50:51 -0700] "GET /~test/ HTTP/1.1" 200 3',
  '127.0.0.1 - - [24/Sep/2013:11:50:51 -0700] "GET /favicon.ico HTTP/1.1" 404 308',
  '127.0.0.1 - - [24/Sep/2013:11:50:51 -0700] "GET /favicon.ico HTTP/1.1" 404 308',
  '127.0.0.1 - - [24/Sep/2013:11:51:34 -0700] "GET /~test/index.html HTTP/1.1" 200 3',
];
const SEPTEMBER_SIZES = ["287", "287", "3", "308", "308", "3"];

const COUNTING_MESSAGES = ["Test event 1", "Test event 2", "This message also contains an Error"];

const EXAMPLE_PAGES: DocExample[] = [
  {
    source: EXAMPLE_PAGE("CountOccurrencesExample"),
    says: 'a value of "1" for every event containing Error; post events containing the word "Error" to test it',
    pattern: "Error",
    events: each(["This message contains an Error", "This message also contains an Error"], true),
  },
  {
    source: EXAMPLE_PAGE("CountingLogEventsExample"),
    says: 'The filter is configured to match any log event content (--filter-pattern " ")',
    pattern: '" "',
    events: each(COUNTING_MESSAGES, true),
  },
  {
    source: EXAMPLE_PAGE("CountingLogEventsExample"),
    says: "Leave Filter Pattern blank: the count is incremented by 1 for every log event",
    pattern: "",
    events: each(COUNTING_MESSAGES, true),
  },
  {
    source: EXAMPLE_PAGE("Counting404Responses"),
    says: "a rule which attempts to match events of that structure for HTTP 404 errors (the console pattern)",
    pattern: "[IP, UserInfo, User, Timestamp, RequestInfo, StatusCode=404, Bytes]",
    events: each(['127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 404 2326'], true),
  },
  {
    source: EXAMPLE_PAGE("Counting404Responses"),
    says: "ApacheNotFoundErrorCount counts the 404 event; the 200 event is not a 404",
    pattern: "[ip, id, user, timestamp, request, status_code=404, size]",
    events: [
      { message: '127.0.0.1 - bob [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 404 2326', matches: true },
      {
        message: '127.0.0.1 - bob [10/Oct/2000:13:55:36 -0700] "GET /apache_pb2.gif HTTP/1.0" 200 2326',
        matches: false,
      },
    ],
  },
  {
    source: EXAMPLE_PAGE("FindCountMetric"),
    says: "a metric that includes all 400-level HTTP code responses",
    pattern: "[ip, id, user, timestamp, request, status_code=4*, size]",
    events: APACHE_SEPTEMBER.map((message) => ({ message, matches: message.includes('" 4') })),
  },
  {
    source: EXAMPLE_PAGE("ExtractBytesExample"),
    says: "This extraction rule matches the seven fields of the log event. The metric value is the seventh token",
    pattern: "[ip, id, user, timestamp, request, status_code, size]",
    events: APACHE_SEPTEMBER.map((message, index) => ({
      message,
      matches: true,
      extractedIncludes: { $size: SEPTEMBER_SIZES[index] },
    })),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// TestMetricFilter API reference and the AWS CLI example

/** What a FRANK line holds besides its constant fields. */
function frankParts(message: string): { timestamp: string; status: string; size: string } {
  const parts = /\[(.*)\] "GET \/apache_pb\.gif HTTP\/1\.0" (\d+) (\d+)$/.exec(message) ?? [];
  const [, timestamp = "", status = "", size = ""] = parts;
  return { timestamp, status, size };
}

const REFERENCE_4XX = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /about-us/index.html HTTP/1.0" 200 5324',
  '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 404 4355',
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /products/index.html HTTP/1.0" 400 1534',
];

const REFERENCE_ERRORS = [
  "02 May 2014 00:34:12,525 [INFO] Starting the application",
  "02 May 2014 00:35:14,245 [DEBUG] Database connection established",
  "02 May 2014 00:34:14,663 [INFO] Executing SQL Query",
  "02 May 2014 00:34:16,142 [ERROR] Unhanded exception: InvalidQueryException",
  "02 May 2014 00:34:16,224 [ERROR] Terminating the application",
];

/** A term pattern extracts nothing: the API reference shows "extractedValues": {} on every match. */
function termEvent(message: string, matches: boolean): DocEvent {
  return matches ? { message, matches, extracted: {} } : { message, matches };
}

const TEST_METRIC_FILTER: DocExample[] = [
  {
    // The API reference shows "$size": "1534," and "5324," for the first two events: the messages end in 1534 and
    // 5324, and the third event's value is shown as "4355", so the trailing commas are taken as typing errors.
    source: API_TEST_METRIC_FILTER,
    says: "To test a metric filter pattern on Apache access.log events",
    pattern: "[ip, identity, user_id, timestamp, request, status_code, size]",
    events: FRANK_LINES.map((message) => {
      const v = frankParts(message);
      return {
        message,
        matches: true,
        extracted: {
          $status_code: v.status,
          $identity: "-",
          $request: "GET /apache_pb.gif HTTP/1.0",
          $size: v.size,
          $user_id: "frank",
          $ip: "127.0.0.1",
          $timestamp: v.timestamp,
        },
      };
    }),
  },
  {
    source: API_TEST_METRIC_FILTER,
    says: "To test a metric filter pattern on Apache access.log events without specifying all the fields",
    pattern: "[..., size]",
    events: FRANK_LINES.map((message) => {
      const v = frankParts(message);
      const numbered = { $6: v.status, $4: v.timestamp, $5: "GET /apache_pb.gif HTTP/1.0" };
      const constant = { $2: "-", $3: "frank", $1: "127.0.0.1" };
      return { message, matches: true, extracted: { $size: v.size, ...numbered, ...constant } };
    }),
  },
  {
    source: API_TEST_METRIC_FILTER,
    says: "To test a metric filter pattern on Apache access.log events without specifying any fields",
    pattern: "[]",
    events: FRANK_LINES.map((message) => {
      const v = frankParts(message);
      const numbered = { $7: v.size, $6: v.status, $4: v.timestamp, $5: "GET /apache_pb.gif HTTP/1.0" };
      return { message, matches: true, extracted: { ...numbered, $2: "-", $3: "frank", $1: "127.0.0.1" } };
    }),
  },
  {
    source: API_TEST_METRIC_FILTER,
    says: "To test a metric filter pattern that matches successful requests in Apache access.log events",
    pattern: "[..., status_code=200, size]",
    events: FRANK_LINES.map((message) => {
      const v = frankParts(message);
      if (v.status !== "200") return { message, matches: false };
      const numbered = { $4: v.timestamp, $5: "GET /apache_pb.gif HTTP/1.0", $2: "-", $3: "frank", $1: "127.0.0.1" };
      return { message, matches: true, extracted: { $status_code: "200", $size: v.size, ...numbered } };
    }),
  },
  {
    source: API_TEST_METRIC_FILTER,
    says: "To test a metric filter pattern that matches 4XX response codes for HTML pages in Apache access.log events",
    pattern: "[..., request=*.html*, status_code=4*,]",
    events: [
      {
        message: REFERENCE_4XX[0],
        matches: true,
        extracted: {
          $status_code: "404",
          $request: "GET /index.html HTTP/1.0",
          $7: "1534",
          $4: "10/Oct/2000:13:25:15 -0700",
          $2: "-",
          $3: "frank",
          $1: "127.0.0.1",
        },
      },
      { message: REFERENCE_4XX[1], matches: false },
      { message: REFERENCE_4XX[2], matches: false },
      {
        message: REFERENCE_4XX[3],
        matches: true,
        extracted: {
          $status_code: "400",
          $request: "GET /products/index.html HTTP/1.0",
          $7: "1534",
          $4: "10/Oct/2000:13:25:15 -0700",
          $2: "-",
          $3: "frank",
          $1: "127.0.0.1",
        },
      },
    ],
  },
  {
    source: API_TEST_METRIC_FILTER,
    says: 'To test a metric filter pattern that matches occurrences of "[ERROR]" in log events',
    pattern: '"[ERROR]"',
    events: REFERENCE_ERRORS.map((message, index) => termEvent(message, index >= 3)),
  },
  {
    source: API_TEST_METRIC_FILTER,
    says: 'To test a metric filter pattern that matches occurrences of "[ERROR]" and "Exception" in log events',
    pattern: '"[ERROR]" Exception',
    events: REFERENCE_ERRORS.map((message, index) => termEvent(message, index === 3)),
  },
  {
    source: CLI_TEST_METRIC_FILTER,
    says: "tests the filter pattern ERROR against a sample of log event messages (events 1 and 2 match)",
    pattern: "ERROR",
    events: [
      { message: "[ERROR] 400 BAD REQUEST", matches: true, extracted: {} },
      { message: "[ERROR] 400 BAD REQUEST", matches: true, extracted: {} },
      { message: "[INFO] 200 OK", matches: false },
    ],
  },
];

/** Every documentation example that comes with log events. */
export const DOC_EXAMPLES: readonly DocExample[] = [
  ...UNSTRUCTURED,
  ...REGEX_OPERATORS,
  ...JSON_EXAMPLES,
  ...SPACE_DELIMITED,
  ...EXAMPLE_PAGES,
  ...TEST_METRIC_FILTER,
];

// ---------------------------------------------------------------------------------------------------------------
// Patterns shown without log events

const accepted = (source: string, says: string, patterns: readonly string[]): DocPatternOnly[] =>
  patterns.map((pattern) => ({ source, says, pattern, accepted: true }));

export const DOC_PATTERNS_WITHOUT_EVENTS: readonly DocPatternOnly[] = [
  {
    source: GUIDE_REGEX_SYNTAX,
    says: "%something!% would be rejected since '!' is not supported",
    pattern: "%something!%",
    accepted: false,
  },
  ...accepted(GUIDE_REGEX_SYNTAX, "\\d, \\D, \\w, \\W and their bracket equivalents", [
    "%\\d%",
    "%[0-9]%",
    "%\\D%",
    "%[^0-9]%",
    "%\\w%",
    "%[a-zA-Z_0-9]%",
    "%\\W%",
    "%[^a-zA-Z_0-9]%",
  ]),
  ...accepted(GUIDE_JSON, "filter patterns to match JSON terms with numeric values", [
    "{ $.bandwidth > 75 }",
    "{ $.latency < 50 }",
    "{ $.refreshRate >= 60 }",
    "{ $.responseTime <= 5 }",
    "{ $.errorCode = 400}",
    "{ $.errorCode != 500 }",
    "{ $.number[0] = 1e+3 }",
    "{ $.number[0] != 1e-3 }",
  ]),
  ...accepted(GUIDE_REVISION(GUIDE_2022, "metric-filters-extract-json"), "metric filters that match numeric values", [
    "{ $.number[0] = 1e-3 }",
    "{ $.number[0] != 1e+3 }",
  ]),
  ...accepted(GUIDE_REVISION(GUIDE_2021, "w28aac15c13b9c28b6b6c10"), "Numeric Comparisons: Examples", [
    "{ $.latency >= 500 }",
    "{ $.numbers[0] < 10e3 }",
    "{ $.numbers[0] < 10e-3 }",
    "{ $.processes[4].averageRuntime <= 55.5 }",
    "{ $.errorCode = 400 }",
    "{ $.errorCode != 500 }",
    "{ $.latency > +1000 }",
  ]),
];

/*
 * Documentation examples not used as tests, and why:
 *
 * - 2018–2021 guide, "OR Pattern Matching", on the lines "ERROR WARN message", "ERROR message", "WARN message":
 *   "[w1=ERROR, w2] matches pattern 2 because ERROR is the first word" (ERROR is the first word of line 1 too),
 *   "[w1=ERROR || w1=WARN, w2] matches patterns 2 and 3", and "[w1!=ERROR&&w1!=WARN, w2] matches lines containing
 *   both ERROR and WARN (pattern 1)", whose w1 is ERROR. The three sentences cannot all hold under any reading of
 *   the rules, and the current guide's [w1=ERROR, w2] example (a seven-word ERROR line is returned) contradicts the
 *   first; the term examples on the same lines (ERROR, ?ERROR ?WARN, ERROR WARN, ERROR -WARN) share the section and
 *   are left out with it.
 * - 2018 and 2020 guide, Example 3/4: the phrase "ERROR Exception" said to match "[ERROR] Caught
 *   IllegalArgumentException"; corrected to "ERROR" "Exception" by awsdocs pull request #31 (used above).
 * - 2021 guide: [ip, user, username, timestamp, request, status_code = 4* && bytes > 1000] joins conditions on two
 *   fields; AWS rejects it as an invalid pattern (awsdocs issue #21), and the current guide dropped it.
 * - Current guide, "|" operator: %abcc|ab[^c]$ "can match abcc ... and aba ..." has no closing %, so it is not a
 *   pattern; with the % added, "aba ..." ends in "...", which ab[^c]$ cannot reach.
 * - Subscription-filter pages: {$.userIdentity.type = Root} is shown with CloudTrail records cut short ("…"),
 *   which are not whole messages.
 */
