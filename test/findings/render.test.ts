/**
 * The renderer's contract (lib/findings/render.ts): templates name data as `{{key}}` or `{{key|lowerFirst}}`;
 * lists print with their separators; secrets print as `[secret]` or the value's own words; nothing a template names
 * but the data lacks is ever invented, and rendering never throws. Templates here are made up for the test.
 */
import { finding, holdsSecret, list, message, quoted, stackText, words } from "../../lib/findings/message";
import {
  renderDatum,
  renderFinding,
  renderMessage,
  templateKeys,
  type MessageCatalogue,
} from "../../lib/findings/render";

const catalogue: MessageCatalogue = {
  sentence: "{{subject}} has {{count}} {{what}}.",
  mid: "Fix {{subject|lowerFirst}} now",
  named: '{{kind}} "{{name}}"',
  wrapped: "({{inner}})",
  empty: "nothing to fill",
};

describe("renderMessage", () => {
  it("fills strings and numbers", () => {
    expect(renderMessage("sentence", { subject: "The trail", count: 2, what: "problems" }, catalogue)).toBe(
      "The trail has 2 problems.",
    );
  });

  it("renders nested messages with their own templates, at any depth", () => {
    const inner = message("named", { kind: "Trail", name: "main" });
    expect(renderMessage("wrapped", { inner: message("wrapped", { inner }) }, catalogue)).toBe('((Trail "main"))');
  });

  it("leaves a key the data lacks as {{key}} (lowerFirst too), so catalogue tests can see it", () => {
    expect(renderMessage("sentence", { subject: "It", count: 1 }, catalogue)).toBe("It has 1 {{what}}.");
    expect(renderMessage("mid", {}, catalogue)).toBe("Fix {{subject|lowerFirst}} now");
  });

  it("does not take inherited properties for data", () => {
    expect(renderMessage("wrapped", {}, { wrapped: "{{constructor}} {{toString}}" })).toBe(
      "{{constructor}} {{toString}}",
    );
  });

  it("names an id missing from the catalogue instead of throwing (inherited names included)", () => {
    expect(renderMessage("nope", {}, catalogue)).toBe("[message nope]");
    expect(renderMessage("toString", {}, catalogue)).toBe("[message toString]");
  });

  it("prints values as they are: no template syntax or replacement patterns inside a value", () => {
    // `$&` and `$1` mean something to String.prototype.replace with a replacement string; filter patterns hold `$`.
    const value = "{ $.eventName = $& $1 $$ {{count}} }";
    expect(renderMessage("sentence", { subject: value, count: 1, what: "x" }, catalogue)).toBe(`${value} has 1 x.`);
  });

  it("lowerFirst lower-cases only the first letter of the rendered value", () => {
    expect(renderMessage("mid", { subject: message("named", { kind: "Log group", name: "Audit" }) }, catalogue)).toBe(
      'Fix log group "Audit" now',
    );
    expect(renderMessage("mid", { subject: "" }, catalogue)).toBe("Fix  now");
  });

  it("renders a finding by its message id", () => {
    expect(renderFinding(finding("named", { kind: "Alarm", name: "a" }, "urn:x"), catalogue)).toBe('Alarm "a"');
  });
});

describe("lists", () => {
  it("join with their separator", () => {
    expect(renderDatum(list(["a", "b", "c"]), catalogue)).toBe("a, b, c");
    expect(renderDatum(list(["a", "b"], "; "), catalogue)).toBe("a; b");
    expect(renderDatum(list([], "; "), catalogue)).toBe("");
    expect(renderDatum(list(["x", message("empty")], "\n"), catalogue)).toBe("x\nnothing to fill");
  });

  it("as words put lastSeparator before the last item only", () => {
    expect(renderDatum(words([]), catalogue)).toBe("");
    expect(renderDatum(words(["a"]), catalogue)).toBe("a");
    expect(renderDatum(words(["a", "b"]), catalogue)).toBe("a and b");
    expect(renderDatum(words(["a", "b", "c"]), catalogue)).toBe("a, b and c");
  });

  it("render their items: numbers, stack values, messages, lists", () => {
    const items = [1, stackText("s"), message("named", { kind: "k", name: "n" }), list(["x", "y"], "+")];
    expect(renderDatum(list(items, " | "), catalogue)).toBe('1 | s | k "n" | x+y');
  });
});

describe("stack values and secrets", () => {
  it("print their text; quoted values print as JSON strings", () => {
    expect(renderDatum(stackText("trail-logs"), catalogue)).toBe("trail-logs");
    expect(renderDatum(quoted('say "hi"'), catalogue)).toBe('"say \\"hi\\""');
  });

  it("a secret prints as [secret], never its text", () => {
    expect(renderDatum(stackText("hunter2", true), catalogue)).toBe("[secret]");
    expect(renderDatum(quoted("hunter2", true), catalogue)).toBe("[secret]");
  });

  it("a secret prints its own whenSecret words when it has them; a non-secret ignores them", () => {
    expect(renderDatum(stackText("misses X because of clause Y", true, "misses X (clause not shown)"), catalogue)).toBe(
      "misses X (clause not shown)",
    );
    expect(renderDatum(stackText("shown", false, "hidden"), catalogue)).toBe("shown");
  });

  it("a secret stays hidden inside lists and nested messages", () => {
    const secret = stackText("hunter2", true);
    const text = renderMessage("wrapped", { inner: message("named", { kind: "Topic", name: secret }) }, catalogue);
    expect(text).toBe('(Topic "[secret]")');
    expect(renderDatum(words(["a", secret]), catalogue)).toBe("a and [secret]");
  });

  it("holdsSecret finds a secret at any depth, and only a secret", () => {
    const secret = stackText("hunter2", true);
    expect(holdsSecret(secret)).toBe(true);
    expect(holdsSecret(list(["a", message("wrapped", { inner: list([secret]) })]))).toBe(true);
    expect(holdsSecret(list(["a", 1, stackText("plain"), message("named", { kind: "k", name: "n" })]))).toBe(false);
  });

  it("a stack value carries its own words for a secret only when given some", () => {
    expect(stackText("main", true)).toStrictEqual({ kind: "stack", text: "main", secret: true });
    expect(stackText("main", true, "the trail's name")).toStrictEqual({
      kind: "stack",
      text: "main",
      secret: true,
      whenSecret: "the trail's name",
    });
  });

  it("holdsSecret: one secret datum among plain ones is enough, and plain words and numbers are never secret", () => {
    expect(holdsSecret(message("named", { kind: "Trail", name: stackText("hunter2", true) }))).toBe(true);
    expect(holdsSecret(list([stackText("plain"), stackText("hunter2", true)]))).toBe(true);
    expect(holdsSecret("plain words")).toBe(false);
    expect(holdsSecret(3)).toBe(false);
  });
});

describe("templateKeys", () => {
  it("lists every key a template names, with or without lowerFirst, in order", () => {
    expect(templateKeys("{{a}} and {{b|lowerFirst}}, {{a}}")).toEqual(["a", "b", "a"]);
    expect(templateKeys("no keys, { braces } or {single}")).toEqual([]);
  });
});
