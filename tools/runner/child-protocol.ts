/**
 * What the parent (`tools/runner/program.ts`) and the child that runs a Pulumi program
 * (`tools/runner/child.ts`) exchange. The child gets a {@link ChildSpec} in an environment variable and answers
 * with exactly one {@link ChildMessage} over the IPC channel.
 */

/** The environment variable that carries the JSON-encoded {@link ChildSpec}. */
export const childSpecEnvVar = "POLICY_RUNNER_CHILD_SPEC";

/** What the child needs to run one program as a first `pulumi preview` would. */
export interface ChildSpec {
  /** Absolute program directory (the one holding Pulumi.yaml); the child's working directory. */
  readonly programDir: string;
  /** Absolute path of the file or directory to `require` (Pulumi.yaml `main` or the program directory). */
  readonly entry: string;
  /** This project's root: where `@pulumi/*` and `typescript` resolve from when the program has no node_modules. */
  readonly toolRoot: string;
  readonly project: string;
  readonly stack: string;
  readonly organization: string;
  /** Stack config as the engine passes it in PULUMI_CONFIG (`ns:key` → string); secure values are unknown. */
  readonly config: Record<string, string>;
  /** The keys of `config` that are secrets (PULUMI_CONFIG_SECRET_KEYS). */
  readonly secretKeys: readonly string[];
}

/** Resource options the engine forwards to the pack (AnalyzerResourceOptions). */
export interface RegistrationOptions {
  protect?: boolean;
  ignoreChanges?: string[];
  deleteBeforeReplace?: boolean;
  aliases?: string[];
  additionalSecretOutputs?: string[];
  customTimeouts?: { create?: string; update?: string; delete?: string };
}

/**
 * One resource as the resource monitor saw it registered, in registration order. Property values are in the
 * engine's wire form: unknowns are sentinel strings, secrets are secret signature objects.
 */
export interface Registration {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent?: string;
  /** The provider reference `urn::id` the resource uses (explicit or the default provider). */
  readonly provider?: string;
  readonly dependencies: string[];
  readonly propertyDependencies: Record<string, string[]>;
  readonly inputs: Record<string, unknown>;
  /** What a preview engine holds as the resource's outputs: inputs, auto-names, region, unknown computed values. */
  outputs: Record<string, unknown>;
  readonly options: RegistrationOptions;
  /** True for a read (`Resource.get`) rather than a registration. */
  readonly read?: boolean;
}

/** Where in the user's program something happened. */
export interface ProgramLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The child's one answer. */
export type ChildMessage =
  | { kind: "result"; registrations: Registration[]; notes: string[] }
  | { kind: "error"; message: string; location?: ProgramLocation; registrations: Registration[] };
