/**
 * "$1,234" for a whole-dollar amount (rounded), as the emails and pages print fees and budgets.
 * Written out rather than with Intl.NumberFormat: the first Intl formatter a process builds loads
 * ICU's locale data, tens of milliseconds of a Lambda cold start, for a comma every three digits.
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
