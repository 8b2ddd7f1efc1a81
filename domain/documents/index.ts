/**
 * The permit document model: every CITES document as data, box by box (Res. Conf. 12.3, Annex 2), its
 * titles and Box 1 category, and how its specimen blocks are lettered and laid out on sheets.
 */
export * from './model';
export * from './document-types';
export * from './sheets';
export * from './replacement-reasons';
