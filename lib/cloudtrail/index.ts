/** CloudTrail records: call shapes, callers, record families of the controls' target sets, negative controls. */
export { buildEventFamily, buildNegativeControls } from "./family";
export type { EventFamilyOptions, TrailCallFamily } from "./family";
export type { CallerChosenText, EventFamily, FamilyRecord, Membership, NegativeControl } from "./family-types";
export { deterministicUuid, EVENT_VERSIONS, REGIONS } from "./records";
export { CALLER_IDENTITIES, cliUserAgent } from "./identities";
export type { CallerIdentity, CallContext, CallerParts } from "./identities";
export { getAtPath, isJsonObject, orderedObject, setAtPath, stringLeaves } from "./json";
export type { JsonObject, JsonValue } from "./json";
export {
  CALLER_CHOSEN_TEXT,
  dottedPathOf,
  fieldSpecOf,
  INVARIANT_PATHS,
  isInvariantPath,
  rewriteStrings,
  rewriteVaryingStrings,
} from "./fields";
export type { FieldSpec, FieldType } from "./fields";
export {
  aspectsOfPath,
  complementNamesCallers,
  complementOfKind,
  KIND_ASPECTS,
  pluralCaller,
  shortKindList,
} from "./kinds";
export type { KindAspect } from "./kinds";
