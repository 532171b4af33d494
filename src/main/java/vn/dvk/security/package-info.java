/**
 * Who the caller is and what they may see: groups of contract.md mapped to units.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package vn.dvk.security;
