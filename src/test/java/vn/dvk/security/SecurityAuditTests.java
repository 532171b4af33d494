package vn.dvk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The audit log's lines: UTC instant of the application's clock (Vietnam time zone), who,
 * groups, method, path without query, status, address; nothing for other statuses; no password,
 * token or line break from the request.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityAuditTests {

	// 16:30:00 in Hanoi is 09:30:00 UTC
	final Clock clock = Clock.fixed(Instant.parse("2026-11-22T09:30:00.456Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

	final SecurityAudit audit = new SecurityAudit(clock);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aForbiddenRequestIsLoggedWithWhoWhatWhenAndWhere(CapturedOutput output) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/registrations/DK-2026-000001");
		request.setQueryString("token=abc");
		request.setRemoteAddr("203.0.113.7");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("head-xa-a", null,
					List.of(new SimpleGrantedAuthority("GROUP_unit-xa-a"), new SimpleGrantedAuthority("GROUP_unit-heads"))));

		filter(request, 403);

		assertThat(output.getOut()).contains("WARN")
			.contains(SecurityAudit.LOGGER)
			.contains("2026-11-22T09:30:00Z 403 user=head-xa-a groups=unit-heads,unit-xa-a "
					+ "POST /api/registrations/DK-2026-000001 from 203.0.113.7")
			.doesNotContain("token=abc");
	}

	@Test
	void anUnauthenticatedRequestIsAnonymousAndLineBreaksAreDefused(CapturedOutput output) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task\r\nFAKE 200");
		request.setRemoteAddr("127.0.0.1");

		filter(request, 401);

		assertThat(output.getOut()).contains("2026-11-22T09:30:00Z 401 user=anonymous groups= GET /engine-rest/task__FAKE 200 from 127.0.0.1")
			.doesNotContain("\nFAKE");
	}

	@Test
	void otherStatusesAreNotLogged(CapturedOutput output) throws Exception {
		filter(new MockHttpServletRequest("GET", "/api/plans"), 200);
		filter(new MockHttpServletRequest("GET", "/api/plans/KH-1"), 404);

		assertThat(output.getOut()).doesNotContain(SecurityAudit.LOGGER);
	}

	@Test
	void aFailedSignInNamesTheUserTriedButNeverThePasswordNorAToken(CapturedOutput output) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr("198.51.100.4");
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("admin",
				"s3cret-password");
		attempt.setDetails(new WebAuthenticationDetails(request));
		audit.authenticationFailed(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("x")));
		audit.authenticationFailed(new AuthenticationFailureBadCredentialsEvent(
				new BearerTokenAuthenticationToken("eyJ.secret-token.sig"), new BadCredentialsException("x")));

		assertThat(output.getOut())
			.contains("2026-11-22T09:30:00Z LOGIN_FAILED user=admin reason=AuthenticationFailureBadCredentialsEvent from 198.51.100.4")
			.contains("2026-11-22T09:30:00Z LOGIN_FAILED user=? reason=AuthenticationFailureBadCredentialsEvent from ?")
			.doesNotContain("s3cret-password")
			.doesNotContain("secret-token");
	}

	private void filter(MockHttpServletRequest request, int status) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SecurityAuditFilter(audit).doFilter(request, response,
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest req,
							jakarta.servlet.http.HttpServletResponse res) {
						res.setStatus(status);
					}
				}));
	}

}
