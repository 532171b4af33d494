package vn.dvk.recognition.process;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import vn.dvk.recognition.RecognitionDecisions;

/**
 * The batch outcome of contract.md for {@code UserTask_ConfirmOutcomes}: {@code outcomes} is a JSON
 * object (a String, Spin JSON or a Map) with exactly the session's registration codes, each
 * RECOGNIZE, RECOGNIZE_TYPICAL or NOT_RECOGNIZE; {@code comment} is required when any is
 * NOT_RECOGNIZE.
 */
public final class RecognitionOutcomesContract {

	static final Set<String> VALUES = Set.of(RecognitionDecisions.RECOGNIZE, RecognitionDecisions.RECOGNIZE_TYPICAL,
			RecognitionDecisions.NOT_RECOGNIZE);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages.recognition", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	private RecognitionOutcomesContract() {
	}

	/**
	 * @return registration code → decision, in the session's order
	 * @throws InvalidOutcomesException with a Vietnamese message
	 */
	public static Map<String, String> validate(Object outcomes, Object comment, Collection<String> sessionCodes) {
		Map<String, String> given = parse(outcomes);
		List<String> missing = sessionCodes.stream().filter(code -> !given.containsKey(code)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidOutcomesException(RecognitionReviewProcess.Vars.OUTCOMES,
					message("recognition.outcomes.missing", String.join(", ", missing)));
		}
		List<String> unknown = given.keySet().stream().filter(code -> !sessionCodes.contains(code)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidOutcomesException(RecognitionReviewProcess.Vars.OUTCOMES,
					message("recognition.outcomes.unknown", String.join(", ", unknown)));
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		List<String> notRecognized = new ArrayList<>();
		for (String code : sessionCodes) {
			String value = given.get(code);
			if (value == null || !VALUES.contains(value)) {
				throw new InvalidOutcomesException(RecognitionReviewProcess.Vars.OUTCOMES,
						message("recognition.outcomes.invalid", value, code));
			}
			if (RecognitionDecisions.NOT_RECOGNIZE.equals(value)) {
				notRecognized.add(code);
			}
			ordered.put(code, value);
		}
		if (!notRecognized.isEmpty() && (comment == null || comment.toString().isBlank())) {
			throw new InvalidOutcomesException(RecognitionReviewProcess.Vars.COMMENT,
					message("recognition.outcomes.commentRequired", String.join(", ", notRecognized)));
		}
		return ordered;
	}

	/** A JSON object as text (what Tasklist's text area and the API's String or Json variable give) or a Map. */
	private static Map<String, String> parse(Object outcomes) {
		Map<String, String> result = new LinkedHashMap<>();
		if (outcomes instanceof Map<?, ?> map) {
			map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : v.toString()));
			return result;
		}
		JsonNode node;
		try {
			node = outcomes == null || outcomes.toString().isBlank() ? null : JSON.readTree(outcomes.toString());
		}
		catch (Exception ex) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			throw new InvalidOutcomesException(RecognitionReviewProcess.Vars.OUTCOMES,
					message("recognition.outcomes.invalidJson"));
		}
		node.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
				: e.getValue().toString()));
		return result;
	}

	/** The decisions as a JSON object text (the String value of {@code outcomes}). */
	public static String toJson(Map<String, String> outcomes) {
		try {
			return JSON.writeValueAsString(outcomes);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String message(String key, Object... args) {
		return new MessageFormat(MESSAGES.getString(key), Locale.forLanguageTag("vi")).format(args);
	}

	/**
	 * A completion that breaks the contract: a {@link FormFieldValidationException}, which engine-rest
	 * and Tasklist answer with 400 when it reaches them unwrapped (see {@link RecognitionOutcomesInterceptor}).
	 */
	public static class InvalidOutcomesException extends FormFieldValidationException {

		private static final long serialVersionUID = 1L;

		public InvalidOutcomesException(String field, String message) {
			super(field, message);
		}

	}

}
