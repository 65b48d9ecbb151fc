/**
 * One monitoring chain of a planned stack, in either provider's dialect: trail -> log group -> metric filter ->
 * alarm -> topic -> subscriptions, with the KMS key, alias or key policy that encrypts the topic, a mute rule and a
 * composite alarm when the plan asks for them. Shapes: the classic provider's state (`@pulumi/aws` v7: `region` on
 * every resource, "" / 0 / {} / [] for unset properties once deployed; key policies as JSON text) and Cloud
 * Control's (`@pulumi/aws-native`: CloudFormation names in camelCase, `[{name, value}]` dimensions, key policies as
 * objects, a log group ARN ending in `:*`, no empties).
 */
import type { ControlDefinition } from "../../lib/controls";
import { unknownSentinels } from "../../tools/engine/protocol";
import { classic, native, optional, type ChainNames, type Dialect, type Props } from "./dialects";
import { account, type ProviderRef, type StackContext } from "./stack-builder";
import type { AlarmPlan, ChainPlan } from "./stack-plan";
import { buildTopic } from "./topic-resources";
import { buildTrail } from "./trail-resources";

/** A JSON pattern with a marker clause `|| $.userAgent = "SECRET-<n>"` (it can only widen what the pattern matches). */
function markedPattern(pattern: string, mark: boolean, context: StackContext): string {
  const inner = /^\s*\{(.*)\}\s*$/s.exec(pattern)?.[1];
  return mark && inner !== undefined ? `{ (${inner.trim()}) || $.userAgent = "${context.mark()}" }` : pattern;
}

/** Builds the chain `index` of the plan into the context's resources. */
export function buildChainResources(
  context: StackContext,
  chain: ChainPlan,
  index: number,
  control: ControlDefinition,
): void {
  const dialect = chain.family === "aws" ? classic : native;
  const provider: ProviderRef =
    chain.family === "native"
      ? context.providers.native
      : chain.explicitProvider
        ? context.providers.explicit
        : context.providers.aws;
  const region = provider.region;
  const regionProp: Props = dialect.classic ? { region } : {};
  const t = dialect.types;
  const name = (what: string): string => `c${index}-${what}`;
  const on = { provider };

  const logGroupName = `trail-logs-${index}-${context.mark()}`;
  const logGroupArn = `arn:aws:logs:${region}:${account}:log-group:${logGroupName}`;
  const metricName = `${control.metric.name}-${context.mark()}`;
  const namespace = control.metric.namespace;
  const topicName = `alerts-${index}-${context.mark()}`;
  const topicArn = `arn:aws:sns:${region}:${account}:${topicName}`;
  const alarmName = `${control.alarmName} ${index} ${context.mark()}`;

  const logGroupUrn = context.add(
    t.logGroup,
    name("logs"),
    {
      [dialect.classic ? "name" : "logGroupName"]: logGroupName,
      arn: context.computed(dialect.classic ? logGroupArn : `${logGroupArn}:*`),
      retentionInDays: 365,
      ...optional(
        "logGroupClass",
        chain.logGroupClass === "absent" && !context.preview ? "STANDARD" : chain.logGroupClass,
      ),
      ...regionProp,
      ...(dialect.classic
        ? {
            tags: { Owner: context.mark() },
            ...context.deployedEmpty({ kmsKeyId: "", namePrefix: "", skipDestroy: false }),
          }
        : { tags: [{ key: "Owner", value: context.mark() }] }),
    },
    on,
  );

  if (chain.trail !== undefined)
    buildTrail(context, dialect, chain.trail, { name, on, regionProp, logGroupUrn, logGroupArn, region });

  if (chain.filter) {
    const value =
      chain.metricValue === "absent" ? {} : { [dialect.classic ? "value" : "metricValue"]: chain.metricValue };
    const transformation = dialect.classic
      ? {
          metricTransformation: {
            name: metricName,
            namespace,
            ...value,
            ...context.deployedEmpty({ defaultValue: "", unit: "", dimensions: {} }),
          },
        }
      : { metricTransformations: [{ metricName, metricNamespace: namespace, ...value }] };
    context.add(
      t.filter,
      name("filter"),
      {
        [dialect.classic ? "name" : "filterName"]: `filter-${index}-${context.mark()}`,
        logGroupName: chain.groupByName ? logGroupName : context.computed(logGroupName),
        [dialect.classic ? "pattern" : "filterPattern"]: markedPattern(chain.pattern, chain.markPattern, context),
        ...transformation,
        ...regionProp,
        ...context.deployedEmpty(dialect.classic ? { applyOnTransformedLogs: false } : {}),
      },
      { ...on, propertyDependencies: { logGroupName: [logGroupUrn] } },
    );
  }

  const topicUrn =
    chain.topic === undefined
      ? undefined
      : buildTopic(context, dialect, chain.topic, {
          name,
          on,
          regionProp,
          topicName,
          topicArn,
          index,
          strangePolicy: chain.strange?.policy,
        });
  if (chain.alarm === undefined) return;
  const alarmUrn = buildAlarm(context, dialect, chain.alarm, {
    name,
    on,
    regionProp,
    region,
    alarmName,
    metricName,
    namespace,
    topicArn,
    topicUrn,
    logGroupName,
    index,
  });
  buildMute(context, dialect, chain, { name, on, regionProp, alarmName, alarmUrn });
  if (chain.composite !== "none") {
    const other = chain.composite === "onAlarmAndOther" ? ` AND ALARM("other-${context.mark()}")` : "";
    context.add(
      t.composite,
      name("composite"),
      {
        alarmName: `composite-${index}-${context.mark()}`,
        alarmRule: chain.strange?.rule?.split("{alarm}").join(alarmName) ?? `ALARM("${alarmName}")${other}`,
        actionsEnabled: true,
        alarmActions: topicUrn === undefined ? [] : context.preview ? [unknownSentinels.string] : [topicArn],
        arn: context.computed(`arn:aws:cloudwatch:${region}:${account}:alarm:composite-${index}`),
        ...regionProp,
      },
      {
        ...on,
        propertyDependencies: { alarmRule: [alarmUrn], alarmActions: topicUrn === undefined ? [] : [topicUrn] },
      },
    );
  }
}

function alarmActions(
  context: StackContext,
  alarm: AlarmPlan,
  c: { topicArn: string; topicUrn: string | undefined; index: number; region: string },
): { value: unknown; dependencies: string[] } {
  const actions = alarm.actions === "topic" && c.topicUrn === undefined ? "external" : alarm.actions;
  switch (actions) {
    case "topic":
      if (!context.preview) return { value: [c.topicArn], dependencies: [c.topicUrn as string] };
      return {
        value: c.index % 2 === 0 ? [unknownSentinels.string] : unknownSentinels.array,
        dependencies: [c.topicUrn as string],
      };
    case "external":
      return { value: [`arn:aws:sns:${c.region}:999988887777:external-${context.mark()}`], dependencies: [] };
    case "otherRegion":
      return {
        value: [
          `arn:aws:sns:${c.region === "eu-west-1" ? "us-west-2" : "eu-west-1"}:${account}:elsewhere-${context.mark()}`,
        ],
        dependencies: [],
      };
    case "unknownList":
      return { value: unknownSentinels.array, dependencies: [] };
    case "none":
      return { value: context.preview ? undefined : [], dependencies: [] };
  }
}

function buildAlarm(
  context: StackContext,
  dialect: Dialect,
  alarm: AlarmPlan,
  c: ChainNames & {
    region: string;
    alarmName: string;
    metricName: string;
    namespace: string;
    topicArn: string;
    topicUrn: string | undefined;
    logGroupName: string;
    index: number;
  },
): string {
  const actions = alarmActions(context, alarm, c);
  const percentile = alarm.statistic.startsWith("p");
  const statistic = percentile
    ? { extendedStatistic: alarm.statistic }
    : alarm.statistic === ""
      ? {}
      : { statistic: alarm.statistic };
  const metric: Props = alarm.metricQuery
    ? dialect.classic
      ? {
          metricQueries: [
            {
              id: "m1",
              returnData: true,
              metric: {
                metricName: c.metricName,
                namespace: c.namespace,
                stat: alarm.statistic || "Sum",
                period: alarm.period,
              },
            },
          ],
        }
      : {
          metrics: [
            {
              id: "m1",
              returnData: true,
              metricStat: {
                metric: { metricName: c.metricName, namespace: c.namespace },
                stat: alarm.statistic || "Sum",
                period: alarm.period,
              },
            },
          ],
        }
    : { metricName: c.metricName, namespace: c.namespace, ...statistic, period: alarm.period };
  const dimensions = alarm.dimensions
    ? { dimensions: dialect.classic ? { LogGroup: c.logGroupName } : [{ name: "LogGroup", value: c.logGroupName }] }
    : {};
  return context.add(
    dialect.types.alarm,
    c.name("alarm"),
    {
      [dialect.classic ? "name" : "alarmName"]: c.alarmName,
      arn: context.computed(`arn:aws:cloudwatch:${c.region}:${account}:alarm:${c.alarmName}`),
      ...metric,
      ...dimensions,
      threshold: alarm.threshold,
      comparisonOperator: alarm.comparison,
      evaluationPeriods: alarm.evaluationPeriods,
      ...optional("datapointsToAlarm", alarm.datapointsToAlarm),
      ...optional("treatMissingData", alarm.treatMissingData),
      ...optional("actionsEnabled", alarm.actionsEnabled),
      ...(actions.value === undefined ? {} : { alarmActions: actions.value }),
      ...c.regionProp,
      ...(dialect.classic
        ? context.deployedEmpty({
            ...(percentile ? {} : { extendedStatistic: "" }),
            ...(alarm.datapointsToAlarm === "absent" ? { datapointsToAlarm: 0 } : {}),
            unit: "",
            thresholdMetricId: "",
            okActions: [],
            insufficientDataActions: [],
            alarmDescription: "",
            ...(alarm.metricQuery ? {} : { metricQueries: [] }),
            ...(alarm.dimensions ? {} : { dimensions: {} }),
          })
        : {}),
    },
    { ...c.on, propertyDependencies: { alarmActions: actions.dependencies } },
  );
}

const muteSchedules: Readonly<Record<Exclude<ChainPlan["mute"], "none">, { expression: string; duration: string }>> = {
  // Every minute for an hour: always muted, whenever the fuzzer runs.
  activeWindow: { expression: "cron(* * * * *)", duration: "PT1H" },
  targetsUnknown: { expression: "cron(* * * * *)", duration: "PT1H" },
  pastWindow: { expression: "at(2020-01-01T00:00)", duration: "PT1H" },
  futureWindow: { expression: "at(2099-01-01T00:00)", duration: "PT1H" },
  yearly: { expression: "cron(0 0 1 1 *)", duration: "PT1H" },
};

function buildMute(
  context: StackContext,
  dialect: Dialect,
  chain: ChainPlan,
  c: ChainNames & { alarmName: string; alarmUrn: string },
): void {
  if (chain.mute === "none") return;
  const schedule = muteSchedules[chain.mute];
  const ruleName = `mute-${context.mark()}`;
  const targets =
    chain.mute === "targetsUnknown"
      ? context.computed({ alarmNames: [c.alarmName] }, unknownSentinels.object)
      : { alarmNames: [c.alarmName] };
  context.add(
    dialect.types.mute,
    c.name("mute"),
    {
      name: ruleName,
      rule: { schedule: chain.strange?.schedule ?? schedule },
      ...(chain.strange?.dates ?? {}),
      muteTargets: targets,
      status: context.computed("SCHEDULED"),
      arn: context.computed(`arn:aws:cloudwatch:${c.on.provider.region}:${account}:alarm-mute-rule:${ruleName}`),
      ...c.regionProp,
    },
    { ...c.on, propertyDependencies: { muteTargets: [c.alarmUrn] } },
  );
}
