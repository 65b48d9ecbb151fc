/**
 * The kinds a reason names for calls missed by a clause whose selector may reach nothing, or several values: the
 * words must hold for the calls actually missed. A condition holds when its test holds for any value its selector
 * reaches, and a comparison holds for no absent field, object or array, not even `!=` (CloudWatch Logs user guide,
 * "Filter pattern syntax", JSON log events: "You can use the JSON wildcard to select any array element or any JSON
 * object field"; "If a property selector points to an array or object, the filter pattern won't match the log
 * format"). So `$.tlsDetails.* != "TLSv1.0"` misses a call without tlsDetails, and counts a call whose tlsDetails
 * has any member other than "TLSv1.0".
 *
 * The family of the five CloudTrail calls (lib/cloudtrail): a call carries tlsDetails (a tlsVersion of "TLSv1.2" or
 * "TLSv1.3", a cipherSuite, a clientProvidedHostHeader, all strings, all beginning with "TLS" but the host header)
 * from event version 1.08 on when its caller negotiates TLS itself, and none is "TLSv1.0"; every event has calls
 * with and without it. Of the CreateTrail calls, every other trail shape carries `tagsList: [{ key: "owner", value:
 * "security" }]` and the rest carry no tagsList; the four other calls never carry one.
 */
import { FIVE, FIVE_NAMES_PARENTHESISED, missesOf } from "../helpers/coverage-verdicts";

function missed(clause: string): ReturnType<typeof missesOf> {
  return missesOf(`{ (${FIVE_NAMES_PARENTHESISED}) && ${clause} }`);
}

/** The kinds named for each of the five events, in order. */
function kindsOf(clause: string): (readonly string[])[] {
  return missed(clause).missed.map((event) => event.kinds);
}

describe("a != under a wildcard misses the calls the wildcard reaches nothing in", () => {
  // Every call with tlsDetails has a member other than "TLSv1.0" (its tlsVersion), so only calls without it are missed.
  test.each([['$.tlsDetails.* != "TLSv1.0"'], ['$.tlsDetails[*] != "TLSv1.0"']])(
    "%s misses calls without tlsDetails, not calls whose tlsDetails is TLSv1.0",
    (clause) => {
      const only = ["calls without tlsDetails"];
      expect(kindsOf(clause)).toEqual([only, only, only, only, only]);
      expect(missed(clause).reason).toBe(`misses ${FIVE} calls without tlsDetails, because of \`${clause}\``);
    },
  );

  test.each([
    ['$.tlsDetails.* != "*TLS*"', "contains"],
    ['$.tlsDetails.* != "TLS*"', "starts with"],
    ["$.tlsDetails.* != %^TLSv1\\.0$%", "matches"],
  ])("%s (%s) misses calls without tlsDetails", (clause) => {
    // The tlsVersion contains and starts with "TLS", and is not "TLSv1.0": every call with tlsDetails is counted.
    const only = ["calls without tlsDetails"];
    expect(kindsOf(clause)).toEqual([only, only, only, only, only]);
  });

  test("`= *` under a wildcard misses calls without the container it walks into", () => {
    // Every member of tlsDetails is a string, which `= *` matches: only calls without tlsDetails are missed.
    const only = ["calls without tlsDetails"];
    expect(kindsOf("$.tlsDetails.* = *")).toEqual([only, only, only, only, only]);
  });
});

describe("a != on a field some missed calls lack names them as calls without it", () => {
  test("only calls without the field are missed: `calls without`, not `whose ... is`", () => {
    // No call's tlsVersion is "TLSv1.0": every missed call lacks tlsDetails (older event versions, AWS services).
    const kinds = kindsOf('$.tlsDetails.tlsVersion != "TLSv1.0"');
    for (const event of kinds) {
      expect(event).toHaveLength(1);
      expect(event[0]).toMatch(/^calls without tlsDetails\.tlsVersion \(/);
    }
  });

  test("calls without the field and calls holding the value: both are named", () => {
    // Missed: calls without tlsDetails, and calls whose tlsVersion is "TLSv1.3".
    for (const event of kindsOf('$.tlsDetails.tlsVersion != "TLSv1.3"')) {
      expect(event).toHaveLength(1);
      expect(event[0]).toMatch(
        /^calls without tlsDetails\.tlsVersion or whose tlsDetails\.tlsVersion is "TLSv1\.3"( \(|$)/,
      );
    }
  });
});

describe("an index or a wildcard into an array some calls lack", () => {
  test.each([['$.requestParameters.tagsList[0].key != "x"'], ['$.requestParameters.tagsList[*].key != "x"']])(
    "%s misses the CreateTrail calls without a tagsList, and every other call",
    (clause) => {
      // Every tagsList's key is "owner", not "x": only CreateTrail calls without a tagsList are missed among them.
      expect(kindsOf(clause)).toEqual([
        ["calls without requestParameters.tagsList"],
        ["all calls"],
        ["all calls"],
        ["all calls"],
        ["all calls"],
      ]);
    },
  );

  test("an = on the element: the calls without the array", () => {
    // Every tagsList's first key is "owner": the CreateTrail calls missed are those without a tagsList.
    expect(kindsOf('$.requestParameters.tagsList[0].key = "owner"')[0]).toEqual([
      "calls without requestParameters.tagsList",
    ]);
  });
});

describe("an = under a wildcard names the calls none of whose members holds the value", () => {
  test("calls without tlsDetails and calls with TLSv1.2 are missed: `where no ... is`", () => {
    // `= "TLSv1.3"` holds when any member is "TLSv1.3". "whose tlsDetails.* is not ..." would also fit the counted
    // calls, whose cipherSuite is not "TLSv1.3".
    const only = ['calls where no tlsDetails.* is "TLSv1.3"'];
    expect(kindsOf('$.tlsDetails.* = "TLSv1.3"')).toEqual([only, only, only, only, only]);
  });
});

describe("NOT EXISTS under a wildcard", () => {
  test("misses the calls the wildcard reaches a member in", () => {
    const only = ["calls that have tlsDetails.*"];
    expect(kindsOf("$.tlsDetails.* NOT EXISTS")).toEqual([only, only, only, only, only]);
  });
});
