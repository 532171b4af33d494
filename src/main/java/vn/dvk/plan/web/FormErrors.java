package vn.dvk.plan.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import vn.dvk.shared.DvkException;

/**
 * Vietnamese error messages of a form, by the path of the field they belong to (the service's
 * JSON paths: {@code title}, {@code criteria[1].weight}, {@code season.councilSessionAt}). A
 * list element's error ({@code scopeUnitCodes[3]}) also counts for the list.
 */
record FormErrors(Map<String, List<String>> byField, List<String> all) {

	private static final Locale VI = Locale.forLanguageTag("vi");

	static FormErrors none() {
		return new FormErrors(Map.of(), List.of());
	}

	static FormErrors of(DvkException ex, MessageSource messages) {
		FormErrors errors = new FormErrors(new LinkedHashMap<>(), new ArrayList<>());
		ex.fieldErrors()
			.forEach(f -> errors.add(f.field(), messages.getMessage(f.messageKey(), f.args(), f.messageKey(), VI)));
		if (ex.fieldErrors().isEmpty()) {
			errors.all.add(messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), VI));
		}
		return errors;
	}

	/** Values the browser sent that are not numbers or dates ({@code year=abc}). */
	static FormErrors of(BindingResult binding, MessageSource messages) {
		FormErrors errors = new FormErrors(new LinkedHashMap<>(), new ArrayList<>());
		for (FieldError f : binding.getFieldErrors()) {
			String field = f.getField().replaceAll("\\.(date|time)$", "");
			errors.add(field, messages.getMessage("season.editor.invalidValue", null, VI));
		}
		return errors;
	}

	private void add(String field, String message) {
		byField.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
		int bracket = field.indexOf('[');
		if (bracket > 0 && field.endsWith("]")) {
			byField.computeIfAbsent(field.substring(0, bracket), k -> new ArrayList<>()).add(message);
		}
		all.add(message);
	}

	public boolean any() {
		return !all.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public List<String> of(String field) {
		return byField.getOrDefault(field, List.of());
	}

}
