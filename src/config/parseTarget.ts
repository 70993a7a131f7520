import { withoutUserinfo } from "../util/withoutUserinfo";
import { ConfigError } from "./ConfigError";

/** --target: an http(s) URL of the Image API's base, without credentials and without the /v2 the suite adds. */
export function parseTarget(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      "bad-target",
      `--target "${withoutUserinfo(raw)}" is not a URL (expected e.g. https://image.example.com:9292)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError("bad-target", `--target must be an http or https URL, not ${url.protocol}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new ConfigError("bad-target", "--target must not carry credentials; give the token in ITC_TOKEN");
  }
  if (url.search !== "" || url.hash !== "")
    throw new ConfigError("bad-target", "--target must not have a query or fragment");
  const base = url.href.replace(/\/+$/, "");
  if (/\/v2$/.test(base))
    throw new ConfigError(
      "bad-target",
      `--target is the Image API's base URL: drop the trailing /v2 (${base})`,
    );
  return base;
}
