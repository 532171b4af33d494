package vn.dvk.registration;

/** How many registrations of one unit are in one status under a plan (the season board's cells). */
public record UnitStatusCount(String unitCode, RegistrationStatus status, long count) {
}
