/** Downloading a Discord attachment the bot was handed, with a size cap and a time limit. */

/** Thrown when the file is larger than allowed or cannot be fetched; the message is for the user. */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

/**
 * Fetches `url` into memory, refusing more than `maxBytes` (checked on the declared length and again
 * while reading, so a lying server cannot make it read more) and giving up after `timeoutMs`.
 */
export async function downloadAttachment(url: string, maxBytes: number, timeoutMs = 15_000): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new DownloadError(`could not download the attachment (${(err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message}); try again`);
  }
  if (!response.ok || !response.body) {
    throw new DownloadError(`could not download the attachment (HTTP ${response.status}); try uploading it again`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new DownloadError(`the file is ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.length;
    if (total > maxBytes) throw new DownloadError(`the file is over the ${maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
