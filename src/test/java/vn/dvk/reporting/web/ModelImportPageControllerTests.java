package vn.dvk.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.dvk.reporting.ImportPreview;
import vn.dvk.reporting.ModelImport;
import vn.dvk.reporting.ModelImportRejected.LineProblem;
import vn.dvk.shared.DvkException;

/** The import page: upload, preview with the problems of each row, commit of the kept file. */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.reporting\\.web\\.ModelImportPageController", "vn\\.dvk\\.shared\\.web\\..*" }))
@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
class ModelImportPageControllerTests {

	static final byte[] CSV = "ten_mo_hinh,don_vi,linh_vuc,nam,ket_qua\nChợ cá,xa-cam-hai-dong,KINH_TE,2020,Công nhận\n"
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ModelImport modelImport;

	@Test
	void theUploadIsCheckedShownWithItsProblemsAndNotImported() throws Exception {
		given(modelImport.preview(eq(CSV), anyInt(), any())).willReturn(new ImportPreview(
				List.of(new ImportPreview.Row(2, "Chợ cá", "Xã Không Có", "KINH_TE", "1999", "Công nhận", "",
						List.of(new LineProblem(2, "don_vi", "reporting.import.unit.unknown", "Xã Không Có")))),
				1, List.of(new LineProblem(2, "don_vi", "reporting.import.unit.unknown", "Xã Không Có")), 1, 0));
		MockHttpSession session = new MockHttpSession();
		String preview = upload(session);

		mvc.perform(get(preview).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tệp có 1 lỗi; chưa nhập mô hình nào."),
					containsString("Dòng 2, cột don_vi:"), containsString("Xã Không Có"), containsString("table-danger"),
					not(containsString("/commit")), containsString("/js/season.js"))));
		verify(modelImport, org.mockito.Mockito.never()).importFile(any(), any());
	}

	@Test
	void aValidFileIsImportedFromTheKeptCopyWhenCommitted() throws Exception {
		given(modelImport.preview(eq(CSV), anyInt(), any())).willReturn(new ImportPreview(
				List.of(new ImportPreview.Row(2, "Chợ cá", "xa-cam-hai-dong", "KINH_TE", "2020", "Công nhận", "", List.of())),
				1, List.of(), 0, 1));
		given(modelImport.importFile(eq(CSV), any())).willReturn(1);
		MockHttpSession session = new MockHttpSession();
		String preview = upload(session);
		mvc.perform(get(preview).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Nhập 1 mô hình"), containsString("data-dvk-busy"),
					containsString(preview + "/commit"))));

		mvc.perform(post(preview + "/commit").session(session).with(csrf()))
			.andExpect(redirectedUrl("/season/import"))
			.andExpect(flash().attribute("notice", "Đã nhập 1 mô hình từ tệp “mo-hinh.csv”."));
		verify(modelImport).importFile(eq(CSV), any());
		// the kept file is gone once imported
		mvc.perform(post(preview + "/commit").session(session).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void aFileThatIsNotCsvNorXlsxIsRefusedNextToTheFileInput() throws Exception {
		given(modelImport.preview(any(), anyInt(), any()))
			.willThrow(new DvkException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "reporting.import.type"));
		mvc.perform(multipart("/season/import").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
				"%PDF-1.4".getBytes())).with(csrf()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().string(allOf(containsString("is-invalid"), containsString("invalid-feedback"))));
	}

	@Test
	void anUnknownTokenIsThe404PageAndNoRowsAreEverTakenFromTheBrowser() throws Exception {
		mvc.perform(post("/season/import/00000000-0000-0000-0000-000000000000/commit").with(csrf())
			.param("rows", "Chợ cá,xa-cam-hai-dong"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("tải tệp lên lại")));
		verifyNoInteractions(modelImport);
	}

	@Test
	void anotherPersonCannotCommitAFileKeptInTheSession() throws Exception {
		given(modelImport.preview(eq(CSV), anyInt(), any())).willReturn(new ImportPreview(List.of(), 1, List.of(), 0, 1));
		MockHttpSession session = new MockHttpSession();
		String preview = upload(session);
		mvc.perform(post(preview + "/commit").session(session).with(csrf())
			.with(user("drafter2").authorities(() -> "GROUP_plan-drafters")))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyDraftersImportAndCsrfIsRequired() throws Exception {
		var approver = user("approver").authorities(() -> "GROUP_plan-approvers");
		mvc.perform(get("/season/import").with(approver)).andExpect(status().isForbidden());
		mvc.perform(multipart("/season/import").file(new MockMultipartFile("file", "a.csv", "text/csv", CSV))
			.with(csrf()).with(user("head-xa-cam-hai-dong").authorities(() -> "GROUP_unit-heads")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Lỗi 403")));
		mvc.perform(multipart("/season/import").file(new MockMultipartFile("file", "a.csv", "text/csv", CSV)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(modelImport);
	}

	private String upload(MockHttpSession session) throws Exception {
		MvcResult result = mvc
			.perform(multipart("/season/import").file(new MockMultipartFile("file", "mo-hinh.csv", "text/csv", CSV))
				.session(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/season/import/[0-9a-f-]{36}");
		return location;
	}

}
