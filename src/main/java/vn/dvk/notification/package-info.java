/**
 * Notifications: email to the members of Camunda groups through a transactional outbox
 * ({@code mail_outbox}, one row per recipient), sent by a scheduled dispatcher with retries;
 * GreenMail as the embedded SMTP/IMAP server of the default profile; the operators' mailbox
 * page {@code /ops/mailbox}; the BPMN glue {@code sendNotificationDelegate} and
 * {@code notifyCandidateGroupsListener}. See docs/notification.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.dvk.notification;
