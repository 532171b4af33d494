package vn.dvk.recognition.web;

import org.springframework.web.util.UriComponentsBuilder;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RegisterQuery;

/**
 * The filters of the public list as understood: anything not understood (a year that is no
 * number, an unknown outcome) is no filter rather than an error, as a bookmark may be old.
 */
record PublicModelFilters(String q, String field, String unit, Integer year, RecognitionOutcome outcome,
		RegisterQuery.Sort sort) {

	static final String PATH = "/public/models";

	static PublicModelFilters of(String q, String field, String unit, String year, String outcome, String sort) {
		return new PublicModelFilters(text(q, 200), text(field, 40), text(unit, 80), year(year), outcome(outcome),
				sort(sort));
	}

	static int pageNumber(String page) {
		try {
			int number = Integer.parseInt(page == null ? "" : page.strip());
			return number > 0 ? number - 1 : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	RegisterQuery query(int page, int size) {
		return new RegisterQuery(q, field, unit, year, outcome, sort, Math.max(0, page), size);
	}

	public boolean any() {
		return q != null || field != null || unit != null || year != null || outcome != null;
	}

	/** The address of a page (from 0) with these filters; page 1 and the default order are left out. */
	String href(int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
		param(uri, "q", q);
		param(uri, "field", field);
		param(uri, "unit", unit);
		param(uri, "year", year);
		param(uri, "outcome", outcome == null ? null : outcome.name());
		param(uri, "sort", sort == RegisterQuery.Sort.NEWEST ? null : sort.name());
		param(uri, "page", page > 0 ? page + 1 : null);
		return uri.encode().build().toUriString();
	}

	private static void param(UriComponentsBuilder uri, String name, Object value) {
		if (value != null) {
			uri.queryParam(name, value);
		}
	}

	private static String text(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() > max ? stripped.substring(0, max) : stripped;
	}

	private static Integer year(String value) {
		try {
			int year = Integer.parseInt(value == null ? "" : value.strip());
			return year >= 1900 && year <= 2200 ? year : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static RecognitionOutcome outcome(String value) {
		for (RecognitionOutcome o : RecognitionOutcome.values()) {
			if (o.recognized() && o.name().equals(value == null ? null : value.strip())) {
				return o;
			}
		}
		return null;
	}

	private static RegisterQuery.Sort sort(String value) {
		for (RegisterQuery.Sort s : RegisterQuery.Sort.values()) {
			if (s.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
				return s;
			}
		}
		return RegisterQuery.Sort.NEWEST;
	}

}
