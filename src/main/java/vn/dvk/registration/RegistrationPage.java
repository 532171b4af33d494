package vn.dvk.registration;

import java.util.List;

/** One page of registrations, newest first. */
public record RegistrationPage(List<Registration> items, int page, int size, long totalItems, int totalPages) {
}
