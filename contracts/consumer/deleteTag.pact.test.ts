import { MatchersV3, PactV4, SpecificationVersion } from "@pact-foundation/pact";
import { ImageTagClient } from "../../src/client/ImageTagClient";
import type { DeleteTagResult } from "../../src/client/DeleteTagResult";
import { builtinProfileNames } from "../../src/profile/builtinProfiles";
import { loadProfile } from "../../src/profile/loadProfile";
import type { Profile } from "../../src/profile/Profile";
import { interactionsFor } from "../interactions";
import { errorBodyMatcher, jsonContentTypeRegex, pathFromState, pathRegex } from "../matchersFromSchema";
import { pactNames, tokenPlaceholders } from "../pactNames";
import { tempFolder } from "../../test/support/tempFolder";

// `npm run contracts` sets PACT_DIR to contracts/pacts (or a temporary folder with --check); npm test writes aside.
// Where npm run contracts asks (PACT_DIR), else a folder removed when the file ends.
const dir = process.env["PACT_DIR"] ?? tempFolder("itc-pacts-");
const exampleImage = "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90";
const missingImage = "b1d3a7e2-5c4f-4e8a-9f0b-000000000404";
const kindOf: Record<number, DeleteTagResult["kind"]> = {
  204: "deleted",
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  500: "server-error",
  503: "unavailable",
};

/** The part of pact-core's consumer handle that reads a mock server's state (by port: any handle reads any). */
interface MockServerState {
  readonly mockServerMatchedSuccessfully: (port: number) => boolean;
}

/**
 * Waits, bounded, until the mock server on `port` has recorded every request it expected. Pact's mock server
 * (pact_mock_server 2.2.1, in pact-core 19.2 / pact-ffi 0.5.4) answers a request before an event loop records the
 * match, so a busy machine could check it first and read "expected but not received" for a request it did get
 * (fixed upstream in pact_mock_server 2.2.4, whose pact-core needs Node 22). A request it truly did not get, or
 * did not match, still fails: the wait ends at the bound and executeTest judges as before.
 */
async function recorded(pact: PactV4, port: number, boundMs = 5000): Promise<void> {
  const state = (pact as unknown as { pact?: Partial<MockServerState> }).pact;
  if (typeof state?.mockServerMatchedSuccessfully !== "function")
    throw new Error("PactV4 no longer exposes its mock server handle: see recorded() in this file");
  const until = Date.now() + boundMs;
  while (!state.mockServerMatchedSuccessfully(port) && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

describe.each(builtinProfileNames)("consumer contract, %s", (name) => {
  let profile: Profile;
  beforeAll(async () => {
    profile = await loadProfile(name);
  });

  it("pins every documented status the client handles", async () => {
    const names = pactNames(profile.id);
    const pact = new PactV4({
      consumer: names.consumer,
      provider: names.provider,
      dir,
      spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
      logLevel: "error",
      host: "127.0.0.1",
    });
    const specs = interactionsFor(profile);
    expect(specs.map((s) => s.status)).toEqual(profile.documentedStatuses);
    for (const spec of specs) {
      const image = spec.imageFromState ? exampleImage : missingImage;
      const examplePath = `/v2/images/${image}/tags/${spec.tag}`;
      const path = spec.imageFromState
        ? pathFromState(profile, examplePath)
        : MatchersV3.regex(pathRegex(profile), examplePath);
      const token = spec.caller === "none" ? undefined : tokenPlaceholders[spec.caller];
      const errorHeaders: Record<string, MatchersV3.Matcher<string>> = {
        "Content-Type": MatchersV3.regex(jsonContentTypeRegex, "application/json"),
      };
      if (spec.status === 401)
        errorHeaders["WWW-Authenticate"] = MatchersV3.regex(
          ".+",
          'Keystone uri="https://keystone.example.com"',
        );
      await pact
        .addInteraction()
        .given(spec.state, { tag: spec.tag })
        .uponReceiving(`${spec.description} (${spec.status})`)
        .withRequest("DELETE", path as string, (b) => {
          b.headers({
            Accept: "application/json",
            ...(token === undefined ? {} : { [profile.authHeader]: MatchersV3.like(token) }),
          });
          if (spec.body !== undefined) b.jsonBody(spec.body);
        })
        .willRespondWith(spec.status, (b) => {
          if (spec.status !== 204) b.headers(errorHeaders).jsonBody(errorBodyMatcher(profile, spec.status));
        })
        .executeTest(async (server) => {
          const client = new ImageTagClient(server.url, profile, token);
          const result = await client.deleteTag(
            image,
            spec.tag,
            spec.body === undefined ? {} : { body: spec.body },
          );
          expect(result.kind).toBe(kindOf[spec.status]);
          await recorded(pact, server.port);
        });
    }
  });
});
