// One spelling of a server address, so a token saved for
// "http://clinic:8080/" is found again for "http://clinic:8080/api".

export type ServerUrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/** Accepts http(s) URLs; drops a trailing slash and a trailing "/api". */
export function normalizeServerUrl(input: string): ServerUrlCheck {
  const trimmed = input.trim();
  if (trimmed === '') {
    return { ok: false, problem: 'empty' };
  }

  // "192.168.1.20:8080" means http://; a clinic LAN rarely has HTTPS.
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /^https?:/i.test(trimmed);
  const text = hasScheme ? trimmed : `http://${trimmed}`;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'notUrl' };
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: 'notHttp' };
  }

  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, problem: 'extraParts' };
  }

  const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/i, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/** "Controller/Action" route names: letters, digits and underscores only. */
export function isRouteName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
}

/** "host:port" of a normalised server URL, for messages and logs. */
export function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host;
  } catch {
    return serverUrl;
  }
}
