import type { PublishedVersion, VersionedDocuments, VersionedRecord } from '../../store/versioned-documents';
import { notFound, PangolinError } from '../errors';

/**
 * The draft a publisher is about to publish, refused when there is none or when the publisher saved
 * it: a national form or procedure always passes through two people.
 */
export async function draftForPublishing<Content extends object>(
  documents: VersionedDocuments<Content>,
  id: string,
  publisherId: string,
  what: string,
): Promise<VersionedRecord<Content> & { draft: NonNullable<VersionedRecord<Content>['draft']> }> {
  const record = await documents.find(id);
  if (!record) throw notFound(what);
  if (!record.draft) throw new PangolinError('conflict', 'There is no draft to publish.');
  if (record.draft.updatedBy === publisherId) {
    throw new PangolinError('not-allowed', 'A second person must publish: you saved this draft yourself.');
  }
  return record as VersionedRecord<Content> & { draft: NonNullable<VersionedRecord<Content>['draft']> };
}

/** Publishing lost a race for the version number: nothing was written, the publisher reloads. */
export function publishedOrConflict<Content>(
  published: PublishedVersion<Content> | undefined,
): PublishedVersion<Content> {
  if (!published) {
    throw new PangolinError('conflict', 'Someone published this at the same moment; reload and check.');
  }
  return published;
}
