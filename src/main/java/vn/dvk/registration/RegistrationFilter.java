package vn.dvk.registration;

/**
 * Criteria of a registration list; every one optional. {@code page} is 0-based (default 0),
 * {@code size} defaults to 20 and may not exceed 100.
 */
public record RegistrationFilter(String planCode, String unitCode, String status, String field, Integer page,
		Integer size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

}
