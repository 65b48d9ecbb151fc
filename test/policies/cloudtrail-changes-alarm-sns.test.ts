import { definition } from "../../policies/cloudtrail-changes-alarm-sns";
import { combineCases, describePolicyCases } from "../helpers/policy-tester";
import { snsApplicabilityCases } from "./cases/applicability.cases";
import { notificationLinksCases } from "./cases/notification-links.cases";
import { notificationRoutingCases } from "./cases/notification-routing.cases";
import { snsCases } from "./cases/sns.cases";
import { topicDeliveryCases } from "./cases/topic-delivery.cases";

describePolicyCases(
  definition,
  combineCases(snsCases, topicDeliveryCases, notificationRoutingCases, notificationLinksCases, snsApplicabilityCases),
);
