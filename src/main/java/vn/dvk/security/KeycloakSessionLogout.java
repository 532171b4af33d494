package vn.dvk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@code keycloak} profile: ends the person's Keycloak session server to server, for sign-outs that
 * cannot redirect the browser to Keycloak (Tasklist's "Đăng xuất" is an XHR). Keycloak's logout
 * endpoint ({@code end_session_endpoint}) with the client's credentials and the refresh token kept
 * in the person's {@link OAuth2AuthorizedClient}, which is then forgotten. Best effort: a failure
 * is logged, the local session still ends (the next handler).
 */
class KeycloakSessionLogout implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(KeycloakSessionLogout.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final RestClient http;

	KeycloakSessionLogout(OAuth2AuthorizedClientRepository authorizedClients, RestClient http) {
		this.authorizedClients = authorizedClients;
		this.http = http;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)) {
			return;
		}
		String registrationId = token.getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(registrationId, authentication,
				request);
		if (client == null) {
			return;
		}
		authorizedClients.removeAuthorizedClient(registrationId, authentication, request, response);
		ClientRegistration registration = client.getClientRegistration();
		Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (client.getRefreshToken() == null || endSession == null) {
			log.warn("Cannot end the Keycloak session of {}: no refresh token or no end_session_endpoint",
					authentication.getName());
			return;
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("refresh_token", client.getRefreshToken().getTokenValue());
		try {
			http.post()
				.uri(endSession.toString())
				.headers(h -> h.setBasicAuth(registration.getClientId(), registration.getClientSecret()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.toBodilessEntity();
			log.debug("Keycloak session of {} ended", authentication.getName());
		}
		catch (RestClientException ex) {
			log.warn("Could not end the Keycloak session of {} (the local session ends anyway): {}",
					authentication.getName(), ex.toString());
		}
	}

}
