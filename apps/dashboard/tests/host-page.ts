/**
 * Another site that embeds Puente: a tiny HTTP server on its own port (so its own origin) serving one HTML page,
 * for the embed tests. E2E_PORT + 1 is allowed to frame embeds (playwright.config.ts); other ports are not.
 */
import { createServer, type Server } from 'node:http';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);

export interface HostPage {
  url: string;
  close(): Promise<void>;
}

export async function hostPage(port: number, body: string): Promise<HostPage> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner report</title></head>
<body><h1>Our partnership in numbers</h1>${body}<p id="after">After the chart</p></body></html>`;
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
