import type { ReferenceBehaviour } from "./RefExchange";
import { renderError } from "./renderError";
import { addImageTag } from "./handlers/addImageTag";
import { createImage } from "./handlers/createImage";
import { createImageMember } from "./handlers/createImageMember";
import { deleteImage } from "./handlers/deleteImage";
import { deleteImageTag } from "./handlers/deleteImageTag";
import { listImages } from "./handlers/listImages";
import { showImage } from "./handlers/showImage";
import { updateImageMember } from "./handlers/updateImageMember";

/** The faithful reference: tokens map to identities; every operation behaves as Glance documents it. */
export const defaultBehaviour: ReferenceBehaviour = {
  authenticate: (token, identities) =>
    token === undefined ? undefined : identities.find((i) => i.token === token && i.revoked !== true),
  // RFC 9110 section 15.5.2: a 401 carries WWW-Authenticate; Glance names Keystone's URI.
  unauthenticated: (baseUrl) => ({
    status: 401,
    error: "The request you have made requires authentication.",
    headers: { "WWW-Authenticate": `Keystone uri="${baseUrl}/identity"` },
  }),
  renderError,
  handlers: {
    deleteImageTag,
    addImageTag,
    createImage,
    showImage,
    deleteImage,
    createImageMember,
    updateImageMember,
    listImages,
  },
};
