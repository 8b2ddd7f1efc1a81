import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Search attributes officers list permit workflows by. None carries personal data: Temporal's
 * visibility store is not the place for names or addresses.
 */
export const searchAttributes = {
  party: defineSearchAttributeKey('PangolinParty', SearchAttributeType.KEYWORD),
  applicationStatus: defineSearchAttributeKey('ApplicationStatus', SearchAttributeType.KEYWORD),
  documentType: defineSearchAttributeKey('DocumentType', SearchAttributeType.KEYWORD),
  appendix: defineSearchAttributeKey('Appendix', SearchAttributeType.KEYWORD),
} as const;

/** `Name=Type` pairs as the Temporal CLI's --search-attribute flag takes them. */
export function searchAttributeFlags(): string[] {
  return Object.values(searchAttributes).flatMap((key) => [
    '--search-attribute',
    `${key.name}=${cliTypeName(key.type)}`,
  ]);
}

function cliTypeName(type: SearchAttributeType): string {
  switch (type) {
    case SearchAttributeType.KEYWORD:
      return 'Keyword';
    case SearchAttributeType.TEXT:
      return 'Text';
    case SearchAttributeType.INT:
      return 'Int';
    case SearchAttributeType.DOUBLE:
      return 'Double';
    case SearchAttributeType.BOOL:
      return 'Bool';
    case SearchAttributeType.DATETIME:
      return 'Datetime';
    case SearchAttributeType.KEYWORD_LIST:
      return 'KeywordList';
  }
}
