import type { ReferenceBehaviour } from "./RefExchange";
import { addImageTag } from "./handlers/addImageTag";
import { createImage } from "./handlers/createImage";
import { createImageMember } from "./handlers/createImageMember";
import { deleteImage } from "./handlers/deleteImage";
import { deleteImageTag } from "./handlers/deleteImageTag";
import { showImage } from "./handlers/showImage";
import { updateImageMember } from "./handlers/updateImageMember";

/** The faithful reference: tokens map to identities; every operation behaves as Glance documents it. */
export const defaultBehaviour: ReferenceBehaviour = {
  authenticate: (token, identities) =>
    token === undefined ? undefined : identities.find((i) => i.token === token),
  handlers: {
    deleteImageTag,
    addImageTag,
    createImage,
    showImage,
    deleteImage,
    createImageMember,
    updateImageMember,
  },
};
