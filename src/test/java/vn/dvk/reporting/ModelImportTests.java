package vn.dvk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;

/**
 * The import over the real controller, checks, unit tree and problem+json advice; the register
 * is a double that records what it was given.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.reporting\\.web\\.ModelImportController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import({ ModelImport.class, ModelImportTests.Doubles.class })
@WithMockUser(username = "drafter", authorities = { "GROUP_plan-drafters" })
class ModelImportTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RecognizedModelRegister register;

	@BeforeEach
	void registerStoresWhatItIsGiven() {
		given(register.importAll(anyList())).willAnswer(call -> call.getArgument(0));
	}

	@Autowired
	ModelImport modelImport;

	@Test
	void aPreviewShowsTheRowsWithTheirProblemsAndImportsNothing() {
		String csv = """
				ten_mo_hinh,don_vi,linh_vuc,nam,ket_qua
				Chợ cá,xa-cam-hai-dong,KINH_TE,2020,Công nhận
				Tổ tự quản,Xã Không Tồn Tại,KINH_TE,1999,Công nhận
				""";
		vn.dvk.security.CurrentUser drafter = new vn.dvk.security.CurrentUser("drafter",
				java.util.Set.of("plan-drafters"));

		ImportPreview preview = modelImport.preview(csv.getBytes(StandardCharsets.UTF_8), 1, drafter);

		assertThat(preview.totalRows()).isEqualTo(2);
		assertThat(preview.rows()).singleElement().satisfies(row -> {
			assertThat(row.line()).isEqualTo(2);
			assertThat(row.unit()).isEqualTo("xa-cam-hai-dong");
			assertThat(row.problems()).isEmpty();
		});
		assertThat(preview.problems()).extracting(ModelImportRejected.LineProblem::line, ModelImportRejected.LineProblem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "don_vi"), org.assertj.core.groups.Tuple.tuple(3, "nam"));
		assertThat(preview.valid()).isFalse();
		assertThat(preview.importable()).isZero();
		org.mockito.Mockito.verify(register, org.mockito.Mockito.never()).importAll(anyList());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> modelImport.preview(csv.getBytes(StandardCharsets.UTF_8), 1,
				new vn.dvk.security.CurrentUser("approver", java.util.Set.of("plan-approvers"))))
			.isInstanceOf(vn.dvk.shared.DvkException.class);
	}

	@Test
	void theSampleCsvFileImportsEveryRow() throws Exception {
		byte[] sample = Files.readAllBytes(Path.of("config/import/mo-hinh-truoc-2025.csv"));

		upload(sample, "mo-hinh-truoc-2025.csv").andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(18));

		List<RecognizedModel> imported = imported();
		assertThat(imported).hasSize(18);
		assertThat(imported.get(0)).satisfies(m -> {
			assertThat(m.name()).isEqualTo("Mô hình “Chợ cá an toàn, văn minh”");
			assertThat(m.unitCode()).isEqualTo("xa-cam-hai-dong");
			assertThat(m.field()).isEqualTo("KINH_TE");
			assertThat(m.year()).isEqualTo(2021);
			assertThat(m.outcome()).isEqualTo(RecognitionOutcome.RECOGNIZED);
			assertThat(m.decisionNumber()).isEqualTo("98-QĐ/BDVTU");
		});
		assertThat(imported.get(1).unitCode()).isEqualTo("xa-cam-hai-tay");
		assertThat(imported.get(1).outcome()).isEqualTo(RecognitionOutcome.RECOGNIZED_TYPICAL);
		assertThat(imported).extracting(RecognizedModel::field)
			.contains("NONG_THON_MOI", "VAN_HOA_XA_HOI", "QUOC_PHONG_AN_NINH", "XAY_DUNG_HE_THONG_CHINH_TRI");
		assertThat(imported.get(17).unitCode()).isEqualTo("huyen-cam-lam");
	}

	@Test
	void aSemicolonCsvWithVietnameseHeadersAndAByteOrderMarkImports() throws Exception {
		String csv = "\uFEFFTên mô hình;Đơn vị;Lĩnh vực;Năm;Kết quả\r\n"
				+ "Tổ tự quản an ninh trật tự;phuong-nha-trang;QUOC_PHONG_AN_NINH;2020;RECOGNIZED_TYPICAL\r\n"
				+ "\r\n" + "Chi hội nông dân nghề nghiệp;Xã Cam Lâm;Nông thôn mới;2019;công nhận\r\n";

		upload(csv.getBytes(StandardCharsets.UTF_8), "cu.csv").andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(2));

		assertThat(imported()).extracting(RecognizedModel::unitCode, RecognizedModel::year, RecognizedModel::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("phuong-nha-trang", 2020,
					RecognitionOutcome.RECOGNIZED_TYPICAL),
					org.assertj.core.groups.Tuple.tuple("xa-cam-lam", 2019, RecognitionOutcome.RECOGNIZED));
	}

	@Test
	void anXlsxFileWithVietnameseHeadersImportsEveryRow() throws Exception {
		byte[] xlsx = xlsx(new Object[][] { { "Tên mô hình", "Đơn vị", "Lĩnh vực", "Năm", "Kết quả" },
				{ "Phụ nữ tiết kiệm", "Hội Liên hiệp Phụ nữ tỉnh", "Kinh tế", 2022, "Công nhận" },
				{ "Trường học hạnh phúc", "so-giao-duc", "Văn hóa – xã hội", 2024, "Tiêu biểu" },
				{ "Dân quân giúp dân", "Bộ Chỉ huy Quân sự tỉnh", "Quốc phòng – an ninh", 2023, "Công nhận" } });

		upload(xlsx, "mo-hinh.xlsx").andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(3));

		assertThat(imported()).extracting(RecognizedModel::unitCode, RecognizedModel::field, RecognizedModel::year)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("hoi-phu-nu-tinh", "KINH_TE", 2022),
					org.assertj.core.groups.Tuple.tuple("so-giao-duc", "VAN_HOA_XA_HOI", 2024),
					org.assertj.core.groups.Tuple.tuple("bo-chi-huy-quan-su", "QUOC_PHONG_AN_NINH", 2023));
	}

	@Test
	void aFileWithTwoBadLinesReportsBothWithTheirReasonsAndImportsNothing() throws Exception {
		String csv = """
				ten_mo_hinh,don_vi,linh_vuc,nam,ket_qua
				Tổ tự quản an ninh trật tự,phuong-nha-trang,QUOC_PHONG_AN_NINH,2020,Công nhận
				Mô hình ở đơn vị không có,Xã Không Tồn Tại,Kinh tế,2021,Công nhận
				Mô hình tốt,xa-cam-lam,Kinh tế,1999,Công nhận
				Mô hình khác,xa-cam-lam,Kinh tế,2022,Tiêu biểu
				""";

		upload(csv.getBytes(StandardCharsets.UTF_8), "loi.csv").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("chưa nhập mô hình nào")))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("don_vi"))
			.andExpect(jsonPath("$.errors[0].message", containsString("Không có đơn vị 'Xã Không Tồn Tại'")))
			.andExpect(jsonPath("$.errors[1].line").value(4))
			.andExpect(jsonPath("$.errors[1].field").value("nam"))
			.andExpect(jsonPath("$.errors[1].message").value("Năm '1999' không hợp lệ: phải là số từ 2000 đến 2026."));

		verify(register, never()).importAll(anyList());
	}

	@Test
	void theSameModelTwiceInAFileOrAlreadyInTheRegisterIsAnError() throws Exception {
		given(register.sameAs(anyList())).willReturn(List.of(new RecognizedModel(7, "Mô hình cũ", "xa-cam-lam",
				"KINH_TE", 2020, RecognitionOutcome.RECOGNIZED, null, null, "IMPORT", Instant.now())));
		String csv = """
				ten_mo_hinh,don_vi,linh_vuc,nam,ket_qua
				Mô hình cũ,xa-cam-lam,Kinh tế,2020,Công nhận
				Mô hình mới,xa-cam-lam,Kinh tế,2021,Công nhận
				MÔ HÌNH  MỚI,Xã Cam Lâm,Văn hóa – xã hội,2021,Tiêu biểu
				Mô hình thiếu kết quả,xa-cam-lam,Kinh tế,2021,
				""";

		upload(csv.getBytes(StandardCharsets.UTF_8), "trung.csv").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].message", containsString("đã có trong sổ")))
			.andExpect(jsonPath("$.errors[1].line").value(4))
			.andExpect(jsonPath("$.errors[1].message").value("Trùng với dòng 3 (cùng tên mô hình, đơn vị và năm)."))
			.andExpect(jsonPath("$.errors[2].line").value(5))
			.andExpect(jsonPath("$.errors[2].field").value("ket_qua"));
		verify(register, never()).importAll(anyList());
	}

	@Test
	void aHeaderWithoutTheRequiredColumnsNamesThem() throws Exception {
		upload("ten,don_vi\nA,xa-cam-lam\n".getBytes(StandardCharsets.UTF_8), "x.csv")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(4)))
			.andExpect(jsonPath("$.errors[0].line").value(1))
			.andExpect(jsonPath("$.errors[0].message", containsString("Thiếu cột ten_mo_hinh (Tên mô hình)")));
	}

	@Test
	void aPdfOrImageDisguisedAsCsvOrAZipThatIsNoWorkbookIsRefusedWith415() throws Exception {
		byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			out.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
			out.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
		}

		for (byte[] file : List.of(pdf, png, zip.toByteArray())) {
			upload(file, "mo-hinh.csv").andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.detail").value("Tệp không phải CSV (UTF-8) hoặc Excel XLSX."));
		}
		verify(register, never()).importAll(anyList());
	}

	@Test
	void anEmptyFileOrAHeaderAloneIsRefused() throws Exception {
		upload(new byte[0], "rong.csv").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("Tệp rỗng")));
		upload("ten_mo_hinh,don_vi,linh_vuc,nam,ket_qua\n".getBytes(StandardCharsets.UTF_8), "rong.csv")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("chỉ có dòng tiêu đề")));
	}

	@Test
	@WithMockUser(username = "head-xa-cam-lam", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-lam" })
	void onlyPlanDraftersMayImport() throws Exception {
		byte[] sample = Files.readAllBytes(Path.of("config/import/mo-hinh-truoc-2025.csv"));

		upload(sample, "mo-hinh.csv").andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("plan-drafters")));
		verify(register, never()).importAll(anyList());
	}

	ResultActions upload(byte[] content, String filename) throws Exception {
		return mvc.perform(multipart("/api/models/import")
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.with(csrf()));
	}

	@SuppressWarnings("unchecked")
	List<RecognizedModel> imported() {
		ArgumentCaptor<List<RecognizedModel>> captor = ArgumentCaptor.forClass(List.class);
		verify(register).importAll(captor.capture());
		return captor.getValue();
	}

	static byte[] xlsx(Object[][] rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Mô hình");
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Integer number) {
						row.createCell(c).setCellValue(number);
					}
					else {
						row.createCell(c).setCellValue((String) rows[r][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
		}

	}

}
