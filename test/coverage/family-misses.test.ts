/**
 * Which clause a missed call is put down to (lib/coverage/family-misses.ts): the clause that is false for it, however
 * many clauses an event's missed calls fail between them. Expected values follow from the CloudTrail user guide,
 * "CloudTrail userIdentity element" (the family's callers by userIdentity.type: Root, IAMUser, AssumedRole,
 * AWSService, Role, FederatedUser, Directory, AWSAccount, Unknown) and the filter pattern syntax (CloudWatch Logs user
 * guide, "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live Tail": `!=`
 * holds for any other value; `&&` needs every condition).
 */
import { iamPolicyChanges } from "../../lib/controls/iam-policy-changes";
import { CALLER_KINDS, FIVE, FIVE_NAMES_PARENTHESISED, missesOf } from "../helpers/coverage-verdicts";

describe("every missed call is put down to a clause that is false for it", () => {
  const excluded = ["Root", "IAMUser", "AssumedRole", "AWSService", "Role", "FederatedUser", "Directory", "AWSAccount"];
  const pattern = `{ (${FIVE_NAMES_PARENTHESISED}) && ${excluded.map((type) => `$.userIdentity.type != ${type}`).join(" && ")} }`;

  test("eight callers excluded by eight clauses: each caller's calls are missed because of its own clause", () => {
    // Only the calls of unknown identities are counted. Each other call fails exactly one clause, the one naming its
    // caller: a federated user's call is not missed because of `$.userIdentity.type != Root`. The reason shows the
    // first three of the eight groups, in the pattern's order.
    const verdict = missesOf(pattern);
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls by the root user, because of \`$.userIdentity.type != Root\`, and calls by an IAM user, ` +
        "because of `$.userIdentity.type != IAMUser`, and calls by an assumed role, because of " +
        "`$.userIdentity.type != AssumedRole`; and 5 more",
    );
    expect(verdict.missed[0]).toEqual({
      eventName: "CreateTrail",
      // The eight excluded callers; only unknown identities (the last kind) are counted.
      kinds: CALLER_KINDS.slice(0, 8),
    });
  });
});

describe("a clause false for none of an event's missed calls is not put down for them", () => {
  // Terms of an unstructured pattern are case-sensitive substrings, every plain term must occur and a `-` term must
  // not (CloudWatch Logs user guide, "Filter pattern syntax ...": "ERROR Exception", "-ERROR"). Inside a quoted term a
  // backslash escape is undocumented, so whether `"\"Version\""` occurs in a message cannot be told.
  const pattern = 'PutGroupPolicy "\\"Version\\"" -AccessDenied';

  test("an undecided quoted term that every missed call holds as written is not blamed", () => {
    // CIS "IAM policy changes" names 16 calls. The other 15 never mention "PutGroupPolicy": all their calls are missed.
    // PutGroupPolicy's policyDocument is a JSON string (IAM API Reference, PutGroupPolicy), so its record holds it with
    // escaped quotes, `{\"Version\":...`: the quoted term's text, backslashes and all, is in every PutGroupPolicy
    // call. Its calls that fail with AccessDenied hold "AccessDenied" (errorCode) and are missed whatever the quoted
    // term means; the others are undecided, not missed. So those calls are put down to `-AccessDenied` alone.
    const verdict = missesOf(pattern, iamPolicyChanges);
    expect(verdict.reason).toBe(
      "misses all DeleteGroupPolicy, DeleteRolePolicy, DeleteUserPolicy, PutRolePolicy, PutUserPolicy, CreatePolicy, " +
        "DeletePolicy, CreatePolicyVersion, DeletePolicyVersion, AttachRolePolicy, DetachRolePolicy, AttachUserPolicy, " +
        "DetachUserPolicy, AttachGroupPolicy and DetachGroupPolicy calls: no clause matches their eventName; " +
        "misses PutGroupPolicy calls that fail with AccessDenied, because of `-AccessDenied`",
    );
    expect(verdict.missed.find((miss) => miss.eventName === "PutGroupPolicy")).toEqual({
      eventName: "PutGroupPolicy",
      kinds: ["calls that fail with AccessDenied"],
    });
  });
});

describe("calls no clause comes close for", () => {
  test("are named by example, not described by the words of a clause that is true for them", () => {
    // Every plain term must occur and a `-` term must not (CloudWatch Logs user guide, "Filter pattern syntax ...").
    // "AssumedRole" is the userIdentity type of the 20 assumed-role calls of each of the five calls' 60 (CloudTrail
    // user guide, "CloudTrail userIdentity element"); "AccessDenied" is in the errorCode of the calls failing with
    // AccessDenied or AccessDeniedException. So each call misses 50 calls: the 40 of the eight other callers, and the
    // 10 assumed-role calls that fail so. 20 of the 50, the other callers' successful calls (no errorCode) and
    // TrailAlreadyExistsException calls, mention neither term: no clause comes close for them, and they are named by
    // example as a wholly missed call is; the other 30 are put down to `-AccessDenied`. (Until 2026-12-03 the 20 went
    // to `-AccessDenied` too, whose words, "calls that mention "AccessDenied"", are false of them.)
    const createTrail = missesOf("AssumedRole -AccessDenied").missed.find((miss) => miss.eventName === "CreateTrail");
    expect(createTrail?.kinds).toEqual([
      expect.stringMatching(/^calls such as CreateTrail\/\S+ \(20 of its 60 sample calls\)$/),
      "calls that fail with AccessDenied",
      "calls that fail with AccessDeniedException",
    ]);
  });
});
