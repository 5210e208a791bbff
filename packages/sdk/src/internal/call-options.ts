// Options every SDK method accepts, and path building that never lets an id change the URL's shape.

/** Accepted by every SDK method. */
export interface CallOptions {
  /** Aborting rejects the call with a `PartnerApiError` of type `aborted` and stops its retries and timers. */
  signal?: AbortSignal | undefined;
}

/** `/v1/partners/${id}` with every id percent-encoded, so `../` or `?` in an id stays inside its segment. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((out, part, index) => out + part + (index < ids.length ? encodeURIComponent(ids[index]!) : ''), '');
}
