package vn.dvk.review;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import vn.dvk.shared.FormText;

/**
 * The outcome rule of every approval-like user task (contract.md, "Human tasks and their
 * outcome"): {@code decision} is one of the task's allowed values and {@code comment} is
 * required when the decision sends the work back or turns it down.
 */
public final class DecisionContract {

	public static final String DECISION = "decision";

	public static final String COMMENT = "comment";

	public static final String APPROVE = "APPROVE";

	public static final String RETURN = "RETURN";

	public static final String REJECT = "REJECT";

	public static final String RECOGNIZE = "RECOGNIZE";

	public static final String RECOGNIZE_TYPICAL = "RECOGNIZE_TYPICAL";

	public static final String NOT_RECOGNIZE = "NOT_RECOGNIZE";

	/** Decisions of plan approval and registration review tasks. */
	public static final Set<String> APPROVAL_DECISIONS = orderedSet(APPROVE, RETURN, REJECT);

	/** Decisions of recognition tasks. */
	public static final Set<String> RECOGNITION_DECISIONS = orderedSet(RECOGNIZE, RECOGNIZE_TYPICAL, NOT_RECOGNIZE);

	/** Decisions that need a comment (the reason given to the submitter). */
	public static final Set<String> COMMENT_REQUIRED = Set.of(RETURN, REJECT, NOT_RECOGNIZE);

	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages.review", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	private DecisionContract() {
	}

	/**
	 * Checks a completion of an approval-like task.
	 *
	 * @return the decision as a String
	 * @throws InvalidDecisionException with a Vietnamese message when the decision is missing or
	 *                                  not allowed, or the comment is missing where required
	 */
	public static String validate(Object decision, Object comment, Set<String> allowed) {
		String allowedText = String.join(", ", allowed);
		if (decision == null || decision.toString().isBlank()) {
			throw new InvalidDecisionException(DECISION, message("review.decision.missing", allowedText));
		}
		if (!(decision instanceof String value) || !allowed.contains(value)) {
			throw new InvalidDecisionException(DECISION, message("review.decision.invalid", decision, allowedText));
		}
		if (COMMENT_REQUIRED.contains(value) && (comment == null || comment.toString().isBlank())) {
			throw new InvalidDecisionException(COMMENT,
					message("review.comment.required", message("review.decision.label." + value)));
		}
		if (comment != null && comment.toString().length() > FormText.VARIABLE_MAX) {
			throw new InvalidDecisionException(COMMENT,
					message("review.comment.tooLong", comment.toString().length(), FormText.VARIABLE_MAX));
		}
		return value;
	}

	static String message(String key, Object... args) {
		return new MessageFormat(MESSAGES.getString(key), Locale.forLanguageTag("vi")).format(args);
	}

	private static Set<String> orderedSet(String... values) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
	}

	/**
	 * A completion that breaks the contract. It is a {@link FormFieldValidationException}: the
	 * type engine-rest answers with 400 when the engine throws it directly (a form field check
	 * before the task completes). Thrown from a task listener the engine wraps it (see
	 * docs in the review module's process package).
	 */
	public static class InvalidDecisionException extends FormFieldValidationException {

		private static final long serialVersionUID = 1L;

		private final String field;

		public InvalidDecisionException(String field, String message) {
			super(field, message);
			this.field = field;
		}

		/** The offending variable: {@code decision} or {@code comment}. */
		public String field() {
			return field;
		}

	}

}
