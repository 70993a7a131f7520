import fc from "fast-check";

export type ImageIdClass = "missing-uuid-v4" | "upper-case" | "braces" | "short" | "overlong";

export interface ImageIdCase {
  readonly imageId: string;
  readonly idClass: ImageIdClass;
}

/** Image ids that name no image: random UUID v4s, and malformed ids by named class. */
export const missingImageId: fc.Arbitrary<ImageIdCase> = fc
  .uuid({ version: 4 })
  .map((imageId) => ({ imageId, idClass: "missing-uuid-v4" as const }));

export const malformedImageId: fc.Arbitrary<ImageIdCase> = fc.uuid({ version: 4 }).chain((u) =>
  fc.oneof(
    fc.constant({ imageId: u.toUpperCase(), idClass: "upper-case" as const }),
    fc.constant({ imageId: `{${u}}`, idClass: "braces" as const }),
    fc.integer({ min: 1, max: 35 }).map((n) => ({ imageId: u.slice(0, n), idClass: "short" as const })),
    fc
      .string({ unit: fc.constantFrom(...Array.from("0123456789abcdef")), minLength: 1, maxLength: 64 })
      .map((x) => ({ imageId: `${u}${x}`, idClass: "overlong" as const })),
  ),
);
