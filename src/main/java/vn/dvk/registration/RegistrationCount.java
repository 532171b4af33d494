package vn.dvk.registration;

/**
 * How many registrations of a plan a unit has in one field and status (the year-end summary
 * adds these up instead of reading every registration).
 */
public record RegistrationCount(String unitCode, String field, RegistrationStatus status, long count) {
}
