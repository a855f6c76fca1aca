/**
 * "$1,234" (and "-$1,234") for a whole-dollar amount (rounded), as the planner's step text, the
 * emails, the pages and the plan CLI print fees and budgets. Written out rather than with
 * Intl.NumberFormat or toLocaleString: the first Intl formatter a process builds loads ICU's locale
 * data, tens of milliseconds of a Lambda cold start, and either is slow at planner throughput.
 */
export function usd(amount: number): string {
  const rounded = Math.round(amount);
  const digits = String(Math.abs(rounded));
  let grouped = "";
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) grouped += ",";
    grouped += digits[index];
  }
  return `${rounded < 0 ? "-" : ""}$${grouped}`;
}
