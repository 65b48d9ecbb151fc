/** Amazon Resource Names, as far as this pack needs them. */

/** The parts of an ARN `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN; `undefined` when `text` is not one. */
export function parseArn(text: string): ArnParts | undefined {
  const parts = text.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition, service, region, account] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(":") };
}

/** The log group name and region in a CloudWatch Logs log group ARN (with or without `:*`). */
export function logGroupOfArn(text: string): { readonly name: string; readonly region: string } | undefined {
  const arn = parseArn(text);
  if (arn === undefined || arn.service !== "logs" || !arn.resource.startsWith("log-group:")) return undefined;
  const name = stripWildcard(arn.resource.slice("log-group:".length));
  return name === "" ? undefined : { name, region: arn.region };
}

/** A log group ARN without its `:*` suffix. */
export function stripWildcard(arn: string): string {
  return arn.endsWith(":*") ? arn.slice(0, -2) : arn;
}

/** The region of an SNS topic ARN, or `undefined` when `text` is not an SNS topic ARN. */
export function snsTopicRegion(text: string): string | undefined {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === "sns" ? arn.region : undefined;
}
