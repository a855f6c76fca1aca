import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { ds2019ReceivedLateRisks } from "./ds2019-received-late.ts";
import { h1bApprovalReceivedLateRisks } from "./h1b-approval-received-late.ts";
import { h1bPetitionFiledLateRisks } from "./h1b-petition-filed-late.ts";
import { withH1bPetitionLastDay } from "./h1b-petition-last-day.ts";
import { withH1bPetitionPastVisaDate } from "./h1b-petition-past-visa-date.ts";
import { withJ1CertificateLate } from "./j1-certificate-late.ts";
import { withStatusLastDayPassed } from "./status-last-day-passed.ts";
import { interviewAfterVisaDateRisks } from "./visa-interview-warning.ts";
import { visaIssuedLateRisks } from "./visa-issued-late.ts";
import { visaStartRisks } from "./visa-start-risk.ts";

/**
 * The visa chain's risks after the Match: the steps behind (visaStartRisks), then each route's
 * verdict that the visa's own date can no longer be met, in place of "your visa's own date still
 * holds": the J-1's (the certificate, the sponsorship file's last day, the start out of reach) and
 * the H-1B's (the unfiled petition's last filing day, or past it; a few days past our filing day,
 * its warning, H1B_PETITION_PAST_VISA_DATE; on a change of status, its last day passed); then a DS-2019 received late
 * enough to carry the J-1 visa past its own date, the start still in reach (ds2019ReceivedLateRisks);
 * then a consular interview booked after the visa's date with the start still holding (a warning);
 * then the visa itself issued in the start's last week (a warning: book the flight, tell the program).
 */
export function visaChainRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const j1 = withJ1CertificateLate(context, dates, visaStartRisks(context, dates));
  const h1b = withStatusLastDayPassed(context, withH1bPetitionPastVisaDate(context, dates, j1));
  return [
    ...withH1bPetitionLastDay(context, dates, h1b),
    ...ds2019ReceivedLateRisks(context, dates),
    ...h1bPetitionFiledLateRisks(context, dates),
    ...h1bApprovalReceivedLateRisks(context, dates),
    ...interviewAfterVisaDateRisks(context, dates),
    ...visaIssuedLateRisks(context, dates),
  ];
}
