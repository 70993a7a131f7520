import type { Profile } from "../profile/Profile";
import { operationsOf } from "../profile/operationSpec";

interface Route {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly operations: ReadonlyMap<string, string>;
}

export type RouteMatch =
  | { readonly kind: "operation"; readonly operationId: string; readonly params: Record<string, string> }
  | { readonly kind: "bad-method"; readonly allow: readonly string[] }
  | { readonly kind: "bad-encoding" }
  | { readonly kind: "none" };

/** Routes requests to operationIds using the paths of the profile's OpenAPI document. */
export class Router {
  private readonly routes: Route[] = [];

  constructor(profile: Profile) {
    const byPath = new Map<string, Map<string, string>>();
    for (const [path, method, , op] of operationsOf(profile.document)) {
      const ops = byPath.get(path) ?? new Map<string, string>();
      ops.set(method.toUpperCase(), op.operationId ?? `${method} ${path}`);
      byPath.set(path, ops);
    }
    for (const [path, operations] of byPath) {
      const names: string[] = [];
      const source = path
        .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
          names.push(name);
          return "([^/]+)";
        });
      this.routes.push({ pattern: new RegExp(`^${source}$`), names, operations });
    }
  }

  match(method: string, rawPath: string): RouteMatch {
    for (const route of this.routes) {
      const m = route.pattern.exec(rawPath);
      if (m === null) continue;
      const operationId = route.operations.get(method);
      if (operationId === undefined) return { kind: "bad-method", allow: [...route.operations.keys()] };
      const params: Record<string, string> = {};
      try {
        route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? "")));
      } catch {
        return { kind: "bad-encoding" };
      }
      return { kind: "operation", operationId, params };
    }
    return { kind: "none" };
  }
}
