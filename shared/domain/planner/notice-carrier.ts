/**
 * Whether a notice due at `noticeDue` may be folded, as "Also: …", into an item due at
 * `carrierDue` (epoch ms, each the reminder's own deadline): only into one due no later, so a
 * deadline never hides behind a later item's date and countdown (the NRMP early
 * deadline, 16 hours away, rode as "Also:" under a certificate check due three months later). One
 * rule for every fold: the planner's (placeNotice, the NRMP question beside the rank list) and the
 * email's (oneReminderPerStep). A notice it refuses stays its own item, ordered by its deadline.
 */
export function mayCarry(carrierDue: number, noticeDue: number): boolean {
  return carrierDue <= noticeDue;
}
