import { Schema, type Connection, type Model } from 'mongoose';

/** What is known about an evidence file without its content: what applications refer to. */
export interface EvidenceFileSummary {
  fileId: string;
  ownerId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

export interface EvidenceFileRecord extends EvidenceFileSummary {
  bytes: Buffer;
}

type UploadDocument = Omit<EvidenceFileRecord, 'fileId'> & { _id: string };

const uploadSchema = new Schema<UploadDocument>(
  {
    _id: { type: String, required: true },
    ownerId: { type: String, required: true },
    name: { type: String, required: true },
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    bytes: { type: Buffer, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { collection: 'uploads', versionKey: false },
);

/**
 * Evidence files applicants attach to applications (certificates, photographs), keyed by their
 * unguessable file id. Files are written once and never changed: the SHA-256 an application
 * records stays true.
 */
export class UploadRepository {
  private readonly model: Model<UploadDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Upload as Model<UploadDocument>) ??
      connection.model<UploadDocument>('Upload', uploadSchema);
  }

  async create(file: EvidenceFileRecord): Promise<void> {
    const { fileId, ...rest } = file;
    await this.model.create({ _id: fileId, ...rest });
  }

  async find(fileId: string): Promise<EvidenceFileRecord | undefined> {
    const found = await this.model.findById(fileId).lean<UploadDocument>().exec();
    if (!found) return undefined;
    const { _id, bytes, ...rest } = found;
    return { fileId: _id, ...rest, bytes: bufferOf(bytes) };
  }

  /** The summaries of those of the files that belong to the owner; the content stays in the database. */
  async summariesOwnedBy(ownerId: string, fileIds: readonly string[]): Promise<EvidenceFileSummary[]> {
    if (fileIds.length === 0) return [];
    const found = await this.model
      .find({ _id: { $in: [...fileIds] }, ownerId: { $eq: ownerId } }, { bytes: 0 })
      .lean<Array<Omit<UploadDocument, 'bytes'>>>()
      .exec();
    return found.map(({ _id, ...rest }) => ({ fileId: _id, ...rest }));
  }
}

/** A lean read gives the driver's Binary, whose `buffer` is a Uint8Array, not a Buffer. */
function bufferOf(stored: unknown): Buffer {
  if (Buffer.isBuffer(stored)) return stored;
  const { buffer } = stored as { buffer: Uint8Array };
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
