// Response compression: JSON and SVG answers of 1 KiB or more go out brotli- or gzip-compressed when the request
// accepts it (a 6.5 kB tier status is about 1 kB so). Synchronous, on the text the route built, inside finish()
// (respond.ts), so the answer stays one Response made with one plain header record; not hono's compress(), which
// streams through CompressionStream and sets headers afterwards, costing per request what this does not. Bodies are
// kept compressed by ETag, so a body answered again (the tier status of a partner, the program) is compressed once.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Below this many bytes compression saves less than it costs (headers, CPU); such answers go out as they are. */
export const COMPRESS_THRESHOLD = 1024;

const COMPRESSIBLE = /^(application\/(json|problem\+json)|image\/svg\+xml)\b/;

type Encoding = 'br' | 'gzip';

/** The best encoding `accept` allows: brotli, else gzip, else none (a `;q=0` refuses one). */
export function chooseEncoding(accept: string | undefined): Encoding | undefined {
  if (!accept) return undefined;
  const allowed = new Set<string>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) allowed.add(name);
  }
  if (allowed.has('br')) return 'br';
  if (allowed.has('gzip') || allowed.has('*')) return 'gzip';
  return undefined;
}

/** Compressed bytes; a Response body (zlib's Buffers own an ArrayBuffer of their own, never a SharedArrayBuffer). */
type Bytes = Uint8Array<ArrayBuffer>;

function compress(text: string, encoding: Encoding): Bytes {
  // Brotli quality 5: within a few per cent of quality 11 for answers this size, at a fraction of the CPU.
  return (encoding === 'br'
    ? brotliCompressSync(text, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
      })
    : gzipSync(text, { level: 6 })) as Bytes;
}

/** Compressed bodies by encoding and ETag, least recently used dropped first. */
const kept = new Map<string, Bytes>();
const KEPT_ENTRIES = 500;

function compressKept(text: string, encoding: Encoding, etag: string | undefined): Bytes {
  if (etag === undefined) return compress(text, encoding);
  const key = `${encoding} ${etag}`;
  let bytes = kept.get(key);
  if (bytes) kept.delete(key);
  else bytes = compress(text, encoding);
  kept.set(key, bytes);
  if (kept.size > KEPT_ENTRIES) kept.delete(kept.keys().next().value!);
  return bytes;
}

/**
 * The body to send for `text`, compressed when worth it and accepted (`acceptEncoding` is read only then); sets
 * `content-encoding` and adds `Vary: Accept-Encoding` in `headers` (also when the client takes it uncompressed, so
 * caches keep the two apart).
 */
export function compressedBody(
  text: string,
  headers: Record<string, string>,
  acceptEncoding: () => string | undefined,
): string | Bytes {
  const type = headers['content-type'];
  // Length in UTF-16 units, never more than the UTF-8 bytes: the same for our ASCII-mostly answers.
  if (text.length < COMPRESS_THRESHOLD || !type || !COMPRESSIBLE.test(type) || headers['content-encoding']) return text;
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  const encoding = chooseEncoding(acceptEncoding());
  if (!encoding) return text;
  headers['content-encoding'] = encoding;
  return compressKept(text, encoding, headers.etag);
}
