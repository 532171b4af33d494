/**
 * Notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.dvk.notification;
