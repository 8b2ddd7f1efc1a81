import type { Connection } from 'mongoose';
import type { ProcedureDefinition } from '../forms/procedures/definition';
import { VersionedDocuments, type PublishedVersion, type VersionedRecord } from './versioned-documents';

export interface ProcedureContent {
  definition: ProcedureDefinition;
}
export type ProcedureRecord = VersionedRecord<ProcedureContent>;
export type ProcedureVersionRecord = PublishedVersion<ProcedureContent>;

/** National procedures, drafted and published like forms; applications keep the version they were filed under. */
export class ProcedureRepository extends VersionedDocuments<ProcedureContent> {
  constructor(connection: Connection) {
    super(connection, {
      model: 'Procedure',
      collection: 'procedures',
      versionModel: 'ProcedureVersion',
      versionCollection: 'procedureVersions',
      contentFields: ['definition'],
      ownerField: 'procedureId',
      textFields: ['definition'],
    });
  }
}
