/**
 * The family of a control about console sign-ins: the sign-in variants of calls/signin.ts that are in the target
 * set (e.g. an IAM user's successful sign-in with MFAUsed "No"), each in every region CloudTrail records it in, in
 * several event versions and browsers; the other variants (and CheckMfa) are negative controls.
 */
import type { TargetSet } from "../../controls/types";
import { callShapeOf, CONSOLE_SIGN_IN_VARIANTS } from "../calls";
import type { ConsoleSignInVariant } from "../calls";
import { CALLER_IDENTITIES } from "../identities";
import { INVARIANT_PATHS, USER_AGENT_TEXT } from "../fields";
import type { EventFamily, FamilyRecord, NegativeControl } from "../family-types";
import { nameNegatives } from "../negatives";
import { EVENT_VERSIONS, REGIONS } from "../records";
import { familyRecord, kindsOf } from "./family-record";
import { membershipOf } from "./membership";
import { shapeRecord } from "./shape-record";
import { BROWSER_AGENTS, signInRecord, signInRegions } from "./sign-in-record";

type SignInTarget = Extract<TargetSet, { kind: "consoleSignIn" }>;

/** Record positions of negative controls: apart from the positives'. */
const NEGATIVE_INDEX = 10_000;

/** The caller kind of a sign-in's identity, in the families' vocabulary. */
export function signInCallerKind(variant: ConsoleSignInVariant): string {
  switch (variant.identityType) {
    case "IAMUser":
      return "calls by an IAM user";
    case "Root":
      return "calls by the root user";
    case "AssumedRole":
      return "calls by an assumed role";
    case "FederatedUser":
      return "calls by a federated user";
  }
}

/** `ConsoleLogin calls without MFA by IAM users`, `failed ConsoleLogin calls by the root user`. */
export function signInLabel(variant: ConsoleSignInVariant): string {
  const who = {
    IAMUser: "IAM users",
    Root: "the root user",
    AssumedRole: "assumed roles",
    FederatedUser: "federated users",
  }[variant.identityType];
  if (variant.outcome === "failure") return `failed ConsoleLogin calls by ${who}`;
  const mfa = variant.additionalEventData.MFAUsed === "No" ? " without MFA" : " with MFA";
  return `ConsoleLogin calls${mfa} by ${who}`;
}

/**
 * The records of one variant: each region it is recorded in, at least twice, rotating event versions and browsers
 * (at least as many records as event versions).
 */
export function signInRecords(variant: ConsoleSignInVariant, firstIndex: number, subject: string): FamilyRecord[] {
  const regions = signInRegions(variant);
  const count = Math.max(EVENT_VERSIONS.length, 2 * regions.length);
  return Array.from({ length: count }, (_, k) => {
    const region = regions[k % regions.length];
    const eventVersion = EVENT_VERSIONS[k % EVENT_VERSIONS.length];
    const record = signInRecord({
      index: firstIndex + k,
      variant,
      region,
      eventVersion,
      userAgent: BROWSER_AGENTS[k % BROWSER_AGENTS.length],
    });
    const kinds = kindsOf({
      errorCode: variant.outcome === "failure" ? "" : undefined,
      callerKinds: [signInCallerKind(variant)],
      clientKinds: ["console calls"],
      region,
      eventVersion,
    });
    return familyRecord([variant.key, eventVersion, region].join("/"), subject, record, kinds);
  });
}

export function buildSignInFamily(target: SignInTarget): EventFamily {
  const membership = membershipOf(target);
  const isTarget = (variant: ConsoleSignInVariant): boolean =>
    membership(
      signInRecord({ index: 0, variant, region: "us-east-1", eventVersion: "1.09", userAgent: BROWSER_AGENTS[0] }),
    ) === "target";
  const positives: FamilyRecord[] = [];
  for (const variant of CONSOLE_SIGN_IN_VARIANTS.filter(isTarget)) {
    positives.push(...signInRecords(variant, positives.length, signInLabel(variant)));
  }
  const negatives: NegativeControl[] = CONSOLE_SIGN_IN_VARIANTS.filter((variant) => !isTarget(variant)).map(
    (variant, i) => ({
      id: `sign-in/${variant.key}`,
      description: `another sign-in: ${variant.description}`,
      message: JSON.stringify(
        signInRecord({
          index: NEGATIVE_INDEX + i,
          variant,
          region: "us-east-1",
          eventVersion: "1.09",
          userAgent: BROWSER_AGENTS[0],
        }),
      ),
    }),
  );
  const checkMfa = callShapeOf("signin.amazonaws.com", "CheckMfa");
  if (checkMfa) {
    const caller = CALLER_IDENTITIES[1];
    const message = JSON.stringify(
      shapeRecord({
        index: NEGATIVE_INDEX + 50,
        shape: checkMfa,
        caller,
        outcome: { kind: "success" },
        eventVersion: "1.09",
        region: REGIONS[0],
        request: 0,
      }),
    );
    negatives.push({ id: "sign-in/CheckMfa", description: "another sign-in event: CheckMfa", message });
  }
  const base = CONSOLE_SIGN_IN_VARIANTS[0];
  const renamed = (index: number, eventSource: string, eventName: string): string =>
    JSON.stringify({
      ...signInRecord({
        index: NEGATIVE_INDEX + index,
        variant: base,
        region: "us-east-1",
        eventVersion: "1.09",
        userAgent: BROWSER_AGENTS[0],
      }),
      eventSource,
      eventName,
    });
  negatives.push(...nameNegatives("signin.amazonaws.com", "ConsoleLogin", "ConsoleLogin", renamed));
  const subjects = [...new Set(positives.map((record) => record.subject))];
  return {
    eventNames: ["ConsoleLogin"],
    subjects,
    subjectStyle: "label",
    namedByEvent: true,
    notes: {},
    positives,
    negatives,
    membership,
    invariantPaths: INVARIANT_PATHS,
    keptPaths: new Set([
      ...INVARIANT_PATHS,
      "userIdentity.type",
      "responseElements.ConsoleLogin",
      "additionalEventData.MFAUsed",
      "errorMessage",
    ]),
    callerChosenText: [USER_AGENT_TEXT],
  };
}
