import { judgeScenario } from "../coverage/judgeScenario";

/**
 * Property 5: any tag outside the profile's tag schema answers 400 and changes nothing (huawei-ims seed: "The tag
 * can contain only digits, letters, underscores (_), and hyphens (-)"; openstack-glance: at most 255
 * characters; and 400 or 404 there, x-itc-outside-schema), on the caller's own image; on another's image or none
 * the image's property takes it (400 or its 404/403, unordered). --lenient accepts 404 as a deviation.
 */
export const invalidTagProperty = judgeScenario({
  id: "400-prop-invalid-tag",
  judge: "invalid-tag",
  title: "any tag outside the profile's tag schema answers 400",
  expected:
    "for every tag the schema rejects (characters outside the pattern, lengths beyond maxLength), on an own image: 400 (or as the profile's x-itc-outside-schema allows); the image's tags and fields unchanged",
  profiles:
    "profiles whose tag schema rejects some tag a path segment carries (huawei-ims, openstack-glance)",
});
