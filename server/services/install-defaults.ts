import type { DocumentType } from '../../domain/codes/types';
import type { VersionedDocuments } from '../../store/versioned-documents';
import type { AuditTrail } from './audit-trail';

export interface ShippedDocument<Content> {
  id: string;
  documentType: DocumentType;
  content: Content;
}

/**
 * A fresh installation gets the national forms and procedures Pangolin ships, published as version
 * 1 by the system; any that exist (shipped earlier or made by designers) are left alone.
 */
export async function installDefaults<Content extends object>(
  documents: VersionedDocuments<Content>,
  shipped: readonly ShippedDocument<Content>[],
  objectType: 'form' | 'procedure',
  audit: AuditTrail,
  now: Date,
): Promise<number> {
  let installed = 0;
  for (const item of shipped) {
    if (await documents.find(item.id)) continue;
    const saved = await documents.saveDraft(
      item.id,
      item.documentType,
      { ...item.content, updatedBy: 'system', updatedAt: now },
      now,
    );
    const published = await documents.publish(saved, 'system', now);
    if (!published) continue;
    await audit.record('system', {
      action: `${objectType}.installed`,
      objectType,
      objectId: item.id,
      after: { versionId: published.versionId, ...item.content },
    });
    installed++;
  }
  return installed;
}
