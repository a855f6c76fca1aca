/**
 * The plan's budget (Plan.budget): every fee with its status, source and flag, the totals in USD,
 * and the fees in another currency or to verify, never counted. Re-exported by plan.ts.
 */

export interface BudgetItem {
  key: string;
  label: string;
  amountUsd: number;
  /**
   * "presumed": the fee of a step an interview presumes done (presumed-in-the-match.ts), or a later
   * step marked done needs (`presumedFrom`), never reported: presumed paid, counted apart from what
   * the applicant reported spent.
   */
  status: "spent" | "upcoming" | "presumed";
  /** "official" amounts come from the authority; "secondary" from a non-authority page; "advice" is labelled. */
  basis: "official" | "secondary" | "advice";
  source: string;
  /** The season or date the amount was stated for. */
  asOf: string;
  /** Present when the amount or its application is not confirmed: "flagged, verify" with the status. */
  verify?: string;
  /**
   * Present on a fee of the next Match, budgeted once the applicant's own is over (SEASON_OVER): an
   * estimate from today's fee table (that Match's fees are not published), due at `step` (its
   * catalog title) once that step opens for the applicant; no reminder urges paying it before.
   */
  nextMatch?: { matchYear: number; step: string };
  /**
   * Present on a paid fee whose step's day the snapshot gives: the amount is the figure in force
   * that day (fee-in-force.ts), so its words say "the fee in force then", never "today's fee".
   */
  pricedThen?: true;
  /** On a "presumed" line: "steps" when a later step the applicant marked done presumes it, not an interview. */
  presumedFrom?: "steps";
}

export interface Budget {
  currency: "USD";
  items: BudgetItem[];
  spentUsd: number;
  upcomingUsd: number;
  /** The "presumed" items' sum, present only when there are some; in totalUsd, not in spentUsd. */
  presumedUsd?: number;
  /** spentUsd + presumedUsd + upcomingUsd. */
  totalUsd: number;
  /**
   * Fees that may apply but are not confirmed (a law whose start date is unclear, a proclamation
   * the employer pays): shown with their status, never counted in the totals.
   */
  toVerify?: BudgetItem[];
  /**
   * Fees priced only in another currency (OET Medicine in AU$): shown in that currency, never
   * converted (no exchange rate is assumed) and never in the USD totals.
   */
  otherCurrency?: OtherCurrencyItem[];
}

export interface OtherCurrencyItem {
  key: string;
  label: string;
  amount: number;
  /** ISO 4217, e.g. "AUD". */
  currency: string;
  /** As the authority writes it, e.g. "AU$587". */
  display: string;
  /**
   * "held": held back while the school's ECFMG sponsor note is unknown, in no total (as a USD fee
   * held back goes to Budget.toVerify); `verify` then says why (the OET fee vanished).
   * "presumed": its step presumed done by an interview, as BudgetItem's.
   */
  status: "spent" | "upcoming" | "held" | "presumed";
  /** As BudgetItem's: "steps" when a later step the applicant marked done presumes it. */
  presumedFrom?: "steps";
  verify?: string;
  basis: "official" | "secondary" | "advice";
  source: string;
  asOf: string;
  /** Why it is not in USD, and any other price (US$455 on computer in the USA). */
  note: string;
}
