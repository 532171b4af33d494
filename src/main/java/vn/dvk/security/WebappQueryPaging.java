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
 * The webapps ask for some lists without paging or in larger pages (Tasklist its filters, Admin
 * its groups): every GET or POST of the webapps' engine API ({@code /camunda/api/engine/engine/...})
 * without {@code maxResults}, or above the limit, asks for the first {@code limit} rows instead
 * (calls that are not lists ignore the parameter). {@code /engine-rest} is not touched: a client
 * of the REST API pages itself and is told so (400).
 */
class WebappQueryPaging extends OncePerRequestFilter {

	static final String URL_PATTERN = "/camunda/api/engine/engine/*";

	private static final String MAX_RESULTS = "maxResults";

	private final int limit;

	WebappQueryPaging(int limit) {
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// lists are GET, or POST with the query in the body (e.g. Admin's groups); elsewhere the parameter is ignored
		String method = request.getMethod();
		return !("GET".equals(method) || "POST".equals(method)) || withinLimit(request.getParameter(MAX_RESULTS));
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
