/**
 * Registrations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registrations")
package vn.dvk.registration;
