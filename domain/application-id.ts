/**
 * An application's id: the Party, the year of submission and 48 random bits in hex
 * (`KE-2026-0123456789AB`). Permits, tasks and workflows derive their ids from it, so every route
 * that takes one checks its shape before the database sees it.
 */
export const APPLICATION_ID = String.raw`[A-Z]{2}-\d{4}-[0-9A-F]{12}`;

/** Whether the text is an application id and nothing else. */
export function isApplicationId(text: string): boolean {
  return new RegExp(`^${APPLICATION_ID}$`).test(text);
}
