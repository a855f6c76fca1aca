/**
 * Ledger ids of resends start with this, then the message id resent: each notice is resent once.
 * Its own module so the console's ledger page reads it without loading the resend (and its email code).
 */
export const RESEND_ID_PREFIX = "resend:";
