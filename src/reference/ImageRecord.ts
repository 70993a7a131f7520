export type Visibility = "private" | "shared" | "public" | "community";
export type MemberStatus = "pending" | "accepted" | "rejected";

export interface MemberRecord {
  status: MemberStatus;
  createdAt: string;
  updatedAt: string;
}

/** An image as the reference stores it: metadata only, no data is ever uploaded. */
export interface ImageRecord {
  readonly id: string;
  name: string | null;
  readonly owner: string;
  visibility: Visibility;
  /** An ordered set: tags are case-sensitive strings. */
  tags: string[];
  readonly members: Map<string, MemberRecord>;
  readonly createdAt: string;
  updatedAt: string;
  /** Other fields of the view, as set (a broken variant that sets min_disk): they override the defaults. */
  readonly fields: Record<string, unknown>;
}

/** Who may see an image (Glance's visibility rules): invisible images answer 404. */
export function canSee(image: ImageRecord, projectId: string): boolean {
  if (image.owner === projectId) return true;
  if (image.visibility === "public" || image.visibility === "community") return true;
  return image.visibility === "shared" && image.members.has(projectId);
}

/** Only the owner may modify an image; a visible image of someone else answers 403. */
export function canModify(image: ImageRecord, projectId: string): boolean {
  return image.owner === projectId;
}

/** The image as Glance's API v2 shows it. */
export function imageView(image: ImageRecord): Record<string, unknown> {
  return {
    id: image.id,
    name: image.name,
    status: "queued",
    visibility: image.visibility,
    protected: false,
    os_hidden: false,
    owner: image.owner,
    tags: [...image.tags],
    created_at: image.createdAt,
    updated_at: image.updatedAt,
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: "/v2/schemas/image",
    min_disk: 0,
    min_ram: 0,
    container_format: null,
    disk_format: null,
    size: null,
    virtual_size: null,
    checksum: null,
    ...image.fields,
  };
}

export function memberView(imageId: string, memberId: string, m: MemberRecord): Record<string, unknown> {
  return {
    image_id: imageId,
    member_id: memberId,
    status: m.status,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    schema: "/v2/schemas/member",
  };
}
