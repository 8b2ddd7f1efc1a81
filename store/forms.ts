import type { Connection } from 'mongoose';
import type { FormContent } from '../forms/form-content';
import {
  VersionedDocuments,
  versionIdOf,
  type PublishedVersion,
  type VersionedRecord,
} from './versioned-documents';

export type { FormContent };
export type FormRecord = VersionedRecord<FormContent>;
export type FormVersionRecord = PublishedVersion<FormContent>;

export const formVersionId = versionIdOf;

/** National forms: one draft each, and numbered versions that are written once and never changed. */
export class FormRepository extends VersionedDocuments<FormContent> {
  constructor(connection: Connection) {
    super(connection, {
      model: 'Form',
      collection: 'forms',
      versionModel: 'FormVersion',
      versionCollection: 'formVersions',
      contentFields: ['schema', 'uiSchema', 'translations'],
      ownerField: 'formId',
    });
  }
}
