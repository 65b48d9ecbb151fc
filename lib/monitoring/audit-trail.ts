/**
 * The trail the CIS AWS Foundations audit procedure looks for ("Ensure CloudTrail is enabled in all regions"):
 * multi-region, logging, and recording every management event, read and write: no event selectors, or a basic
 * selector with `includeManagementEvents: true` and `readWriteType: "All"` (and no management event source left
 * out), or advanced selectors that select every management event.
 */
import { notKnownAtPreview } from "../findings/common-messages";
import { message, type Message } from "../findings/message";
import type { TrailModel } from "../stack/model";
import { allOf, trailRecords, type Answer, type EventFacts } from "../stack/selectors";

export const auditTrailMessages = {
  notMultiRegion: "it is not multi-region (`isMultiRegionTrail` is not true)",
  notLogging: "logging is off",
  notAllManagementEvents: "its event selectors do not record every management event, read and write",
  multiRegionSetting: "`isMultiRegionTrail`",
  loggingSetting: "whether logging is on",
  whichManagementEvents: "which management events its event selectors record",
} as const;

/** Management events of several services, read and write, as selectors see them. */
const probeEvents: readonly EventFacts[] = [
  "cloudtrail.amazonaws.com",
  "iam.amazonaws.com",
  "kms.amazonaws.com",
  "rdsdata.amazonaws.com",
  "s3.amazonaws.com",
  "ec2.amazonaws.com",
  "sts.amazonaws.com",
  "signin.amazonaws.com",
].flatMap((eventSource) =>
  ["true", "false"].map((readOnly) => ({
    eventCategory: "Management",
    readOnly,
    eventSource,
    eventType: "AwsApiCall",
  })),
);

/** Whether the trail's selectors record every management event (read and write, every source). */
export function recordsAllManagementEvents(trail: TrailModel): Answer {
  return allOf(probeEvents.map((event) => trailRecords(trail, event)));
}

/** Why a trail is not the audit trail: "no" gaps, or what is not known at preview. Empty: it qualifies. */
export function auditTrailGaps(trail: TrailModel): { readonly answer: Answer; readonly gaps: readonly Message[] } {
  const gaps: Message[] = [];
  const answers: Answer[] = [];
  const check = (field: { state: string; value?: boolean }, no: string, unknownWhat: string): void => {
    if (field.state === "unknown") {
      answers.push("maybe");
      gaps.push(notKnownAtPreview(message(unknownWhat)));
    } else if (!(field.state === "known" && field.value === true)) {
      answers.push("no");
      gaps.push(message(no));
    }
  };
  check(trail.multiRegion, "notMultiRegion", "multiRegionSetting");
  check(trail.loggingEnabled, "notLogging", "loggingSetting");
  const all = recordsAllManagementEvents(trail);
  answers.push(all);
  if (all === "no") gaps.push(message("notAllManagementEvents"));
  if (all === "maybe") gaps.push(notKnownAtPreview(message("whichManagementEvents")));
  return { answer: allOf(answers), gaps };
}
