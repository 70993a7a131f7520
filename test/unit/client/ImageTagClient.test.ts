import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ImageTagClient } from "../../../src/client/ImageTagClient";
import { profile } from "../../support/profiles";

let server: Server;
let url: string;
let answer: { status: number; body: string; headers?: Record<string, string> } = { status: 204, body: "" };

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
    res.end(answer.body === "" ? undefined : answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    }),
);

describe("ImageTagClient.deleteTag", () => {
  it("maps each documented status to its member, with the parsed error body", async () => {
    const client = new ImageTagClient(url, await profile("huawei-ims"), "a-token-123");
    answer = { status: 204, body: "" };
    expect(await client.deleteTag("i", "t")).toEqual({ kind: "deleted", status: 204 });
    answer = { status: 401, body: '{"message":"m"}', headers: { "WWW-Authenticate": "Keystone" } };
    expect(await client.deleteTag("i", "t")).toEqual({
      kind: "unauthorized",
      status: 401,
      error: { message: "m" },
      challenge: "Keystone",
    });
    answer = { status: 503, body: "{}" };
    expect(await client.deleteTag("i", "t")).toMatchObject({ kind: "unavailable", status: 503 });
  });

  it("never maps silently: an undocumented status, a body on 204, or a non-JSON error are undocumented", async () => {
    const glance = new ImageTagClient(url, await profile("openstack-glance"), undefined);
    for (const a of [
      { status: 200, body: "" },
      { status: 500, body: "{}" },
      { status: 404, body: "not json" },
    ]) {
      answer = a;
      expect(await glance.deleteTag("i", "t")).toEqual({
        kind: "undocumented",
        status: a.status,
        body: a.body,
      });
    }
  });
});
