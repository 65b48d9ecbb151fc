import { definition } from "../../policies/cloudtrail-changes-alarm-sns";
import { describePolicyCases } from "../helpers/policy-tester";
import { snsCases } from "./cases/sns.cases";

describePolicyCases(definition, snsCases);
