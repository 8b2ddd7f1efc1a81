import type { Request, Response } from 'express';

/** Lines are gathered into writes of about this size: fewer, larger writes, and little held at once. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Sends text as it is produced, with the status and headers set before the first line: waits whenever the
 * client reads slower than the lines come (backpressure), and stops reading the lines (which closes their
 * database cursor) when the client goes away. A failure after the first bytes cannot become a problem
 * document any more: it is logged and the connection is cut, so the client sees a truncated download
 * rather than a complete-looking file.
 */
export async function streamText(
  req: Request,
  res: Response,
  lines: AsyncIterable<string>,
  headers: { contentType: string; filename: string },
): Promise<void> {
  const iterator = lines[Symbol.asyncIterator]();
  // The header and the first line after it are read before anything is sent, so that a failure to start
  // (the database unreachable, say) is still answered with a problem document.
  let chunk = '';
  let next = await iterator.next();
  for (let read = 0; read < 2 && !next.done; read++) {
    chunk += next.value;
    next = await iterator.next();
  }
  res
    .status(200)
    .type(headers.contentType)
    .set('Content-Disposition', `attachment; filename="${headers.filename}"`)
    .set('Cache-Control', 'no-store');
  let gone = false;
  res.on('close', () => (gone = true));
  try {
    for (; !next.done && !gone; next = await iterator.next()) {
      chunk += next.value;
      if (chunk.length >= CHUNK_BYTES) {
        if (!res.write(chunk)) await drained(res);
        chunk = '';
      }
    }
    if (gone) {
      await iterator.return?.();
      return;
    }
    res.end(chunk);
  } catch (error) {
    req.log?.error({ err: error }, 'a streamed download failed after it had begun');
    await iterator.return?.().catch(() => undefined);
    res.destroy(error as Error);
  }
}

/** Resolves when the response can take more, or is closed; leaves no listener behind either way. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
