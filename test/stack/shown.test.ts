/**
 * Stack values in messages keep their secrecy: a value the engine sent as a secret prints as `[secret]`. (A policy's
 * whole message with a secret alarm period: test/policies/rendering.test.ts.)
 */
import { renderDatum } from "../../lib/findings/render";
import { shownQuoted, shownValue } from "../../lib/stack/shown";

/** How the pack prints one datum (a stack value needs no template). */
const shown = (datum: Parameters<typeof renderDatum>[0]): string => renderDatum(datum, {});

describe("a known stack value in a message", () => {
  it("prints as it is (a number as JavaScript writes it), or as [secret]", () => {
    expect(shown(shownValue({ state: "known", value: 3600 }))).toBe("3600");
    expect(shown(shownValue({ state: "known", value: 3600, secret: false }))).toBe("3600");
    expect(shown(shownValue({ state: "known", value: 3600, secret: true }))).toBe("[secret]");
  });
  it("in double quotes, or as [secret] without them", () => {
    expect(shown(shownQuoted({ state: "known", value: "Average" }))).toBe('"Average"');
    expect(shown(shownQuoted({ state: "known", value: "Average", secret: true }))).toBe("[secret]");
  });
});
