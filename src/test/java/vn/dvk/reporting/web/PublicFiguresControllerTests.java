package vn.dvk.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.reporting.MovementFigures;
import vn.dvk.reporting.MovementFigures.FieldLine;
import vn.dvk.reporting.MovementFigures.UnitLine;
import vn.dvk.reporting.MovementFigures.YearLine;
import vn.dvk.reporting.PublicFigures;
import vn.dvk.testsupport.PortalSecurityTestConfiguration;

/** The public figures page behind the real portal security chain, nobody signed in. */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.reporting\\.web\\.PublicFiguresController", "vn\\.dvk\\.shared\\.web\\..*",
				PortalSecurityTestConfiguration.SECURITY_CLASSES }))
@Import(PortalSecurityTestConfiguration.class)
class PublicFiguresControllerTests {

	static final MovementFigures FIGURES = new MovementFigures(
			List.of(new YearLine(2021, null, 57, 6, 57), new YearLine(2026, 12345L, 1002, 101, 1059)),
			List.of(new FieldLine("KINH_TE", "Kinh tế", 12000, 900, 100),
					new FieldLine("NONG_THON_MOI", "Nông thôn mới", 345, 159, 7)),
			List.of(new UnitLine("xa-cam-hai-dong", "Xã Cam Hải Đông </script><b>", 1, 1000, 100),
					new UnitLine(null, null, 12, 59, 7)),
			12345, 1059, 107);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PublicFigures figures;

	@MockitoBean
	IdentityService identityService;

	@Test
	void theFiguresAreReachableWithoutSignInEachChartWithItsTable() throws Exception {
		given(figures.figures()).willReturn(FIGURES);

		String html = mvc.perform(get("/public/figures"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.select("h1").text()).isEqualTo("Số liệu phong trào thi đua “Dân vận khéo”");
		assertThat(page.select("canvas[data-chart]")).extracting(c -> c.attr("data-chart"))
			.containsExactly("years", "cumulative", "fields", "units");
		for (Element canvas : page.select("canvas[data-chart]")) {
			assertThat(canvas.attr("role")).isEqualTo("img");
			assertThat(canvas.attr("aria-label")).isNotBlank();
			// the table with its caption and headers right after the chart
			Element table = canvas.parent().nextElementSibling().selectFirst("table");
			assertThat(table).as(canvas.attr("data-chart")).isNotNull();
			assertThat(table.select("caption").text()).isNotBlank();
			assertThat(table.select("thead th[scope=col]")).isNotEmpty();
			assertThat(table.parent().hasClass("table-responsive")).isTrue();
		}
		Element years = page.selectFirst("canvas[data-chart=years]").parent().nextElementSibling();
		assertThat(years.select("tbody tr").get(0).text()).isEqualTo("2021 — 57 6");
		assertThat(years.select("tbody tr").get(1).text()).isEqualTo("2026 12.345 1.002 101");
		Element units = page.selectFirst("canvas[data-chart=units]").parent().nextElementSibling();
		assertThat(units.select("tbody th").eachText()).containsExactly("Xã Cam Hải Đông </script><b>",
				"Các đơn vị khác (12 đơn vị)");
		assertThat(page.select(".h3").eachText()).contains("12.345", "1.059", "107");
	}

	@Test
	void theChartsDataAndLabelsComeAsJsonThatNoNameCanBreakOutOf() throws Exception {
		given(figures.figures()).willReturn(FIGURES);

		String html = mvc.perform(get("/public/figures")).andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(html);
		// only scripts from our origin: the data block is JSON, never executed
		assertThat(page.select("script:not([src])")).singleElement()
			.satisfies(s -> assertThat(s.attr("type")).isEqualTo("application/json"));
		assertThat(page.select("script[src]").eachAttr("src")).anyMatch(s -> s.endsWith("/dist/chart.umd.min.js"))
			.contains("/js/public-figures.js");
		assertThat(html).doesNotContain("</script><b>");
		JsonNode data = new ObjectMapper().readTree(page.selectFirst("#figures-data").data());
		assertThat(data.path("locale").asText()).isEqualTo("vi-VN");
		JsonNode years = data.path("charts").path("years");
		assertThat(years.path("labels").toString()).isEqualTo("[\"2021\",\"2026\"]");
		assertThat(years.path("series").get(0).path("label").asText()).isEqualTo("Đăng ký");
		assertThat(years.path("series").get(0).path("data").toString()).isEqualTo("[null,12345]");
		assertThat(years.path("series").get(1).path("label").asText()).isEqualTo("Được công nhận");
		assertThat(data.path("charts").path("cumulative").path("series").get(0).path("data").toString())
			.isEqualTo("[57,1059]");
		JsonNode units = data.path("charts").path("units");
		assertThat(units.path("horizontal").asBoolean()).isTrue();
		assertThat(units.path("labels").get(0).asText()).isEqualTo("Xã Cam Hải Đông </script><b>");
		assertThat(units.path("labels").get(1).asText()).isEqualTo("Các đơn vị khác (12 đơn vị)");
	}

	@Test
	void withNothingYetThePageSaysSo() throws Exception {
		given(figures.figures()).willReturn(new MovementFigures(List.of(), List.of(), List.of(), 0, 0, 0));

		String html = mvc.perform(get("/public/figures")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(Jsoup.parse(html).select("canvas")).isEmpty();
		assertThat(html).contains("Chưa có số liệu.");
	}

}
