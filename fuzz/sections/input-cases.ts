/**
 * Bad inputs to every entry point, each with what the command must do with it. `{dir}` in an argument stands for
 * a fresh scratch directory holding the case's `files`; a case with `program` also gets a bare Pulumi program
 * there (Pulumi.yaml, Pulumi.dev.yaml in us-east-1, no node_modules: `@pulumi/*` resolve from this project).
 */
import type { Expectation } from "../invariants/command-output";

export type EntryPoint = "start" | "test-metric-filter" | "bench" | "fuzz";

export interface InputCase {
  readonly id: string;
  readonly entry: EntryPoint;
  readonly args: readonly string[];
  readonly files?: Readonly<Record<string, string>>;
  readonly program?: boolean;
  readonly expect: Expectation;
  /** Runs a program or starts the pack (seconds rather than a fraction of one). */
  readonly slow?: boolean;
}

const canonical =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";
const topic = 'import * as aws from "@pulumi/aws";\nnew aws.sns.Topic("alerts");\n';
const nonzero = (says?: RegExp, userError = false): Expectation => ({
  exit: "nonzero",
  ...(says === undefined ? {} : { says }),
  userError,
});
const usage = (says?: RegExp): Expectation => ({ exit: 2, ...(says === undefined ? {} : { says }) });

const programs: InputCase[] = [
  {
    id: "program throws",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: {
      "index.ts": `${topic}function configure(): never {\n  throw new Error("no alarm period configured");\n}\nconfigure();\n`,
    },
    expect: nonzero(/no alarm period configured[\s\S]*|index\.ts:3:9/),
  },
  {
    id: "program rejects a promise",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: { "index.ts": `${topic}Promise.reject(new Error("async failure"));\n` },
    expect: nonzero(/async failure/),
  },
  {
    id: "program throws a string",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: { "index.ts": `${topic}throw "plain string";\n` },
    expect: nonzero(/plain string/),
  },
  {
    id: "program does not compile",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: { "index.ts": `${topic}const broken = ;\n` },
    expect: nonzero(/index\.ts:3:16\)/, true),
  },
  {
    id: "program imports a missing module",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: { "index.ts": `import "./not-there";\n${topic}` },
    expect: nonzero(/not-there/, true),
  },
  {
    id: "program recurses without end",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: {
      "index.ts": `${topic}function deeper(n: number): number { return deeper(n + 1) + 1; }\nderper();\nfunction derper() { return deeper(0); }\n`,
    },
    expect: nonzero(/Maximum call stack/, true),
  },
  // The hanging programs import nothing slow, so they reach their hang well within the timeout.
  {
    id: "program hangs",
    entry: "start",
    args: ["{dir}", "--timeout", "5"],
    program: true,
    slow: true,
    files: { "index.ts": "setInterval(() => undefined, 1000);\n" },
    expect: nonzero(/did not finish within 5 s/),
  },
  {
    id: "program hangs and ignores SIGTERM",
    entry: "start",
    args: ["{dir}", "--timeout", "5"],
    program: true,
    slow: true,
    files: { "index.ts": 'process.on("SIGTERM", () => undefined);\nsetInterval(() => undefined, 1000);\n' },
    expect: nonzero(/did not finish within 5 s/),
  },
  {
    id: "program hangs with a child process",
    entry: "start",
    args: ["{dir}", "--timeout", "5"],
    program: true,
    slow: true,
    files: {
      "index.ts":
        'import { spawn } from "child_process";\nspawn("sleep", ["300"], { stdio: "ignore" });\nsetInterval(() => undefined, 1000);\n',
    },
    expect: nonzero(/did not finish within 5 s/),
  },
  {
    id: "program leaves a child process running",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: {
      "index.ts": `import { spawn } from "child_process";\n${topic}spawn("sleep", ["300"], { stdio: "ignore", detached: false }).unref();\n`,
    },
    expect: { exit: 0 },
  },
  {
    id: "program exits early",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: { "index.ts": `${topic}process.exit(3);\n` },
    expect: nonzero(/exited \(code 3\)/),
  },
  {
    id: "program kills itself",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: { "index.ts": `${topic}process.kill(process.pid, "SIGKILL");\n` },
    expect: nonzero(/SIGKILL/),
  },
  {
    id: "program prints on stdout (--json)",
    entry: "start",
    args: ["{dir}", "--json"],
    program: true,
    slow: true,
    files: { "index.ts": `${topic}console.log("hello from the program");\nprocess.stdout.write("{not json\\n");\n` },
    expect: { exit: 0, jsonStdout: true },
  },
  {
    id: "program is an ES module",
    entry: "start",
    args: ["{dir}"],
    program: true,
    slow: true,
    files: {
      "package.json": '{ "type": "module" }\n',
      "index.js": 'import * as aws from "@pulumi/aws";\nnew aws.sns.Topic("alerts");\n',
    },
    // Node loads an ES module through `require` from 20.19 on (require(esm), without top-level await): the program
    // runs and is previewed like a CommonJS one.
    expect: { exit: 0 },
  },
];

const projects: InputCase[] = [
  {
    id: "Pulumi.yaml is not YAML",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "name: x\nruntime: [nodejs\n" },
    expect: nonzero(/Pulumi\.yaml:\d+:\d+/),
  },
  {
    id: "Pulumi.yaml without a name",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "runtime: nodejs\n" },
    expect: nonzero(/'name' is missing/),
  },
  {
    id: "Pulumi.yaml with an empty name",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": 'name: ""\nruntime: nodejs\n' },
    expect: nonzero(/'name' is missing/),
  },
  {
    id: "Pulumi.yaml for Python",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "name: x\nruntime: python\n" },
    expect: nonzero(/runtime 'python'/),
  },
  {
    id: "Pulumi.yaml without a runtime",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "name: x\n" },
    expect: nonzero(/runtime/),
  },
  {
    id: "Pulumi.yaml main missing",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "name: x\nruntime: nodejs\nmain: src/nowhere.ts\n" },
    expect: nonzero(/main 'src\/nowhere\.ts' does not exist/),
  },
  {
    id: "Pulumi.yaml empty",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "" },
    expect: nonzero(/'name' is missing/),
  },
  {
    id: "Pulumi.yaml is a list",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "- name: x\n- runtime: nodejs\n" },
    expect: nonzero(/'name' is missing/),
  },
  {
    id: "Pulumi.yaml with a key twice",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "name: a\nname: b\nruntime: nodejs\n" },
    expect: nonzero(/Pulumi\.yaml:2:\d+/),
  },
  {
    id: "Pulumi.yaml indented with a tab",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "name: a\nruntime:\n\tname: nodejs\n" },
    expect: nonzero(/Pulumi\.yaml:3:\d+/),
  },
  {
    id: "Pulumi.yaml binary",
    entry: "start",
    args: ["{dir}"],
    files: { "Pulumi.yaml": "\u0000\u0001\u00ff\ufffe name" },
    expect: nonzero(/Pulumi\.yaml/),
  },
  {
    id: "Pulumi.yaml with a YAML alias bomb",
    entry: "start",
    args: ["{dir}"],
    files: {
      "Pulumi.yaml": `name: x\nruntime: nodejs\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nmain: nowhere.ts\n`,
    },
    expect: nonzero(),
  },
  {
    id: "Pulumi.dev.yaml is not YAML",
    entry: "start",
    args: ["{dir}"],
    program: true,
    files: { "index.ts": topic, "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n    extra: too far\n" },
    expect: nonzero(/Pulumi\.dev\.yaml:3:\d+/),
  },
  {
    id: "Pulumi.dev.yaml config is a list",
    entry: "start",
    args: ["{dir}"],
    program: true,
    files: { "index.ts": topic, "Pulumi.dev.yaml": "config:\n  - a\n" },
    expect: nonzero(/'config' must be a mapping/),
  },
  {
    id: "Pulumi.dev.yaml config is text",
    entry: "start",
    args: ["{dir}"],
    program: true,
    files: { "index.ts": topic, "Pulumi.dev.yaml": "config: yes\n" },
    expect: nonzero(/'config' must be a mapping/),
  },
  {
    id: "a stack with no stack file",
    entry: "start",
    args: ["{dir}", "--stack", "prod"],
    program: true,
    files: { "index.ts": topic },
    expect: usage(/no Pulumi\.prod\.yaml/),
  },
  {
    id: "two stacks and no --stack",
    entry: "start",
    args: ["{dir}"],
    files: {
      "Pulumi.yaml": "name: x\nruntime: nodejs\n",
      "Pulumi.a.yaml": "config: {}\n",
      "Pulumi.b.yaml": "config: {}\n",
      "index.ts": topic,
    },
    expect: usage(/several stacks \(a, b\)/),
  },
  {
    id: "a file, not a directory",
    entry: "start",
    args: ["{dir}/index.ts"],
    program: true,
    files: { "index.ts": topic },
    expect: usage(/not a directory/),
  },
  { id: "no such directory", entry: "start", args: ["{dir}/nowhere"], expect: usage(/no such directory/) },
  {
    id: "no Pulumi.yaml",
    entry: "start",
    args: ["{dir}"],
    files: { "index.ts": topic },
    expect: usage(/has no Pulumi\.yaml/),
  },
];

const exportWith = (resources: string): string => `{ "version": 3, "deployment": { "resources": [${resources}] } }`;
const stackExports: InputCase[] = [
  {
    id: "export not JSON",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": '{\n  "version": 3,\n  "deployment": { "resources": [ { "urn": } ] }\n}\n' },
    expect: nonzero(/s\.json:3:\d+: /),
  },
  {
    id: "export truncated",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": '{ "version": 3, "deployment": { "resources": [' },
    expect: nonzero(/s\.json:1:\d+/),
  },
  {
    id: "export empty",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": "" },
    expect: nonzero(/s\.json:1:1/),
  },
  // Go's encoding/json, which `pulumi stack import` reads with, rejects a byte-order mark too.
  {
    id: "export with a BOM",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": `\ufeff${exportWith("")}` },
    expect: nonzero(/s\.json:1:1: .*U\+FEFF/),
  },
  {
    id: "export version 2",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": '{ "version": 2, "deployment": {} }' },
    expect: nonzero(/'version' is 2/),
  },
  {
    id: "export without deployment",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": '{ "version": 3 }' },
    expect: nonzero(/missing 'deployment'/),
  },
  {
    id: "export resources not a list",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": '{ "version": 3, "deployment": { "resources": {} } }' },
    expect: nonzero(/must be a list/),
  },
  {
    id: "export resource not an object",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": exportWith("7") },
    expect: nonzero(/resources\[0\]: expected an object/),
  },
  {
    id: "export resource without urn",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": exportWith('{ "type": "aws:sns/topic:Topic" }') },
    expect: nonzero(/resources\[0\]: missing 'urn'/),
  },
  {
    id: "export urn and type disagree",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: {
      "s.json": exportWith('{ "urn": "urn:pulumi:p::x::aws:sns/topic:Topic::t", "type": "aws:s3/bucket:Bucket" }'),
    },
    expect: nonzero(/does not end in type/),
  },
  {
    id: "export bad secret plaintext",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: {
      "s.json": exportWith(
        '{ "urn": "urn:pulumi:p::x::aws:sns/topic:Topic::t", "type": "aws:sns/topic:Topic", "outputs": { "name": { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "plaintext": "{not json" } } }',
      ),
    },
    expect: nonzero(/plaintext is not valid JSON/),
  },
  {
    id: "export provider names nothing",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: {
      "s.json": exportWith(
        '{ "urn": "urn:pulumi:p::x::aws:sns/topic:Topic::t", "type": "aws:sns/topic:Topic", "provider": "urn:pulumi:p::x::pulumi:providers:aws::default::id" }',
      ),
    },
    expect: nonzero(/names no resource/),
  },
  {
    id: "export parent not a string",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: {
      "s.json": exportWith(
        '{ "urn": "urn:pulumi:p::x::aws:sns/topic:Topic::t", "type": "aws:sns/topic:Topic", "parent": 5 }',
      ),
    },
    expect: nonzero(/parent: expected a URN/),
  },
  {
    id: "export outputs a list",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: {
      "s.json": exportWith(
        '{ "urn": "urn:pulumi:p::x::aws:sns/topic:Topic::t", "type": "aws:sns/topic:Topic", "outputs": [] }',
      ),
    },
    expect: nonzero(/outputs: expected an object/),
  },
  {
    id: "export urn not a urn",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json"],
    files: { "s.json": exportWith('{ "urn": "topic", "type": "aws:sns/topic:Topic" }') },
    expect: nonzero(/resources\[0\]/),
  },
  {
    id: "export file missing",
    entry: "start",
    args: ["--stack-export", "{dir}/none.json"],
    expect: usage(/cannot read the stack export/),
  },
  {
    id: "export is a directory",
    entry: "start",
    args: ["--stack-export", "{dir}"],
    expect: usage(/cannot read the stack export/),
  },
];

const configFiles: InputCase[] = [
  {
    id: "config not JSON",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/c.json"],
    files: { "s.json": exportWith(""), "c.json": '{ "all": "mandatory", }' },
    expect: nonzero(/c\.json:1:\d+/),
  },
  {
    id: "config empty object key twice",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/c.json"],
    files: { "s.json": exportWith(""), "c.json": '{ "all": "advisory",\n  "all": "mandatory" }' },
    expect: nonzero(/c\.json:2:\d+/),
  },
  {
    id: "config a list",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/c.json"],
    files: { "s.json": exportWith(""), "c.json": '["all"]' },
    expect: nonzero(/c\.json/),
  },
  {
    id: "config file missing",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/none.json"],
    files: { "s.json": exportWith("") },
    expect: nonzero(/none\.json/),
  },
  {
    id: "config is a directory",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}"],
    files: { "s.json": exportWith("") },
    expect: nonzero(),
  },
  {
    id: "config unknown policy",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/c.json"],
    slow: true,
    files: { "s.json": exportWith(""), "c.json": '{ "no-such-policy": "mandatory" }' },
    expect: nonzero(/no-such-policy/),
  },
  {
    id: "config bad level",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/c.json"],
    slow: true,
    files: { "s.json": exportWith(""), "c.json": '{ "all": "fatal" }' },
    expect: nonzero(/fatal/),
  },
  {
    id: "config wrong type",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/c.json"],
    slow: true,
    files: {
      "s.json": exportWith(""),
      "c.json": '{ "cloudtrail-changes-alarm": { "maxPeriodSeconds": "five minutes" } }',
    },
    expect: nonzero(/maxPeriodSeconds/),
  },
  {
    id: "config deep nesting",
    entry: "start",
    args: ["--stack-export", "{dir}/s.json", "--policy-pack-config", "{dir}/c.json"],
    files: { "s.json": exportWith(""), "c.json": `${"[".repeat(100000)}${"]".repeat(100000)}` },
    expect: nonzero(/c\.json/),
  },
];

const testMetricFilter: InputCase[] = [
  { id: "tmf no arguments", entry: "test-metric-filter", args: [], expect: usage(/--filter-pattern/) },
  {
    id: "tmf unknown argument",
    entry: "test-metric-filter",
    args: ["--filter-pattern", "x", "--log-event-messages", "m", "--bogus"],
    expect: usage(/unknown argument: --bogus/),
  },
  {
    id: "tmf pattern without value",
    entry: "test-metric-filter",
    args: ["--filter-pattern"],
    expect: usage(/needs a value/),
  },
  {
    id: "tmf messages without value",
    entry: "test-metric-filter",
    args: ["--filter-pattern", "x", "--log-event-messages"],
    expect: usage(/at least one message/),
  },
  {
    id: "tmf pattern twice",
    entry: "test-metric-filter",
    args: ["--filter-pattern", "x", "--filter-pattern", "y", "--log-event-messages", "m"],
    expect: usage(/given twice/),
  },
  {
    id: "tmf invalid pattern",
    entry: "test-metric-filter",
    args: ["--filter-pattern", "{ $.eventName = 'StopLogging' }", "--log-event-messages", "m"],
    expect: { exit: 254, says: /^Invalid metric filter pattern at column 17: / },
  },
  {
    id: "tmf pattern over 1024",
    entry: "test-metric-filter",
    args: ["--filter-pattern", `{ $.a = "${"x".repeat(1100)}" }`, "--log-event-messages", "m"],
    expect: { exit: 254, says: /column 1025/ },
  },
  {
    id: "tmf control character in pattern",
    entry: "test-metric-filter",
    args: ["--filter-pattern", "{ $.a = \u0001x }", "--log-event-messages", "m"],
    expect: { exit: 0 },
  },
  {
    id: "tmf 51 messages",
    entry: "test-metric-filter",
    args: ["--filter-pattern", canonical, "--log-event-messages", ...Array.from({ length: 51 }, (_, k) => `m${k}`)],
    expect: { exit: 254, says: /less than or equal to 50/ },
  },
  {
    id: "tmf empty message",
    entry: "test-metric-filter",
    args: ["--filter-pattern", canonical, "--log-event-messages", ""],
    expect: { exit: 254, says: /greater than or equal to 1/ },
  },
  {
    id: "tmf deep JSON message",
    entry: "test-metric-filter",
    args: ["--filter-pattern", "{ $.a.b = 1 }", "--log-event-messages", `${"[".repeat(50000)}${"]".repeat(50000)}`],
    expect: { exit: 0 },
  },
  {
    id: "tmf deep pattern",
    entry: "test-metric-filter",
    args: ["--filter-pattern", `{${"(".repeat(500)}$.a=1${")".repeat(500)}}`, "--log-event-messages", '{"a":1}'],
    expect: { exit: 0 },
  },
];

const bench: InputCase[] = [
  { id: "bench unknown option", entry: "bench", args: ["--bogus"], expect: usage(/Unknown option '--bogus'/) },
  { id: "bench sizes zero", entry: "bench", args: ["--sizes", "0"], expect: usage(/--sizes: item 1/) },
  { id: "bench sizes words", entry: "bench", args: ["--sizes", "many"], expect: usage(/--sizes/) },
  { id: "bench runs negative", entry: "bench", args: ["--runs", "-1"], expect: usage(/--runs/) },
  {
    id: "bench runs fraction",
    entry: "bench",
    args: ["--runs", "1.5"],
    expect: usage(/--runs: expected a positive integer/),
  },
  {
    id: "bench unknown section",
    entry: "bench",
    args: ["--sections", "startup,bogus"],
    expect: usage(/unknown section 'bogus'/),
  },
  { id: "bench empty out", entry: "bench", args: ["--out="], expect: usage(/--out: expected a file name/) },
  { id: "bench positional", entry: "bench", args: ["extra"], expect: usage(/Unexpected argument 'extra'/) },
  {
    id: "bench option twice",
    entry: "bench",
    args: ["--runs", "1", "--runs", "2"],
    expect: usage(/--runs was given more than once/),
  },
];

const start: InputCase[] = [
  { id: "start unknown option", entry: "start", args: ["--bogus"], expect: usage(/Unknown option '--bogus'/) },
  {
    id: "start stack-export without value",
    entry: "start",
    args: ["--stack-export"],
    expect: usage(/argument missing/),
  },
  { id: "start two directories", entry: "start", args: ["a", "b"], expect: usage(/expected one program directory/) },
  {
    id: "start config without =",
    entry: "start",
    args: ["{dir}", "--config", "novalue"],
    program: true,
    files: { "index.ts": topic },
    expect: usage(/--config expects key=value/),
  },
  {
    id: "start timeout not a number",
    entry: "start",
    args: ["{dir}", "--timeout", "soon"],
    program: true,
    files: { "index.ts": topic },
    expect: usage(/--timeout expects a number/),
  },
  {
    id: "start stack with stack-export",
    entry: "start",
    args: ["--stack-export", "x.json", "--stack", "prod"],
    expect: usage(/apply to programs/),
  },
];

const fuzz: InputCase[] = [
  { id: "fuzz seed not a number", entry: "fuzz", args: ["--seed", "abc"], expect: usage(/--seed/) },
  { id: "fuzz count negative", entry: "fuzz", args: ["--patterns", "-5"], expect: usage(/--patterns/) },
  {
    id: "fuzz unknown section",
    entry: "fuzz",
    args: ["--sections", "patterns,bogus"],
    expect: usage(/unknown section 'bogus'/),
  },
  { id: "fuzz zero budget", entry: "fuzz", args: ["--time-budget", "0"], expect: usage(/--time-budget/) },
  { id: "fuzz unknown option", entry: "fuzz", args: ["--bogus"], expect: usage(/Unknown option '--bogus'/) },
];

/** Every case, in a fixed order. */
export const inputCases: readonly InputCase[] = [
  ...programs,
  ...projects,
  ...stackExports,
  ...configFiles,
  ...testMetricFilter,
  ...bench,
  ...start,
  ...fuzz,
];
