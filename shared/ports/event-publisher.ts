import type { CancelledReminder } from "#domain/cancelled-reminders.ts";

/** Domain events published for other systems (CRM, chat) to subscribe to. */
export type DomainEvent =
  | {
      type: "PlanChanged";
      applicantId: string;
      at: string;
      detail: { planHash: string; nextDueAt: string | null; riskCodes: string[] };
    }
  | {
      type: "ReminderSent";
      applicantId: string;
      at: string;
      detail: { messageId: string; reminderIds: string[]; milestones: string[] };
    }
  | { type: "MilestoneOverdue"; applicantId: string; at: string; detail: { milestones: string[] } }
  | {
      /**
       * Reminders that fell due and were not sent: the applicant unsubscribed, the address is
       * suppressed (bounce, complaint), or an advisor paused them. The console's ledger shows each.
       */
      type: "RemindersHeldBack";
      applicantId: string;
      at: string;
      detail: {
        reason: HeldBackReason;
        reminderIds: string[];
        milestones: string[];
        /**
         * Each reminder's step and rung (keys only, nothing personal), so the console's row names
         * it once the plan no longer holds it. Absent on events written before it was stored.
         */
        reminders?: HeldBackReminder[];
      };
    }
  | {
      /**
       * Reminders still scheduled that a re-plan dropped (step done or waived, snoozed, date
       * moved, interview cancelled, no longer planned), each with why. Keys only, nothing personal.
       */
      type: "RemindersCancelled";
      applicantId: string;
      at: string;
      detail: { reminders: CancelledReminder[] };
    }
  | {
      type: "EmailSuppressed";
      applicantId?: string;
      at: string;
      detail: { reason: "bounce" | "complaint" | "unsubscribe" };
    };

/** A held-back reminder by its keys: what the console's ledger row names. */
export interface HeldBackReminder {
  id: string;
  milestone: string;
  interviewId?: string;
  rung: string;
}

/** Why due reminders were held back, most specific first: paused, unsubscribed, suppressed. */
export type HeldBackReason = "paused" | "unsubscribed" | "suppressed";

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}
