package vn.dvk.award.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.award.AwardNominationService;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/** Errors of the award API as Vietnamese problem+json (the service is a double). */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.award\\.web\\.AwardNominationController", "vn\\.dvk\\.shared\\.web\\..*" }))
@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
class AwardNominationControllerTests {

	static final String BODY = """
			{"planCode":"KH-2026-01","awardType":"KY_NIEM_CHUONG","recipientKind":"COLLECTIVE",
			 "registrationCode":"DK-2026-000123","achievement":"Thành tích"}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AwardNominationService nominations;

	@Test
	void aTypeForIndividualsOnlyIs400WithTheField() throws Exception {
		given(nominations.nominate(any(), any())).willThrow(DvkException.invalid(List.of(new FieldProblem(
				"recipientKind", "award.recipientKind.notAllowed", "Kỷ niệm chương", "cá nhân"))));

		mvc.perform(post("/api/awards/nominations").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("recipientKind"))
			.andExpect(jsonPath("$.errors[0].message").value("“Kỷ niệm chương” chỉ dành cho cá nhân."));
	}

	@Test
	void aFullQuotaIs409() throws Exception {
		given(nominations.nominate(any(), any()))
			.willThrow(DvkException.conflict("award.quota.reached", "Bằng khen của Chủ tịch UBND tỉnh", 5));

		mvc.perform(post("/api/awards/nominations").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("đã đủ chỉ tiêu")));
	}

	@Test
	void revokingWithoutTheRightGroupIs403() throws Exception {
		given(nominations.revoke(eq("KT-2026-0001"), any(), any(), any()))
			.willThrow(DvkException.forbidden("award.revoke.forbidden"));

		mvc.perform(post("/api/awards/nominations/KT-2026-0001/revoke").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Khai man\",\"legalBasis\":\"Điều 96\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
