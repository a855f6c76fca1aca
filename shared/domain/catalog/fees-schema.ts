import * as z from "zod";
import { MilestoneKeySchema, MilestoneStatusSchema } from "../snapshot.ts";
import { citedCorrectly } from "./citation.ts";

/**
 * The shape of fees.json: each fee with its amount, source and as-of date, the fees that may apply
 * but are unconfirmed (shown, never counted), and those deliberately left out. Parsed in
 * test/unit/domain/data-files.test.ts; index.ts reads the file as these types.
 */

/**
 * One span of a fee's history, in force from `from` (YYYY-MM-DD) until the next span's day. Without
 * `amountUsd` it is the fee's own figure (its amountUsd or tiers, with its basis); null when the
 * figure in force then was not found; else an earlier figure, with its own basis.
 */
const InForceSchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    amountUsd: z.number().min(0).nullable().optional(),
    basis: z.enum(["official", "secondary", "advice"]).optional(),
    source: z.string().url(),
    asOf: z.string().min(1),
  })
  .refine((span) => (span.amountUsd === undefined) === (span.basis === undefined), {
    message: "an earlier figure (amountUsd) needs its own basis, and the fee's own figure none",
  });
export type InForce = z.infer<typeof InForceSchema>;

/**
 * Who takes the fee (the body to ask about the money once paid: OET for its test, FSMB for a USMLE
 * exam since registration moved there, ECFMG for its own), with the page that names it (usually the
 * fee's own source), and the fee as a sentence names it ("your OET Medicine test fee"): the label is
 * a table's, not a sentence's.
 */
const PaidToSchema = z
  .object({
    body: z.string().min(1),
    fee: z.string().min(1),
    source: z.string().url(),
    /**
     * The body that took the fee for a step dated before `before` (YYYY-MM-DD): ECFMG registered IMGs
     * for Step 1 and Step 2 CK until registration moved to FSMB in January 2026. A step dated within
     * the fee's `paidWithinDays` after it may have been paid to either (fee-payee.ts).
     */
    earlier: z
      .object({
        body: z.string().min(1),
        before: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        source: z.string().url(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type PaidTo = z.infer<typeof PaidToSchema>;

const FeeBase = {
  key: z.string().min(1),
  milestone: MilestoneKeySchema,
  label: z.string().min(1),
  paidTo: PaidToSchema,
  basis: z.enum(["official", "secondary", "advice"]),
  source: z.string().min(1),
  asOf: z.string().min(1),
  /** "flagged, verify: ..." when the amount is not confirmed for the current season. */
  verify: z.string().startsWith("flagged, verify").optional(),
  /**
   * The fact sheet has no current figure for this fee (the amount is a secondary page's): until it
   * is paid it is listed with the fees to verify, never counted; once paid it counts like any paid
   * fee (the fee table's estimate). A flagged fee without it is counted at the latest figure found.
   */
  amountToVerify: z.literal(true).optional(),
  /**
   * The authority's own page to verify a flagged amount on, when the figure's `source` is not it
   * (a secondary page, or an older page of the authority's the figure follows from).
   */
  verifyAt: z.object({ page: z.string().min(1), url: z.string().url() }).optional(),
  spentWhen: z.array(MilestoneStatusSchema),
  /**
   * The figures in force over time, oldest first, each from its day (`from`) until the next one's:
   * a fee paid for a step whose day the snapshot gives is counted at the figure in force then
   * (fee-in-force.ts), and listed with no amount, saying why, where that figure is not known (before
   * the first day, or in a span whose figure was not found).
   */
  inForce: z.array(InForceSchema).min(1),
  /**
   * An exam's fee is paid at registration, before the exam, for an eligibility period around its day
   * (three months: the Step 1 figure's asOf): its figure is known only when every day this many days
   * either side of the exam's lies in one span of `inForce`.
   */
  paidWithinDays: z.number().int().min(1).optional(),
  /**
   * The visitor visa an applicant abroad needs to sit Step 3 in the US: budgeted only while the plan
   * asks for it (H-1B, living outside the US, Step 3 waiting on nothing but the ECFMG certificate,
   * held with Step 3's fee while it waits on that: budget.ts).
   */
  visitorVisaForStep3: z.literal(true).optional(),
};
const FeeSchema = z.discriminatedUnion("kind", [
  z.object({ ...FeeBase, kind: z.literal("flat"), amountUsd: z.number().min(0) }),
  z.object({ ...FeeBase, kind: z.literal("nrmp_late"), amountUsd: z.number().min(0) }),
  /**
   * NRMP's couples fee, per partner: budgeted only for an applicant entering the Match as a couple
   * (snapshot `couplesMatch`), spent once their rank order list (its milestone) is certified, since
   * a couple's paired list needs the fee paid; `spentWhen` stays empty so no other rule reads it as paid.
   */
  z.object({ ...FeeBase, kind: z.literal("nrmp_couples"), amountUsd: z.number().min(0) }),
  z.object({
    ...FeeBase,
    kind: z.literal("eras_per_program"),
    tiers: z
      .array(
        z.object({
          fromProgram: z.number().int().min(1),
          toProgram: z.number().int().min(1).nullable(),
          eachUsd: z.number().min(0),
        }),
      )
      .min(1),
  }),
]);
export type Fee = z.infer<typeof FeeSchema>;

const FeeToVerifySchema = z
  .object({
    key: z.string().min(1),
    /** Shown when any of these milestones applies to the applicant and is not blocked. */
    milestones: z.array(MilestoneKeySchema).min(1),
    label: z.string().min(1),
    amountUsd: z.number().min(0).nullable(),
    basis: z.enum(["official", "secondary", "advice"]),
    source: z.string().min(1),
    asOf: z.string().min(1),
    verify: z.string().startsWith("flagged, verify"),
    /**
     * Shown instead of `verify` when an interview presumes every one of `milestones` done
     * (presumed-in-the-match.ts): the fee is then presumed paid, as a priced step's is.
     */
    presumedVerify: z.string().startsWith("flagged, verify").optional(),
    /**
     * The line's words once the applicant reports one of the steps it is for done (paid with it: a
     * fee on either track's visa is paid with the visa issued), the amount not known.
     */
    paidVerify: z.string().startsWith("flagged, verify").optional(),
    /**
     * Listed only while one of `milestones` that applies is not done, with the reason (advice): a
     * surcharge that may come with the exams has nothing left to verify once they are all taken.
     */
    untilDone: z.string().startsWith("advice:").optional(),
    /**
     * Listed only for an applicant whose zone is outside the US and Canada (zoneInUsOrCanada), with
     * the reason (advice): a surcharge owed only for testing outside that region.
     */
    outsideUsAndCanada: z.string().startsWith("advice:").optional(),
    /**
     * A fee per program ranked past the `included` programs registration covers (NRMP's): listed only
     * for an applicant planning more programs than that, with the most it can come to and the
     * assumption behind that figure (advice).
     */
    rankedPast: z
      .object({ included: z.number().int().min(1), assumption: z.string().startsWith("advice:") })
      .optional(),
    /**
     * A fee on issuance of any nonimmigrant visa is owed on the B-1/B-2 visa an applicant abroad gets
     * to sit Step 3 too: its line's label there, listed beside that visa's fee (the Fee's
     * `visitorVisaForStep3`) and held as it is (budget.ts).
     */
    visitorVisaForStep3: z.string().min(1).optional(),
  })
  .superRefine(citedCorrectly);
export type FeeToVerify = z.infer<typeof FeeToVerifySchema>;

/**
 * A fee the authority prices in another currency only (OET: AU$ outside the USA). Shown in its
 * own currency beside the USD budget, never converted (no exchange rate is assumed) and never in
 * the USD totals; spent like a flat fee.
 */
const OtherCurrencyFeeSchema = z
  .object({
    key: z.string().min(1),
    milestone: MilestoneKeySchema,
    label: z.string().min(1),
    paidTo: PaidToSchema,
    amount: z.number().min(0),
    /** ISO 4217, e.g. "AUD". */
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** How it is written, e.g. "AU$587". */
    display: z.string().min(1),
    note: z.string().min(1),
    basis: z.enum(["official", "secondary", "advice"]),
    source: z.string().min(1),
    asOf: z.string().min(1),
    spentWhen: z.array(MilestoneStatusSchema),
    /**
     * The first day the fee table's figure is taken to be in force (`from`, YYYY-MM-DD) and why: a
     * step done before it was paid at a figure the fee table does not have, so it is listed to
     * verify with no amount (other-currency-paid.ts), never at today's figure.
     */
    figureFrom: z
      .object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), why: z.string().min(1) })
      .optional(),
  })
  .superRefine(citedCorrectly);
export type OtherCurrencyFee = z.infer<typeof OtherCurrencyFeeSchema>;

export const FeesFileSchema = z.object({
  description: z.string(),
  fees: z.array(FeeSchema.superRefine(citedCorrectly)),
  toVerify: z.array(FeeToVerifySchema),
  otherCurrency: z.array(OtherCurrencyFeeSchema),
  notIncluded: z.array(z.object({ what: z.string(), why: z.string() })),
});

export type FeesFile = z.infer<typeof FeesFileSchema>;
