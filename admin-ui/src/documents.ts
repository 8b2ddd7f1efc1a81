import { DOCUMENT_TITLES } from '../../domain/documents/document-types';
import type { DocumentType, Language } from './api/types';
import type { MessageKey } from './messages';

/** A document type as people call it: `re-export` → "Re-export certificate". */
export function documentTitle(type: DocumentType, language: Language): string {
  return DOCUMENT_TITLES[type]?.[language] ?? type;
}

const statusKeys: Record<string, MessageKey> = {
  submitted: 'statusSubmitted',
  'under-review': 'statusUnderReview',
  under_review: 'statusUnderReview',
  rejected: 'statusRefused',
  approved: 'statusApproved',
  refused: 'statusRefused',
  issued: 'statusIssued',
  withdrawn: 'statusWithdrawn',
  cancelled: 'statusCancelled',
  'more-information-requested': 'statusMoreInformation',
  endorsed: 'statusEndorsed',
  used: 'statusUsed',
  expired: 'statusExpired',
};

/** An application status in the reader's language; a status this app does not know yet shows as is. */
export function statusLabel(status: string, t: (key: MessageKey) => string): string {
  const key = statusKeys[status];
  return key ? t(key) : status;
}
