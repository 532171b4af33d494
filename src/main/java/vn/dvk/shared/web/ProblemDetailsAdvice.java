package vn.dvk.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.dvk.shared.DvkException;

/**
 * Every error of {@code /api} as RFC 7807 problem details with a Vietnamese {@code detail} and a
 * list of field errors ({@code errors: [{field, message}]}). Never a stack trace. Spring MVC's own
 * exceptions (unreadable body, too large upload (413), wrong media type ...) go through
 * {@link #createResponseEntity} and get their Vietnamese text from {@code error.http.<status>}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DvkException.class)
	ResponseEntity<ProblemDetail> dvk(DvkException ex) {
		ProblemDetail problem = problem(ex.status(), text(ex.messageKey(), ex.args()));
		if (!ex.fieldErrors().isEmpty()) {
			problem.setProperty("errors", ex.fieldErrors()
				.stream()
				.map(f -> Map.of("field", f.field(), "message", text(f.messageKey(), f.args())))
				.toList());
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problem(HttpStatus.FORBIDDEN, text("error.forbidden")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.unexpected")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.invalid"));
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, VI)))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** Spring MVC's own errors (unreadable JSON, wrong method, missing part ...) in Vietnamese. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		ProblemDetail problem = problem(statusCode, text("error.http." + statusCode.value(), "error.request"));
		return new ResponseEntity<>(problem, headers, statusCode);
	}

	private ProblemDetail problem(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(text("error.title." + status.value(), "error.title"));
		return problem;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, VI);
	}

	private String text(String key, String fallbackKey) {
		return messages.getMessage(key, null, messages.getMessage(fallbackKey, null, fallbackKey, VI), VI);
	}

}
