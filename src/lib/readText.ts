import type { Readable } from 'node:stream';

/**
 * Reads a whole stream as UTF-8 text, refusing more than `maxBytes`: past the bound the stream
 * is handed to `overflow` (by default destroyed: nothing more is read) and the promise rejects
 * with `tooLarge()`. A stream that
 * fails rejects with its error; one that closes before its end rejects as a premature close.
 *
 * Plain 'data' and 'end' listeners rather than `for await`: this runs on every request body
 * and every upstream reply, and the async iterator allocated a promise per chunk and a stream
 * watcher per read that outlived the read long enough to reach V8's old generation under load.
 */
export function readText(
  stream: Readable,
  maxBytes: number,
  tooLarge: () => Error,
  overflow: (stream: Readable) => void = (s) => s.destroy(),
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) {
        settle();
        overflow(stream);
        reject(tooLarge());
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => {
      settle();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    // Stays attached once the read is over: an 'error' emitted after that (a socket reset
    // after the end) must not become an uncaught exception. Rejecting twice is a no-op.
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onClose = () => {
      settle();
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    function settle(): void {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onClose);
    }
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.on('error', onError);
    stream.once('close', onClose);
  });
}
