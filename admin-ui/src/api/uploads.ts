import { ApiError, problemFrom } from './problem';
import type { UploadedFile } from './types';

/** Told how many bytes of the file have gone so far. */
export type UploadProgress = (sent: number, total: number) => void;

/** The MIME types evidence may have, and the most the server takes. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** The header that carries the original file name: HTTP headers only take ASCII. */
export function fileNameHeader(name: string): string {
  return encodeURIComponent(name);
}

/** The part of XMLHttpRequest an upload uses (named here so tests can stand in for it). */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  withCredentials: boolean;
  upload: {
    addEventListener(
      type: 'progress',
      listener: (event: { lengthComputable: boolean; loaded: number; total: number }) => void,
    ): void;
  };
  addEventListener(type: 'load' | 'error' | 'abort', listener: () => void): void;
  readonly status: number;
  readonly statusText: string;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  send(body: Blob): void;
}

const browserRequest = (): UploadRequest =>
  new (globalThis as unknown as { XMLHttpRequest: new () => UploadRequest }).XMLHttpRequest();

/**
 * Sends a file's bytes as they are (no multipart, no base64) to `/api/uploads`. XMLHttpRequest
 * rather than fetch, because only it reports upload progress.
 */
export function uploadFile(
  file: File,
  onProgress?: UploadProgress,
  createRequest: () => UploadRequest = browserRequest,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = createRequest();
    request.open('POST', '/api/uploads');
    request.withCredentials = true;
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.setRequestHeader('x-file-name', fileNameHeader(file.name));
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText) as UploadedFile);
        } catch {
          reject(new ApiError({ status: request.status, title: 'The answer could not be read' }));
        }
        return;
      }
      reject(
        problemFrom(
          request.status,
          request.statusText,
          (name) => request.getResponseHeader(name),
          request.responseText,
        ),
      );
    });
    const unreachable = () => reject(new ApiError({ status: 0, title: 'unreachable' }));
    request.addEventListener('error', unreachable);
    request.addEventListener('abort', unreachable);
    request.send(file);
  });
}
