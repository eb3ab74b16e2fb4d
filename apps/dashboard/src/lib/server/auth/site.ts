/**
 * The site's real protocol and origin. adapter-node assumes https unless told otherwise, so `event.url` can't say
 * whether a cookie may be `Secure`: the server itself speaks plain http, and it is https only when `ORIGIN` says
 * so or, behind a proxy, when the header named by `PROTOCOL_HEADER` (e.g. `x-forwarded-proto`) does — a header
 * trusted only when so configured, since any client can send it.
 */
export function siteProtocol(request: Request, env: NodeJS.ProcessEnv = process.env): 'http:' | 'https:' {
  if (env.ORIGIN) return new URL(env.ORIGIN).protocol === 'https:' ? 'https:' : 'http:';
  const header = env.PROTOCOL_HEADER?.toLowerCase();
  if (header) return request.headers.get(header)?.split(',')[0]?.trim() === 'https' ? 'https:' : 'http:';
  return 'http:';
}

export function siteOrigin(request: Request, url: URL, env: NodeJS.ProcessEnv = process.env): string {
  if (env.ORIGIN) return new URL(env.ORIGIN).origin;
  return `${siteProtocol(request, env)}//${url.host}`;
}
