package vn.dvk.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller must be told about in Vietnamese. The message is a key of the message
 * files ({@code messages/*.properties}) with arguments; the REST layer renders it as
 * {@code application/problem+json} with the given status and field errors.
 */
public class DvkException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] args;

	private final List<FieldProblem> fieldErrors;

	public DvkException(HttpStatus status, String messageKey, Object... args) {
		this(status, List.of(), messageKey, args);
	}

	public DvkException(HttpStatus status, List<FieldProblem> fieldErrors, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	public static DvkException invalid(List<FieldProblem> fieldErrors) {
		return new DvkException(HttpStatus.BAD_REQUEST, fieldErrors, "error.invalid");
	}

	public static DvkException notFound(String messageKey, Object... args) {
		return new DvkException(HttpStatus.NOT_FOUND, messageKey, args);
	}

	public static DvkException conflict(String messageKey, Object... args) {
		return new DvkException(HttpStatus.CONFLICT, messageKey, args);
	}

	public static DvkException forbidden(String messageKey, Object... args) {
		return new DvkException(HttpStatus.FORBIDDEN, messageKey, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

	public List<FieldProblem> fieldErrors() {
		return fieldErrors;
	}

	/**
	 * One invalid field: its JSON name, a message key and arguments.
	 */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}

}
