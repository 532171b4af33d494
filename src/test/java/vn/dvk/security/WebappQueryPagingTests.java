package vn.dvk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebappQueryPagingTests {

	final WebappQueryPaging paging = new WebappQueryPaging(1000);

	HttpServletRequest passed(String method, String query) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/camunda/api/engine/engine/default/group");
		request.setQueryString(query);
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] kv = pair.split("=", 2);
				request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
			}
		}
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		paging.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
		return seen.get();
	}

	@Test
	void anUnpagedOrTooLargeListOfTheWebappsAsksForTheFirstPageWithinTheLimit() throws Exception {
		HttpServletRequest unpaged = passed("GET", "resourceType=Task&itemCount=true");
		assertThat(unpaged.getQueryString()).isEqualTo("resourceType=Task&itemCount=true&maxResults=1000");
		assertThat(unpaged.getParameter("maxResults")).isEqualTo("1000");
		assertThat(unpaged.getParameter("resourceType")).isEqualTo("Task");

		HttpServletRequest tooLarge = passed("POST", "firstResult=0&maxResults=2000");
		assertThat(tooLarge.getQueryString()).isEqualTo("firstResult=0&maxResults=1000");

		assertThat(passed("GET", null).getQueryString()).isEqualTo("maxResults=1000");
	}

	@Test
	void aPageWithinTheLimitAndOtherMethodsPassUnchanged() throws Exception {
		assertThat(passed("GET", "firstResult=0&maxResults=15").getQueryString()).isEqualTo("firstResult=0&maxResults=15");
		assertThat(passed("PUT", "x=1").getQueryString()).isEqualTo("x=1");
		assertThat(passed("GET", "maxResults=abc").getQueryString()).isEqualTo("maxResults=abc");
	}

}
