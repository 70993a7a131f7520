/**
 * The OpenStack interop (RefStack) guideline tests for image tags, by Tempest idempotent id, so a vendor can set a
 * run beside a RefStack result.
 */
export const interopTests: Readonly<Record<string, string>> = {
  "10407036-6059-4f95-a2cd-cbbbee7ed329":
    "tempest.api.image.v2.test_images_tags.ImagesTagsTest.test_update_delete_tags_for_image",
  "39c023a2-325a-433a-9eea-649bf1414b19":
    "tempest.api.image.v2.test_images_tags_negative.ImagesTagsNegativeTest.test_delete_non_existing_tag",
};
