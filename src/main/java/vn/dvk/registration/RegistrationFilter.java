package vn.dvk.registration;

/**
 * Criteria of a registration list; every one optional. {@code page} is 0-based (default 0),
 * {@code size} defaults to 20 and may not exceed 100. {@code reportOverdue}: only registrations
 * whose result report is late (true) or not (false).
 */
public record RegistrationFilter(String planCode, String unitCode, String status, String field, Integer page,
		Integer size, Boolean reportOverdue) {

	/** Without the overdue criterion (as before issue 3). */
	public RegistrationFilter(String planCode, String unitCode, String status, String field, Integer page,
			Integer size) {
		this(planCode, unitCode, status, field, page, size, null);
	}

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

}
