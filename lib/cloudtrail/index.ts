/** The CloudTrail event family: realistic records of required API calls plus negative controls. */
export { buildEventFamily, buildNegativeControls, deterministicUuid, EVENT_VERSIONS, REGIONS } from "./family";
export type { EventFamily, EventFamilyOptions, FamilyRecord, NegativeControl } from "./family";
export { CALLER_IDENTITIES, cliUserAgent } from "./identities";
export type { CallerIdentity, CallContext, CallerParts } from "./identities";
export { getAtPath, isJsonObject, orderedObject, setAtPath, stringLeaves } from "./json";
export type { JsonObject, JsonValue } from "./json";
export { CALLER_CHOSEN_TEXT, fieldSpecOf, isInvariantPath, rewriteVaryingStrings } from "./fields";
export type { FieldSpec, FieldType } from "./fields";
export { aspectsOfPath, complementNamesCallers, complementOfKind, KIND_ASPECTS, pluralCaller, shortKindList } from "./kinds";
export type { KindAspect } from "./kinds";
