/**
 * Every message template of the pack, by id: the catalogue findings are rendered from. Ids are unique across the
 * pack (a test checks), so a finding's id alone names its words.
 */
import { alarmMessages } from "../lib/checks/alarm";
import { metricFilterMessages } from "../lib/checks/metric-filter";
import { notificationMessages } from "../lib/checks/notification";
import { trailDeliveryMessages } from "../lib/checks/trail-delivery";
import { commonMessages } from "../lib/findings/common-messages";
import type { MessageCatalogue } from "../lib/findings/render";
import { alarmCriteriaMessages, alarmSeriesMessages } from "../lib/monitoring/alarm-criteria";
import { auditTrailMessages } from "../lib/monitoring/audit-trail";
import { compositeMessages } from "../lib/monitoring/composites";
import { filterMessages } from "../lib/monitoring/filters";
import { muteMessages } from "../lib/monitoring/mutes";
import { notifiedMessages } from "../lib/monitoring/notified";
import { topicEncryptionMessages } from "../lib/monitoring/topic-encryption";
import { chainMessages } from "../lib/stack/chain";

/** What the policy wrapper itself reports. */
export const policyMessages = {
  invalidConfig: 'Invalid configuration for policy "{{policy}}":\n{{problems}}\nFix the policy pack config file.',
  configProblem: "  - {{problem}}",
  internalError: 'Internal error in policy "{{policy}}": {{detail}}. Please report it.',
} as const;

/** The catalogues the pack's messages come from, by the module that owns them. */
export const messageSources: Readonly<Record<string, MessageCatalogue>> = {
  common: commonMessages,
  chain: chainMessages,
  alarmCriteria: alarmCriteriaMessages,
  alarmSeries: alarmSeriesMessages,
  notified: notifiedMessages,
  topicEncryption: topicEncryptionMessages,
  mutes: muteMessages,
  composites: compositeMessages,
  filters: filterMessages,
  auditTrail: auditTrailMessages,
  trailDelivery: trailDeliveryMessages,
  metricFilter: metricFilterMessages,
  alarm: alarmMessages,
  notification: notificationMessages,
  policy: policyMessages,
};

/** Every template by id. */
export const messageCatalogue: MessageCatalogue = Object.assign(
  {},
  ...Object.values(messageSources),
) as MessageCatalogue;
