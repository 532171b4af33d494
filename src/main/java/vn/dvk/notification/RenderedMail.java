package vn.dvk.notification;

/**
 * A rendered email: plain-text subject and HTML body.
 */
record RenderedMail(String subject, String html) {
}
