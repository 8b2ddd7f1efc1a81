import { createHash, randomBytes } from 'node:crypto';
import type { EvidenceFileRecord, EvidenceFileSummary, UploadRepository } from '../../store/uploads';
import { invalid, notFound, PangolinError } from '../errors';
import { hasPermission, requirePermission, requireSignedIn, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';
import {
  EVIDENCE_MIMES,
  isEvidenceMime,
  MAX_EVIDENCE_BYTES,
  sanitiseFileName,
  startsWithMagicBytes,
  type EvidenceMime,
} from './evidence-content';

export interface EvidenceUploadInput {
  /** The name the applicant's device gave the file (already URI-decoded). */
  name: string;
  /** The declared Content-Type, without parameters. */
  mime: string;
  bytes: Buffer;
}

/** How form data refers to a file (with `kind` added by the form): never the content itself. */
export interface EvidenceFileView {
  fileId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

// 96 random bits: a file id found in a log or a URL does not lead to anyone else's files.
const FILE_ID = /^[0-9a-f]{24}$/;

/**
 * Evidence applicants attach to their applications. The content is checked against its declared
 * type, its digest is computed here (what the client says about it is not trusted), and a file is
 * readable only by its owner and by staff who read every application.
 */
export class EvidenceUploadService {
  constructor(
    private readonly uploads: UploadRepository,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upload(caller: Caller, input: EvidenceUploadInput): Promise<EvidenceFileView> {
    const owner = requirePermission(caller, 'evidence.upload');
    const mime = checkedMime(input.mime);
    if (input.bytes.length > MAX_EVIDENCE_BYTES) {
      throw new PangolinError(
        'too-large',
        `An evidence file may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB; this one is ${input.bytes.length} bytes.`,
      );
    }
    const name = sanitiseFileName(input.name);
    if (!name) {
      throw invalid('The file needs a name.', [
        { path: 'header:X-File-Name', message: 'has no usable characters' },
      ]);
    }
    if (!startsWithMagicBytes(mime, input.bytes)) {
      throw invalid(`The content of ${name} is not a ${mime} file.`, [
        { path: 'body', message: `does not start like a ${mime} file` },
      ]);
    }
    const file: EvidenceFileRecord = {
      fileId: randomBytes(12).toString('hex'),
      ownerId: owner.userId,
      name,
      mime,
      size: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: input.bytes,
      uploadedAt: this.now(),
    };
    await this.uploads.create(file);
    const view = viewOf(file);
    // The digest stands for the content: the audit trail holds no personal documents.
    await this.audit.record(caller, {
      action: 'evidence.uploaded',
      objectType: 'evidence',
      objectId: file.fileId,
      after: { ...view, ownerId: file.ownerId },
    });
    return view;
  }

  /** The file with its content, for its owner and for staff who read every application. */
  async read(caller: Caller, fileId: string): Promise<EvidenceFileRecord> {
    const reader = requireSignedIn(caller);
    const file = FILE_ID.test(fileId) ? await this.uploads.find(fileId) : undefined;
    const visible =
      file !== undefined &&
      (file.ownerId === reader.userId || hasPermission(caller.actor, 'applications.read-all'));
    // The same answer whether it does not exist or is someone else's: file ids are not to be probed.
    if (!visible) throw notFound(`Evidence file ${fileId}`);
    return file;
  }

  /**
   * For application intake, after its own permission check: which of the files form data refers
   * to really are the applicant's, by file id. Ids that are not, or do not exist, are absent.
   */
  async ownedFiles(ownerId: string, fileIds: readonly string[]): Promise<Map<string, EvidenceFileSummary>> {
    const wellFormed = [...new Set(fileIds)].filter((fileId) => FILE_ID.test(fileId));
    const owned = await this.uploads.summariesOwnedBy(ownerId, wellFormed);
    return new Map(owned.map((file) => [file.fileId, file]));
  }
}

function checkedMime(declared: string): EvidenceMime {
  if (isEvidenceMime(declared)) return declared;
  throw new PangolinError(
    'unsupported-media-type',
    `Evidence must be ${EVIDENCE_MIMES.join(', ')}; this upload is ${declared || 'of no declared type'}.`,
    [{ path: 'header:Content-Type', message: `must be one of: ${EVIDENCE_MIMES.join(', ')}` }],
  );
}

function viewOf(file: EvidenceFileSummary): EvidenceFileView {
  return { fileId: file.fileId, name: file.name, mime: file.mime, size: file.size, sha256: file.sha256 };
}
