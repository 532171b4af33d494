/**
 * The organisation as data: a tree of units with levels, loaded from {@code config/org/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package vn.dvk.organization;
