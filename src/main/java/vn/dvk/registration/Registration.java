package vn.dvk.registration;

import java.time.Instant;

/**
 * A registered model or exemplar of one unit under one plan.
 */
public record Registration(String code, String planCode, String unitCode, RegistrationKind kind, String field,
		boolean continuing, String previousRegistrationCode, RegistrationItems items, RegistrationStatus status,
		String createdBy, Instant createdAt, Instant updatedAt, Instant submittedAt) {

	public String name() {
		return items.name();
	}

}
