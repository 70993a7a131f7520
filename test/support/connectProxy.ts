import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

/**
 * An HTTP CONNECT proxy on loopback that knows hosts no resolver does: a run that reaches them went through it.
 * It counts the tunnels it opened.
 */
export async function startConnectProxy(
  routes: Readonly<Record<string, string>>,
): Promise<{ url: string; tunnels: () => number; close: () => Promise<void> }> {
  let tunnels = 0;
  // Tunnels are no longer the HTTP server's connections: close() ends them itself, whatever their ends did.
  const open = new Set<Duplex>();
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on("connect", (req, client, head) => {
    const to = routes[req.url ?? ""];
    if (to === undefined) {
      client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      return;
    }
    const [host, port] = to.split(":");
    open.add(client);
    client.on("close", () => open.delete(client));
    const upstream = connect(Number(port), host ?? "127.0.0.1", () => {
      tunnels += 1;
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels: () => tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const s of open) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
