// The pack's entry point, loaded by the engine (compiled to bin/index.js). It builds the PolicyPack and nothing
// else: never import it from tests (the PolicyPack constructor starts a gRPC server).
import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./policies";

new PolicyPack(packName, { policies, enforcementLevel: "mandatory" });
