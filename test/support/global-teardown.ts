import fs from 'node:fs';
import type { ManagedProcess } from '../../scripts/services/managed-process';

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { pangolinTestServices?: { started: ManagedProcess[]; scratch: string } })
    .pangolinTestServices;
  if (!services) return;
  for (const service of services.started.reverse()) await service.stop(5_000);
  fs.rmSync(services.scratch, { recursive: true, force: true });
}
