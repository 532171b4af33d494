package vn.dvk.recognition;

/**
 * A search of the public register of recognised models. Every criterion is optional (null: any).
 *
 * @param text     words of the name, compared without diacritics and case, each word a prefix
 *                 ("cho ca" finds "Chợ cá an toàn")
 * @param field    field code (KINH_TE ...)
 * @param unitCode unit code
 * @param year     year of recognition
 * @param outcome  RECOGNIZED or RECOGNIZED_TYPICAL
 * @param sort     order of the page
 * @param page     page number from 0
 * @param size     rows per page, 1 to {@value #MAX_SIZE}
 */
public record RegisterQuery(String text, String field, String unitCode, Integer year, RecognitionOutcome outcome,
		Sort sort, int page, int size) {

	public static final int MAX_SIZE = 100;

	public RegisterQuery {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + MAX_SIZE);
		}
		sort = sort == null ? Sort.NEWEST : sort;
	}

	/** Orders of the register's list; each ends on the id, so pages never overlap. */
	public enum Sort {

		/** Newest year first, then by name. */
		NEWEST,
		/** By name (without regard to diacritics), then newest first. */
		NAME,
		/** Oldest year first, then by name. */
		OLDEST

	}

}
