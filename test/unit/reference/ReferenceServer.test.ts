import request from "supertest";
import type { ReferenceServer } from "../../../src/reference/ReferenceServer";
import type { FaultPlan } from "../../../src/reference/FaultPlan";
import { profile } from "../../support/profiles";
import { startReference, tokens } from "../../support/reference";

let server: ReferenceServer;
let url: string;
let faults: FaultPlan;
const owner = { "X-Auth-Token": tokens.owner, Accept: "application/json" };
const alt = { "X-Auth-Token": tokens.alt, Accept: "application/json" };

beforeAll(async () => {
  ({ server, url, faults } = await startReference(await profile("huawei-ims")));
});
afterAll(() => server.close());

async function image(visibility: string, tags: string[]): Promise<string> {
  const res = await request(url).post("/v2/images").set(owner).send({ name: "t", visibility, tags });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

describe("reference implementation", () => {
  it("deletes a present tag with 204 and no body, and 404s the second time", async () => {
    const id = await image("private", ["a", "b"]);
    const first = await request(url).delete(`/v2/images/${id}/tags/a`).set(owner);
    expect([first.status, first.text]).toEqual([204, ""]);
    const shown = await request(url).get(`/v2/images/${id}`).set(owner);
    expect((shown.body as { tags: string[] }).tags).toEqual(["b"]);
    expect((await request(url).delete(`/v2/images/${id}/tags/a`).set(owner)).status).toBe(404);
  });

  it("401 with WWW-Authenticate; JSON or text errors by Accept", async () => {
    const id = await image("private", ["a"]);
    const json = await request(url).delete(`/v2/images/${id}/tags/a`).set("Accept", "application/json");
    expect(json.status).toBe(401);
    expect(json.headers["www-authenticate"]).toMatch(/^Keystone uri=/);
    expect(json.body).toEqual({
      message: expect.any(String) as string,
      code: "401 Unauthorized",
      title: "Unauthorized",
    });
    const text = await request(url)
      .delete(`/v2/images/${id}/tags/a`)
      .set("Accept", "text/html")
      .set("X-Auth-Token", "bogus");
    expect(text.status).toBe(401);
    expect(text.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it("404 for another project's private image, 403 for a shared one it accepted", async () => {
    const priv = await image("private", ["a"]);
    expect((await request(url).delete(`/v2/images/${priv}/tags/a`).set(alt)).status).toBe(404);
    const shared = await image("shared", ["a"]);
    expect(
      (await request(url).post(`/v2/images/${shared}/members`).set(owner).send({ member: "p-alt" })).status,
    ).toBe(200);
    expect(
      (await request(url).put(`/v2/images/${shared}/members/p-alt`).set(alt).send({ status: "accepted" }))
        .status,
    ).toBe(200);
    expect((await request(url).get(`/v2/images/${shared}`).set(alt)).status).toBe(200);
    expect((await request(url).delete(`/v2/images/${shared}/tags/a`).set(alt)).status).toBe(403);
  });

  it("400 for a DELETE with a body and for a tag outside the huawei-ims alphabet", async () => {
    const id = await image("private", ["a"]);
    expect((await request(url).delete(`/v2/images/${id}/tags/a`).set(owner).send({ x: 1 })).status).toBe(400);
    expect((await request(url).delete(`/v2/images/${id}/tags/a.b`).set(owner)).status).toBe(400);
    expect((await request(url).get(`/v2/images/${id}`).set(owner)).body).toMatchObject({ tags: ["a"] });
  });

  it("injects a fault only from the in-process plan, once", async () => {
    const id = await image("private", ["a"]);
    faults.inject("deleteImageTag", 503);
    const failed = await request(url).delete(`/v2/images/${id}/tags/a`).set(owner);
    expect([failed.status, (failed.body as { code: string }).code]).toEqual([503, "503 Service Unavailable"]);
    expect((await request(url).delete(`/v2/images/${id}/tags/a`).set(owner)).status).toBe(204);
  });

  it("serves the version document at the root without a token, like Glance", async () => {
    const res = await request(url).get("/");
    expect(res.status).toBe(300);
    expect(res.body).toMatchObject({ versions: [{ id: "v2.15", status: "CURRENT" }] });
  });

  it("405 for a method the document does not describe, 404 for an unknown path", async () => {
    expect((await request(url).patch("/v2/images/x/tags/y").set(owner)).status).toBe(405);
    expect((await request(url).get("/v3/nothing").set(owner)).status).toBe(404);
  });
});
