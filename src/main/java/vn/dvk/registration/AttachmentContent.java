package vn.dvk.registration;

/** An attachment with its bytes, for download. */
public record AttachmentContent(AttachmentInfo info, byte[] content) {
}
