package vn.dvk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters as problem+json with a Vietnamese detail, like every
 * other error of the API.
 */
class ProblemResponses {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	private final ObjectMapper json;

	ProblemResponses(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	AuthenticationEntryPoint unauthorized(boolean basicChallenge) {
		return (request, response, ex) -> {
			if (basicChallenge) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"DVK\", charset=\"UTF-8\"");
			}
			write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
		};
	}

	/** 401 with a bearer-token challenge (RFC 6750), for the resource server of the keycloak profile. */
	AuthenticationEntryPoint bearerUnauthorized() {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"DVK\"");
			write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
		};
	}

	/**
	 * 401 for a valid bearer token of a person Keycloak has disabled or deleted (RFC 6750
	 * {@code invalid_token}: a new token cannot be had either).
	 */
	AuthenticationEntryPoint accountDisabled() {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate",
					"Bearer realm=\"DVK\", error=\"invalid_token\", error_description=\"account disabled\"");
			write(response, HttpStatus.UNAUTHORIZED, "error.accountDisabled");
		};
	}

	/** 503 when Keycloak cannot say whether the caller is still enabled (the keycloak profile fails closed). */
	void identityUnavailable(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "30");
		write(response, HttpStatus.SERVICE_UNAVAILABLE, "error.identityUnavailable");
	}

	AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN, "error.forbidden");
	}

	private void write(HttpServletResponse response, HttpStatus status, String key) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, VI));
		problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), VI));
		response.setStatus(status.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
