package vn.dvk.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The security audit log (logger {@code vn.dvk.security.audit}, WARN, one line per event):
 * failed sign-ins (the user name tried, never a password or token) and every 401/403 answered
 * (see {@link SecurityAuditFilter}). Times are UTC instants of the application's clock.
 */
@Component
class SecurityAudit {

	static final String LOGGER = "vn.dvk.security.audit";

	static final String ANONYMOUS = "anonymous";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private final Clock clock;

	SecurityAudit(Clock clock) {
		this.clock = clock;
	}

	/** Spring Security publishes these for form login, HTTP Basic, OAuth2 login and bearer tokens. */
	@EventListener
	void authenticationFailed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		// a bearer token's "name" is the token itself: only a user name typed by a person is logged
		String user = attempt instanceof UsernamePasswordAuthenticationToken ? attempt.getName() : null;
		String from = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
		log.warn("{} LOGIN_FAILED user={} reason={} from {}", now(), clean(user == null || user.isBlank() ? "?" : user),
				event.getClass().getSimpleName(), clean(from));
	}

	/** A 401 or 403 answered to {@code request}; {@code userId} null for nobody signed in. */
	void denied(HttpServletRequest request, int status, String userId, Collection<String> groups) {
		log.warn("{} {} user={} groups={} {} {} from {}", now(), status, clean(userId == null ? ANONYMOUS : userId),
				clean(String.join(",", new TreeSet<>(groups))), clean(request.getMethod()),
				clean(request.getRequestURI()), clean(request.getRemoteAddr()));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/** No line breaks or other control characters from the request reach the log (log forging). */
	static String clean(String value) {
		if (value == null) {
			return "?";
		}
		StringBuilder out = new StringBuilder(value.length());
		value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '_' : c));
		return out.toString();
	}

}
