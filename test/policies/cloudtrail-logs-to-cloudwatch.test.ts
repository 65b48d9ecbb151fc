import { definition } from "../../policies/cloudtrail-logs-to-cloudwatch";
import { combineCases, describePolicyCases } from "../helpers/policy-tester";
import { logsToCloudWatchCases } from "./cases/logs-to-cloudwatch.cases";
import { logsApplicabilityCases } from "./cases/applicability.cases";
import { auditTrailCases } from "./cases/audit-trail.cases";

describePolicyCases(definition, combineCases(logsToCloudWatchCases, auditTrailCases, logsApplicabilityCases));
