/**
 * Plans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package vn.dvk.plan;
