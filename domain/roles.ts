/** The roles of Pangolin's users; a person may hold several. */
export const ROLES = [
  'applicant',
  'ma_officer',
  'sa_officer',
  'customs_officer',
  'form_designer',
  'form_publisher',
  'admin',
  'auditor',
  'peer_party',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
