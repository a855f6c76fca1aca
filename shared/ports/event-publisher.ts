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
      type: "EmailSuppressed";
      applicantId?: string;
      at: string;
      detail: { reason: "bounce" | "complaint" | "unsubscribe" };
    };

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}
