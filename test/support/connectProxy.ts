import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";

/**
 * An HTTP CONNECT proxy on loopback that knows hosts no resolver does: a run that reaches them went through it.
 * It counts the tunnels it opened.
 */
export async function startConnectProxy(
  routes: Readonly<Record<string, string>>,
): Promise<{ url: string; tunnels: () => number; close: () => Promise<void> }> {
  let tunnels = 0;
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on("connect", (req, client, head) => {
    const to = routes[req.url ?? ""];
    if (to === undefined) {
      client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      return;
    }
    const [host, port] = to.split(":");
    const upstream = connect(Number(port), host ?? "127.0.0.1", () => {
      tunnels += 1;
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
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
        server.close(() => {
          resolve();
        });
      }),
  };
}
