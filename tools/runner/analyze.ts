/**
 * Sends a stack to the compiled pack over real gRPC, as the engine does after step generation: start the pack
 * (Handshake + ConfigureStack), GetAnalyzerInfo, reconcile and send `--policy-pack-config` (Configure), then one
 * AnalyzeStack. A started pack can be reused for several stacks.
 */
import {
  EngineDiagnostic,
  EngineResource,
  PackProcess,
  PolicyPackConfigFile,
  PolicyPackInfo,
  startPack,
} from "../engine";

/** A pack started for analysing one or more stacks. */
export interface PackSession {
  readonly pack: PackProcess;
  readonly info: PolicyPackInfo;
}

/** What the pack said about one stack. */
export interface StackAnalysis {
  readonly pack: { name: string; version: string };
  readonly diagnostics: EngineDiagnostic[];
  readonly notApplicable: { policyName: string; reason: string }[];
  readonly resourceCount: number;
}

/** Where the stack comes from, for ConfigureStack and PULUMI_CONFIG. */
export interface StackIdentity {
  readonly project: string;
  readonly stack: string;
  readonly organization?: string;
  readonly config: Record<string, string>;
  readonly dryRun: boolean;
}

/** Starts the pack in `packDir` (entry `.` → package.json `main`) for the given stack. */
export async function startPackSession(packDir: string, identity: StackIdentity): Promise<PackSession> {
  const pack = await startPack({
    packDir,
    entry: ".",
    project: identity.project,
    stack: identity.stack,
    organization: identity.organization ?? "organization",
    dryRun: identity.dryRun,
    stackConfig: identity.config,
  });
  try {
    return { pack, info: await pack.getAnalyzerInfo() };
  } catch (err) {
    await pack.close();
    throw err;
  }
}

/** The last analysis queued on each session: a pack keeps the last Configure, so analyses on one pack take turns. */
const lastOnSession = new WeakMap<PackSession, Promise<unknown>>();

/**
 * Configures the pack (throws `PolicyConfigError` on a config that fails the schemas) and analyses the stack.
 * Calls on a shared session run one after the other, so that no other stack's Configure comes in between.
 */
export function analyzeStack(
  session: PackSession,
  resources: EngineResource[],
  config: PolicyPackConfigFile | undefined,
): Promise<StackAnalysis> {
  const turn = (lastOnSession.get(session) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async (): Promise<StackAnalysis> => {
      await session.pack.configure(config);
      const { diagnostics, notApplicable } = await session.pack.analyzeStack(resources);
      return {
        pack: { name: session.info.name, version: session.info.version },
        diagnostics,
        notApplicable,
        resourceCount: resources.length,
      };
    });
  lastOnSession.set(session, turn);
  return turn;
}
