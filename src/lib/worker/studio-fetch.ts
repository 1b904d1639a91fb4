/**
 * The http connector's fetch in the studio: a browser cannot call most APIs directly (CORS), so requests
 * to other origins go through the local proxy that serves the studio; requests to the studio's own origin
 * go straight. The proxy hands its token to same-origin pages only.
 */
import { fetchProxyToken, proxiedFetch } from '../../../proxy/client';

export function studioFetch(origin: string, base: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  const viaProxy = proxiedFetch({ proxy: origin, token: () => fetchProxyToken(origin, base), fetch: base });
  return (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    return target.origin === origin ? base(input, init) : viaProxy(input, init);
  };
}
