/**
 * Awards: nominations (AwardNominationProcess), quotas, outside decisions, revocation, certificates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Awards")
package vn.dvk.award;
