/**
 * `<id>-monitored`: one stack policy per CIS monitoring control other than CloudTrail changes (which has its four
 * policies, one per link), made from the control's data. Each checks the control's whole chain: a trail records
 * its events, every CloudTrail log group has a metric filter that counts them (and no routine record), an alarm
 * on that metric fires on a single one within five minutes (CIS: Sum over 300 s, >= 1), and that alarm notifies
 * a subscribed SNS topic. The findings are the same as the four policies', attributed to the resource to fix.
 * Disabled by default: the pack's behaviour and cost stay those of the one control unless a config enables them
 * (`config/cis-monitoring.json` enables all fifteen).
 */
import { controlNotApplicable } from "../lib/checks/applicability";
import { checkAlarms } from "../lib/checks/alarm";
import { checkMetricFilters } from "../lib/checks/metric-filter";
import { checkNotifications } from "../lib/checks/notification";
import { checkTrailRecording } from "../lib/checks/trail-delivery";
import { targetEventNames } from "../lib/controls/target";
import type { ControlDefinition } from "../lib/controls/types";
import { defaultAlarmCriteria } from "../lib/monitoring/alarm-criteria";
import { subscriptionProtocols } from "../lib/monitoring/notified";
import { toStackPolicy, type PolicyDefinition, type PolicyEnvironment } from "./common";

const configProperties = {
  logGroupNames: {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [] as readonly string[],
    description:
      "Names of CloudWatch Logs log groups that receive CloudTrail events from a trail outside this stack. Each must " +
      "have a metric filter for this control.",
  },
  allowedProtocols: {
    type: "array",
    items: { type: "string", enum: subscriptionProtocols },
    default: [] as readonly string[],
    description: 'Subscription protocols that count (e.g. ["email", "https"]); empty means any.',
  },
} as const;

/** "Ensure usage of 'root' account is monitored" -> "Usage of 'root' account is monitored". */
function displayNameOf(control: ControlDefinition): string {
  const title = control.title.replace(/^Ensure /, "");
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The policy name of a control: `<id>-monitored`. */
export function monitoredPolicyName(control: ControlDefinition): string {
  return `${control.id}-monitored`;
}

/** The definition of a control's chain policy. */
export function monitoredDefinition(control: ControlDefinition): PolicyDefinition<typeof configProperties> {
  const events = targetEventNames(control.target).join(", ");
  return {
    name: monitoredPolicyName(control),
    displayName: displayNameOf(control),
    description:
      `A CloudWatch alarm must fire on ${control.name} (${events}): a trail records them, a metric filter on its ` +
      "log group counts them, an alarm on that metric fires on a single one within five minutes, and it notifies an " +
      "SNS topic with a subscriber.",
    remediationSteps:
      `Add an \`aws.cloudwatch.LogMetricFilter\` on the trail's log group with the CIS pattern for ${control.name}, ` +
      `a metric alarm on its metric (Sum, period 300, threshold 1, GreaterThanOrEqualToThreshold, one evaluation period), ` +
      "and an SNS topic with a subscription in the alarm's `alarmActions`. Try a pattern offline with " +
      `\`npm run test-metric-filter\`. This is CIS AWS Foundations ${control.references.cisV14ToV5} (v6 and v7: ` +
      `${control.references.cisV6ToV7})${control.references.securityHub === undefined ? "" : ` / Security Hub ${control.references.securityHub}`}.`,
    tags: [control.id],
    enforcementLevel: "disabled",
    configProperties,
    check: (model, config, { control: checked, profile, now }) => [
      ...checkTrailRecording(model, checked, profile),
      ...checkMetricFilters(model, { logGroupNames: config.logGroupNames }, checked, profile),
      ...checkAlarms(model, defaultAlarmCriteria(checked), checked),
      ...checkNotifications(model, {
        criteria: { allowedProtocols: config.allowedProtocols },
        control: checked,
        profile,
        now,
      }),
    ],
    notApplicable: (model, config, { control: checked }) => controlNotApplicable(model, config.logGroupNames, checked),
  };
}

/** The control's chain policy, reading the stack region from `environment`. */
export function createMonitoredPolicy(control: ControlDefinition, environment?: PolicyEnvironment) {
  return toStackPolicy(monitoredDefinition(control), environment, control);
}
