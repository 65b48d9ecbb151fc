/**
 * The stack model's public surface. Policies read the engine's resources only through `readStackModel` and ask
 * questions of the model with the functions of `chain.ts`.
 */
export type { RawResource, ResourceAdapter } from "./adapter";
export { adapterRegistry } from "./adapter";
export { awsAdapters, awsTypes } from "./aws";
export { awsNativeAdapters, awsNativeTypes } from "./aws-native";
export { logGroupOfArn, parseArn, sameLogGroupArn, snsTopicRegion } from "./arn";
export * from "./chain";
export type * from "./model";
export {
  absent,
  booleanField,
  isUnknownSentinel,
  known,
  numberField,
  readProp,
  stringField,
  stringListField,
  stringMapField,
  unknown,
  unknownSentinels,
  valueOf,
} from "./read";
export type { Field, PlainValue } from "./read";
export {
  advancedEventSelectorsField,
  advancedSelectorSelects,
  basicSelectorRecords,
  eventSelectorsField,
  fieldSelectorAllows,
  trailRecords,
} from "./selectors";
export type { Answer, EventFacts } from "./selectors";
export { compareRegions, describeRegion, regionFromArn, resolveRegion, stackRegionFromEnvironment } from "./regions";
export {
  buildStackModel,
  defaultAdapters,
  fingerprintOf,
  readStackModel,
  snapshotResource,
  snapshotStack,
} from "./stack";
export type { EngineResource } from "./stack";
