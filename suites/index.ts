import { deleteAbsentTag } from "./examples/deleteAbsentTag";
import { deletePresentTag } from "./examples/deletePresentTag";
import { deleteTagTwice } from "./examples/deleteTagTwice";
import { injectedInternalError, injectedUnavailable } from "./examples/injectedFault";
import { malformedToken } from "./examples/malformedToken";
import { missingImage } from "./examples/missingImage";
import { noToken } from "./examples/noToken";
import { otherImageUntouched } from "./examples/otherImageUntouched";
import { otherProjectPrivateImage } from "./examples/otherProjectPrivateImage";
import { requestBody } from "./examples/requestBody";
import { sharedImageNotModifiable } from "./examples/sharedImageNotModifiable";
import { tagOutsideSchema } from "./examples/tagOutsideSchema";
import { concurrentDistinct, concurrentSameTag } from "./concurrency/concurrentDeletes";
import { tagSetModel } from "./model/tagSetModel";
import { absentTagProperty } from "./properties/absentTagProperty";
import { deletePresentProperty } from "./properties/deletePresentProperty";
import { invalidTagProperty } from "./properties/invalidTagProperty";
import { missingImageProperty } from "./properties/missingImageProperty";
import { noValidTokenOtherProperty } from "./properties/noValidTokenOtherProperty";
import { noValidTokenProperty } from "./properties/noValidTokenProperty";
import { notOwnImageProperty } from "./properties/notOwnImageProperty";
import { requestBodyProperty } from "./properties/requestBodyProperty";
import type { Profile } from "../src/profile/Profile";
import { flaggedScenarios } from "./flagged/flaggedTagScenario";
import type { Scenario } from "../src/engine/Scenario";

/** Every scenario of the suite, in the order a run executes them. */
export const allScenarios: readonly Scenario[] = [
  deletePresentTag,
  otherImageUntouched,
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
  noValidTokenProperty,
  noValidTokenOtherProperty,
  deletePresentProperty,
  tagSetModel,
  absentTagProperty,
  missingImageProperty,
  notOwnImageProperty,
  invalidTagProperty,
  requestBodyProperty,
  concurrentDistinct,
  concurrentSameTag,
];

/** The suite for a profile: every scenario, then one per flagged rule of its tag parameter (x-itc-flagged). */
export function suiteScenarios(profile: Profile): readonly Scenario[] {
  return [...allScenarios, ...flaggedScenarios(profile)];
}
