/**
 * System (embedded defaults, demo data, errors).
 */
@org.springframework.modulith.ApplicationModule(displayName = "System (embedded defaults, demo data, errors)")
package vn.dvk.system;
