import { definition } from "../../policies/cloudtrail-changes-metric-filter";
import { combineCases, describePolicyCases } from "../helpers/policy-tester";
import { metricFilterCases } from "./cases/metric-filter.cases";
import { metricFilterApplicabilityCases } from "./cases/applicability.cases";
import { filterVisibilityCases } from "./cases/filter-visibility.cases";

describePolicyCases(definition, combineCases(metricFilterCases, filterVisibilityCases, metricFilterApplicabilityCases));
