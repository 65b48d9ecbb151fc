import { definition } from "../../policies/cloudtrail-changes-metric-filter";
import { describePolicyCases } from "../helpers/policy-tester";
import { metricFilterCases } from "./cases/metric-filter.cases";

describePolicyCases(definition, metricFilterCases);
