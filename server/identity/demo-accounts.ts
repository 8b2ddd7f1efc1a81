import type { Role } from '../../domain/roles';

/** The demo accounts of the public contract: one per role. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'applicant@demo.test', name: 'Demo Applicant', role: 'applicant' },
  { email: 'ma@demo.test', name: 'Demo Management Authority officer', role: 'ma_officer' },
  { email: 'sa@demo.test', name: 'Demo Scientific Authority officer', role: 'sa_officer' },
  { email: 'customs@demo.test', name: 'Demo customs officer', role: 'customs_officer' },
  { email: 'designer@demo.test', name: 'Demo form designer', role: 'form_designer' },
  { email: 'publisher@demo.test', name: 'Demo form publisher', role: 'form_publisher' },
  { email: 'admin@demo.test', name: 'Demo administrator', role: 'admin' },
  { email: 'auditor@demo.test', name: 'Demo auditor', role: 'auditor' },
];
