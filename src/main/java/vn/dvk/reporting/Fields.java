package vn.dvk.reporting;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.dvk.plan.PlanField;

/**
 * The fields (lĩnh vực) the register knows: the four standard ones and Nông thôn mới, which
 * some provinces add. A plan may name others; their names then come from the plan.
 */
final class Fields {

	static final Map<String, String> KNOWN;

	static {
		Map<String, String> known = new LinkedHashMap<>();
		PlanField.standard().forEach(f -> known.put(f.code(), f.name()));
		known.put("NONG_THON_MOI", "Nông thôn mới");
		KNOWN = java.util.Collections.unmodifiableMap(known);
	}

	private Fields() {
	}

	/** The field code of a code or Vietnamese name (Văn hóa – xã hội, van hoa - xa hoi, VAN_HOA_XA_HOI). */
	static Optional<String> code(String value) {
		String key = slug(value).toUpperCase(Locale.ROOT);
		return KNOWN.containsKey(key) ? Optional.of(key) : Optional.empty();
	}

	static String name(String code) {
		return KNOWN.getOrDefault(code, code);
	}

	/**
	 * Lower case ASCII words joined by underscore: diacritics removed (đ becomes d), anything not
	 * a letter or digit a separator. Tên mô hình → ten_mo_hinh, Văn hóa – xã hội → van_hoa_xa_hoi.
	 */
	static String slug(String value) {
		if (value == null) {
			return "";
		}
		String ascii = Normalizer.normalize(value.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "");
		return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
	}

}
