import { definition } from "../../policies/cloudtrail-logs-to-cloudwatch";
import { describePolicyCases } from "../helpers/policy-tester";
import { logsToCloudWatchCases } from "./cases/logs-to-cloudwatch.cases";

describePolicyCases(definition, logsToCloudWatchCases);
