/**
 * Review up the unit tree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review up the unit tree")
package vn.dvk.review;
