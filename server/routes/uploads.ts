import { createHash } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { invalid } from '../errors';
import { callerOf, type RouteTable } from '../http/route-table';
import { hasPermission } from '../identity/permissions';
import { EVIDENCE_MIMES, MAX_EVIDENCE_BYTES } from '../services/evidence-content';
import type { EvidenceUploadService } from '../services/evidence-uploads';

// The parser only protects memory; the service's own limit (and its answer) is the one that counts.
const readEvidenceBytes = express.raw({ type: EVIDENCE_MIMES, limit: MAX_EVIDENCE_BYTES + 64 * 1024 });

/**
 * Reads the raw body only for callers who may upload (others are refused by the route's access
 * check without the server buffering megabytes for them), and only of the accepted types (any other
 * type is refused by the service with 415 unread).
 *
 * The bytes then travel in res.locals and req.body becomes a summary of the upload: the
 * idempotency middleware digests req.body as canonical JSON, which would walk a Buffer as ten
 * million object keys and would not see the file name. With the summary, a retry with the same
 * Idempotency-Key, name and bytes replays the first answer; other bytes under that key get 422.
 */
const evidenceBody: RequestHandler[] = [
  (req, res, next) => {
    if (!hasPermission(callerOf(req).actor, 'evidence.upload')) return next();
    readEvidenceBytes(req, res, next);
  },
  (req, res, next) => {
    const bytes: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.locals.evidenceBytes = bytes;
    req.body = {
      name: req.get('x-file-name') ?? null,
      mime: declaredMime(req.get('content-type')),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    next();
  },
];

function declaredMime(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** X-File-Name carries the original name URI-encoded, since header values are ASCII. */
function fileNameOf(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw invalid('Name the file in the X-File-Name header (URI-encoded).', [
      { path: 'header:X-File-Name', message: 'is required' },
    ]);
  }
  try {
    return decodeURIComponent(header);
  } catch {
    throw invalid('X-File-Name must be URI-encoded (encodeURIComponent).', [
      { path: 'header:X-File-Name', message: 'is not valid URI encoding' },
    ]);
  }
}

export function uploadRoutes(routes: RouteTable, uploads: EvidenceUploadService) {
  routes.add({
    method: 'post',
    path: '/uploads',
    access: { permission: 'evidence.upload' },
    tag: 'Evidence',
    summary:
      'Upload an evidence file (applicants) or a decision’s attachment (officers): the raw bytes as the body, Content-Type application/pdf, ' +
      'image/jpeg or image/png, the URI-encoded original name in X-File-Name; at most 10 MiB',
    before: evidenceBody,
    responses: {
      201: { description: 'Stored: `{fileId, name, mime, size, sha256}`, to put in the form’s evidence' },
      413: { description: 'Larger than 10 MiB' },
      415: { description: 'Not a PDF, JPEG or PNG' },
      422: { description: 'No X-File-Name, or the content is not what the Content-Type says' },
    },
    handler: async ({ caller, req, res }) => {
      const file = await uploads.upload(caller, {
        name: fileNameOf(req.get('x-file-name')),
        mime: declaredMime(req.get('content-type')),
        bytes: res.locals.evidenceBytes as Buffer,
      });
      res.status(201).location(`/api/uploads/${file.fileId}`).json(file);
    },
  });

  routes.add({
    method: 'get',
    path: '/uploads/:fileId',
    access: 'signed-in',
    tag: 'Evidence',
    summary: 'An evidence file’s content, as a download (its owner, and staff who read every application)',
    responses: {
      200: { description: 'The bytes, with their Content-Type', contentType: 'application/octet-stream' },
      404: { description: 'No such file, or not yours' },
    },
    handler: async ({ caller, params, res }) => {
      const file = await uploads.read(caller, params.fileId!);
      // attachment() guesses a type from the extension: the stored, checked type is set after it.
      res.attachment(file.name);
      res
        .type(file.mime)
        .set({
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
          'Content-Security-Policy': "default-src 'none'; sandbox",
        })
        .send(file.bytes);
    },
  });
}
