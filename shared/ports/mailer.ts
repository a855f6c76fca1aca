export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers: { name: string; value: string }[];
  /** Tags for the provider's event stream (SES EmailTags), e.g. applicantId. */
  tags: Record<string, string>;
  /** Files attached to the message, e.g. an interview's .ics (text/calendar). */
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface Mailer {
  /**
   * Sends one message; resolves with the provider's message id. Throws EmailRejectedError when the
   * provider refuses the message for good, a TransientError when a retry may pass.
   */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
