package vn.dvk.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's query limit ({@code dvk.engine.query-max-results}, also the engine's
 * {@code query-max-results-limit}): no one signed in gets more rows per query from
 * {@code /engine-rest} or the webapps. The webapps' own unpaged calls are paged for them.
 */
@Configuration(proxyBeanMethods = false)
class EngineQueryLimitConfiguration {

	@Bean
	FilterRegistrationBean<WebappQueryPaging> webappQueryPaging(
			@Value("${dvk.engine.query-max-results}") int limit) {
		FilterRegistrationBean<WebappQueryPaging> registration = new FilterRegistrationBean<>(
				new WebappQueryPaging(limit));
		registration.setName("dvk-webapp-query-paging");
		registration.addUrlPatterns(WebappQueryPaging.URL_PATTERN);
		// after Spring Security (-100), before the webapps' own filters, which answer the call themselves
		registration.setOrder(-90);
		return registration;
	}

}
