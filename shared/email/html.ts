/**
 * HTML text escaping for template functions: every interpolated value goes through escapeHtml,
 * so a name such as `<script>` reaches the reader as text. Attribute values are quoted with ".
 */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** One line for a mail header: no CR/LF (header injection), collapsed whitespace. */
export function headerText(text: string, maxLength = 200): string {
  const single = text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
  return single.length > maxLength ? `${single.slice(0, maxLength - 1)}…` : single;
}
