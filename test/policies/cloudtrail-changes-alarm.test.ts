import { definition } from "../../policies/cloudtrail-changes-alarm";
import { describePolicyCases } from "../helpers/policy-tester";
import { alarmCases } from "./cases/alarm.cases";

describePolicyCases(definition, alarmCases);
