package vn.dvk.security;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses unbounded lists while a person is signed in ({@code query-max-results-limit}).
 * Tasklist asks for its filter list ({@code GET /camunda/api/engine/engine/{engine}/filter}) in a
 * page larger than that; this asks for the first {@code limit} filters instead, so Tasklist works
 * with the limit on. Every other request passes unchanged.
 */
class WebappFilterListPaging extends OncePerRequestFilter {

	static final String URL_PATTERN = "/camunda/api/engine/engine/*";

	private static final String MAX_RESULTS = "maxResults";

	private final int limit;

	WebappFilterListPaging(int limit) {
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/filter")
				|| withinLimit(request.getParameter(MAX_RESULTS));
	}

	private boolean withinLimit(String maxResults) {
		if (maxResults == null) {
			return limit == Integer.MAX_VALUE;
		}
		try {
			return Integer.parseInt(maxResults.strip()) <= limit;
		}
		catch (NumberFormatException ex) {
			return true; // the engine's REST API answers it
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		parameters.put(MAX_RESULTS, new String[] { String.valueOf(limit) });
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public String getParameter(String name) {
				String[] values = parameters.get(name);
				return values == null || values.length == 0 ? null : values[0];
			}

			@Override
			public Map<String, String[]> getParameterMap() {
				return Collections.unmodifiableMap(parameters);
			}

			@Override
			public java.util.Enumeration<String> getParameterNames() {
				return Collections.enumeration(parameters.keySet());
			}

			@Override
			public String[] getParameterValues(String name) {
				return parameters.get(name);
			}

			@Override
			public String getQueryString() {
				String query = super.getQueryString() == null ? "" : super.getQueryString();
				String others = java.util.Arrays.stream(query.split("&"))
					.filter(p -> !p.isEmpty() && !p.startsWith(MAX_RESULTS + "="))
					.collect(java.util.stream.Collectors.joining("&"));
				String paging = MAX_RESULTS + "=" + limit;
				return others.isEmpty() ? paging : others + "&" + paging;
			}
		}, response);
	}

}
