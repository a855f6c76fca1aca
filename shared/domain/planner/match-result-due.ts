import { type DueDate, shapedDueDate } from "./deadlines.ts";

/**
 * Where the SOAP outcome's date comes from (advice): the day the plan gives the contract, since a
 * position accepted in SOAP and not reported by then has already cost the contract's window.
 */
export const SOAP_OUTCOME_SOURCE =
  "advice: a SOAP position is reported by the date this plan gives the contract (two weeks after Match Day, advice): one not reported by then has already cost the contract's window, so the plan then plans the next Match; no authority sets this date";

/**
 * Where the result's date comes from (advice): the contract comes first, then the visa steps
 * (facts.md §5), and both wait on where they matched.
 */
export const MATCH_RESULT_SOURCE =
  "advice: where you matched is asked by the date this plan gives the contract (two weeks after Match Day, advice), since the contract and the steps after it wait on it; no authority sets this date";

/**
 * The contract's instant as a Match Day answer's date, our advice under `source`: one object per
 * contract date, so PlanDates renders it once.
 */
function onContractDay(source: string): (contractDue: DueDate) => DueDate {
  const dues = new WeakMap<DueDate, DueDate>();
  return (contractDue) => {
    let due = dues.get(contractDue);
    if (due === undefined) {
      due = shapedDueDate({ ...contractDue, basis: "advice", source });
      dues.set(contractDue, due);
    }
    return due;
  };
}

/** The date a SOAP participant's Match Day step is due by (SOAP_OUTCOME_SOURCE). */
export const soapOutcomeDue = onContractDay(SOAP_OUTCOME_SOURCE);

/**
 * The date where they matched is asked by (MATCH_RESULT_SOURCE), before the contract's date and,
 * overdue since it, after (the questions then run on to residency's start: MatchWeekStep.asksUntil).
 */
export const matchResultDue = onContractDay(MATCH_RESULT_SOURCE);
