package vn.dvk.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Prometheus scrapes without credentials on the management port only
 * ({@code MANAGEMENT_SERVER_PORT}, {@code management.server.port}), which an operator keeps inside
 * the servers' network (not published, or firewalled). Without a management port of its own,
 * every actuator endpoint but health stays for {@code camunda-admin}.
 */
@Component
class MetricsScrapePort {

	private static final String MANAGEMENT_NAMESPACE = "management";

	private final String prometheusPath;

	private volatile int port = -1;

	MetricsScrapePort(ManagementServerProperties server, WebEndpointProperties endpoints) {
		String base = server.getBasePath() == null ? "" : server.getBasePath();
		this.prometheusPath = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
				+ endpoints.getBasePath() + "/prometheus";
	}

	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			port = event.getWebServer().getPort();
		}
	}

	/** {@code GET /actuator/prometheus} arriving on the management port of its own. */
	RequestMatcher prometheusOnManagementPort() {
		return (HttpServletRequest request) -> port > 0 && request.getLocalPort() == port
				&& "GET".equals(request.getMethod())
				&& prometheusPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

}
