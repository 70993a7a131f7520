import { deleteAbsentTag } from "./examples/deleteAbsentTag";
import { deletePresentTag } from "./examples/deletePresentTag";
import { deleteTagTwice } from "./examples/deleteTagTwice";
import { injectedInternalError, injectedUnavailable } from "./examples/injectedFault";
import { malformedToken } from "./examples/malformedToken";
import { missingImage } from "./examples/missingImage";
import { noToken } from "./examples/noToken";
import { otherProjectPrivateImage } from "./examples/otherProjectPrivateImage";
import { requestBody } from "./examples/requestBody";
import { sharedImageNotModifiable } from "./examples/sharedImageNotModifiable";
import { tagOutsideSchema } from "./examples/tagOutsideSchema";
import type { Scenario } from "./Scenario";

/** Every scenario of the suite, in the order a run executes them. */
export const allScenarios: readonly Scenario[] = [
  deletePresentTag,
  deleteAbsentTag,
  deleteTagTwice,
  missingImage,
  otherProjectPrivateImage,
  sharedImageNotModifiable,
  noToken,
  malformedToken,
  requestBody,
  tagOutsideSchema,
  injectedInternalError,
  injectedUnavailable,
];
