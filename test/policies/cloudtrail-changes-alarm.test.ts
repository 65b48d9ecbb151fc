import { definition } from "../../policies/cloudtrail-changes-alarm";
import { combineCases, describePolicyCases } from "../helpers/policy-tester";
import { alarmCriteriaCases } from "./cases/alarm-criteria.cases";
import { alarmCases } from "./cases/alarm.cases";
import { alarmApplicabilityCases } from "./cases/applicability.cases";
import { metricSeriesCases } from "./cases/metric-series.cases";

describePolicyCases(
  definition,
  combineCases(alarmCases, alarmCriteriaCases, metricSeriesCases, alarmApplicabilityCases),
);
