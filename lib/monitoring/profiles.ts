/**
 * Audit-parity profiles as data: each switches rules on, none is a branch spread over files.
 * - `semantic` (default): the pack's meaning-based judgement.
 * - `cis`: also what the CIS AWS Foundations audit procedure requires (a multi-region trail that logs and records
 *   every management event; the alarm itself must notify, a composite alarm does not stand in).
 * - `security-hub`: `cis`, plus the pattern must be the prescribed text itself, whitespace aside, because AWS
 *   Security Hub compares the text (its CloudWatch controls fail anything but the exact prescribed filter).
 */
export const profileNames = ["semantic", "cis", "security-hub"] as const;
export type ProfileName = (typeof profileNames)[number];

export interface Profile {
  readonly name: ProfileName;
  /** A composite alarm that notifies may stand in for a metric alarm without working actions of its own. */
  readonly compositeAlarmsNotify: boolean;
  /** At least one trail of the stack must be multi-region, logging, and record every management event. */
  readonly requireAuditTrail: boolean;
  /** A covering pattern must also be one of the control's prescribed texts (whitespace removed). */
  readonly requirePrescribedPattern: boolean;
}

export const profiles: Readonly<Record<ProfileName, Profile>> = {
  semantic: {
    name: "semantic",
    compositeAlarmsNotify: true,
    requireAuditTrail: false,
    requirePrescribedPattern: false,
  },
  cis: { name: "cis", compositeAlarmsNotify: false, requireAuditTrail: true, requirePrescribedPattern: false },
  "security-hub": {
    name: "security-hub",
    compositeAlarmsNotify: false,
    requireAuditTrail: true,
    requirePrescribedPattern: true,
  },
};

/** The `profile` setting every policy of the pack takes. */
export const profileProperty = {
  type: "string",
  enum: profileNames,
  default: "semantic",
  description:
    'Which judgement to apply: "semantic" (the default: a pattern is judged by its meaning), "cis" (also what ' +
    'the CIS AWS Foundations audit procedure requires), "security-hub" ("cis", and the pattern must be the CIS ' +
    "text itself, as AWS Security Hub compares it).",
} as const;
