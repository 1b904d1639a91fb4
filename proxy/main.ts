/** `tsx proxy/main.ts [--port N] [--host H] [--root DIR]`: serve the built studio. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5177' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    root: { type: 'string', default: 'build' }
  }
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

try {
  const { url } = await startServer({ root: resolve(values.root!), host: values.host, port });
  console.log(`Sous studio: ${url}`);
} catch (err) {
  const code = (err as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `port ${port} is already in use; start with --port another, e.g. npm start -- --port 5178`
      : `could not start: ${err instanceof Error ? err.message : err}`
  );
  process.exit(1);
}
