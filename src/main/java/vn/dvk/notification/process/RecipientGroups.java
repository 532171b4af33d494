package vn.dvk.notification.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the {@code recipientGroups} input variable: a Collection of group ids, a Spin JSON list,
 * a JSON list as text, or a comma-separated String.
 */
final class RecipientGroups {

	private RecipientGroups() {
	}

	static List<String> parse(Object value) {
		Collection<?> raw;
		if (value == null) {
			raw = List.of();
		}
		else if (value instanceof Collection<?> collection) {
			raw = collection;
		}
		else if (value instanceof SpinJsonNode json) {
			raw = fromJson(json);
		}
		else if (value instanceof String[] array) {
			raw = Arrays.asList(array);
		}
		else if (value.toString().trim().startsWith("[")) {
			raw = fromJson(Spin.JSON(value.toString()));
		}
		else {
			raw = Arrays.asList(value.toString().split(","));
		}
		LinkedHashSet<String> groups = new LinkedHashSet<>();
		raw.stream().filter(Objects::nonNull).map(Object::toString).map(String::trim).filter(g -> !g.isEmpty())
			.forEach(groups::add);
		return List.copyOf(groups);
	}

	private static List<String> fromJson(SpinJsonNode json) {
		if (json.isString()) {
			return parse(json.stringValue());
		}
		if (!json.isArray()) {
			throw new IllegalArgumentException("recipientGroups must be a list of group ids, not " + json);
		}
		List<String> groups = new ArrayList<>();
		for (SpinJsonNode element : json.elements()) {
			groups.add(element.isString() ? element.stringValue() : element.toString());
		}
		return groups;
	}

}
