package vn.dvk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the tests over HTTP send and look for: a registration's body, the demo plan. */
public final class ApiFixtures {

	/** The ten items of a registration (contract.md), besides its name. */
	public static final List<String> ITEMS = List.of("situation", "objectives", "approach", "beneficiaries",
			"implementers", "resources", "timeframe", "outputs", "sustainability");

	private ApiFixtures() {
	}

	/** {@code POST /api/registrations} body of a model in the field KINH_TE, every item filled. */
	public static Map<String, Object> registrationBody(String planCode, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planCode", planCode);
		body.put("kind", "MODEL");
		body.put("field", "KINH_TE");
		body.put("name", name);
		for (String item : ITEMS) {
			body.put(item, "Nội dung " + item + " của mô hình “" + name + "”.");
		}
		return body;
	}

	/**
	 * The demo plan among {@code GET /api/plans}: open, reviewed at every level; the smallest code
	 * when tests of the same context added more.
	 */
	public static String openPlanReviewedAtEveryLevel(JsonNode plans) {
		String found = null;
		for (JsonNode p : plans) {
			String code = p.path("code").asText();
			if ("REGISTRATION_OPEN".equals(p.path("status").asText()) && "EVERY_LEVEL".equals(p.path("reviewMode").asText())
					&& (found == null || code.compareTo(found) < 0)) {
				found = code;
			}
		}
		assertThat(found).as("an open plan reviewed at every level among %s", plans).isNotNull();
		return found;
	}

}
