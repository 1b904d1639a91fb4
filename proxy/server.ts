/**
 * The local server `npm start` runs: the built studio on one port. The CORS proxy for other sites' APIs
 * joins this server (issue 4); it can also run alone for a team.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticFiles } from './static-files';

export interface ServerOptions {
  /** The folder of the built app. */
  root: string;
  host?: string;
  port?: number;
}

export async function startServer(options: ServerOptions): Promise<{ server: Server; url: string }> {
  const serve = staticFiles(options.root);
  const server = createServer((req, res) => {
    serve(req, res).catch((err) => {
      console.error(`error serving ${req.url}: ${err instanceof Error ? err.message : err}`);
      if (!res.headersSent) res.writeHead(500).end('internal error');
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
}
