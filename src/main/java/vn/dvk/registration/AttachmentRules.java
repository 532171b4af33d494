package vn.dvk.registration;

import java.util.List;

/**
 * What an attachment may be, for forms that check a file before uploading it (the server checks
 * again): the largest size, how many files a registration holds, the accepted file name
 * extensions and content types (the server decides the type from the bytes).
 */
public record AttachmentRules(long maxBytes, int maxFiles, List<String> extensions, List<String> contentTypes) {
}
