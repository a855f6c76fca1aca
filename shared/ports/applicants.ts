import type { Preferences } from "#domain/preferences.ts";
import type { ScheduledReminder } from "#domain/scheduled-reminders.ts";
import type { Applicant, Interview, MilestoneEntry } from "#domain/snapshot.ts";
import type { StoredPlanSummary } from "./plans.ts";
import type { LedgerEntry } from "./reminder-ledger.ts";

export interface ApplicantProfile extends Applicant {
  applicantId: string;
  createdAt: string;
  updatedAt: string;
  /** Set by one-click unsubscribe: no further reminder mail. */
  unsubscribedAt?: string;
  /** When the applicant last chose "Subscribe again" on their preferences page (clears unsubscribedAt). */
  resubscribedAt?: string;
  /** The calendar feed's generation (default 0): revoking the feed bumps it, killing older feed links. */
  feedGeneration?: number;
  /** Email preferences the applicant set on their preferences page; absent: the defaults. */
  preferences?: Preferences;
  /** Set by an advisor in the console: reminders are held until resumed. */
  remindersPausedAt?: string;
}

/** Everything the planner and the reminder function need about one applicant, read at once. */
export interface ApplicantState {
  profile: ApplicantProfile;
  milestones: MilestoneEntry[];
  interviews: Interview[];
  /** The reminder ledger: reminders claimed or sent. */
  ledger: LedgerEntry[];
  /** The stored plan's summary, if one was stored. */
  storedPlan?: StoredPlanSummary;
  /**
   * The store holds an item the plan replaces, though no plan was stored yet (the DynamoDB store
   * writes an empty PLAN item with a new applicant): a first plan may then be written as cheaply as
   * a re-plan (SavePlanOptions.replacesStoredPlan). Absent: false.
   */
  planSlotStored?: boolean;
  /**
   * When anything the applicant's calendar shows last changed (ISO UTC): the latest `updatedAt` of
   * the profile (preferences included), milestone and interview items, and the stored plan's
   * `computedAt` (a re-plan after a moved season date or a deleted item). It only moves forward, so
   * it stamps the feed's DTSTAMP and SEQUENCE. Absent from states built without a store: use
   * `profile.updatedAt`.
   */
  changedAt?: string;
}

/** Reads one applicant whole. */
export interface ApplicantRepository {
  /** Profile, milestones, interviews, ledger and stored plan summary; undefined if unknown. */
  loadApplicant(applicantId: string): Promise<ApplicantState | undefined>;
  /**
   * The reminders the stored plan still had scheduled (sendAt after its computedAt), read together
   * with `state` (one loadApplicant returned it): no request, decoded only when asked, so a re-plan
   * asks only when its plan changed. Empty when no plan was stored or `state` was not read here.
   */
  storedReminders(state: ApplicantState): readonly ScheduledReminder[];
}

/** What the applicant changes from their own pages: preferences and the calendar feed's address. */
export interface ApplicantSettings {
  /** Stores the preferences on the profile (a profile write: the planner re-plans). ApplicantNotFoundError if unknown. */
  savePreferences(applicantId: string, preferences: Preferences, at: Date): Promise<void>;
  /**
   * Bumps the feed generation, so every older calendar feed URL stops working; returns the new one.
   * With `requestKey` (a hash of the page link's token) the same request twice rotates once: the
   * second answers undefined and writes nothing (a double tap or a reload must not kill the address
   * the first tap showed).
   */
  revokeFeed(applicantId: string, at: Date, requestKey?: string): Promise<number | undefined>;
}
