package vn.dvk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.award.AwardService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.registration.RegistrationService;
import vn.dvk.shared.DvkException;

/**
 * The summary's JSON and XLSX over the real controller, report and workbook: the XLSX read back
 * with POI has its Vietnamese headings and the same numbers as the JSON.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.reporting\\.web\\.SummaryController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import({ SummaryReport.class, SummaryExport.class, SummaryWorkbook.class, SummaryXlsxTests.Doubles.class })
@WithMockUser(username = "head-xa-cam-hai-dong", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-hai-dong" })
class SummaryXlsxTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	AwardService awards;

	@MockitoBean
	RecognizedModelRegister register;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void season() {
		SummaryFixtures.stub(plans, registrations, awards);
		List<RecognizedModel> entries = new ArrayList<>(SummaryFixtures.RECOGNISED_THIS_YEAR);
		entries.addAll(SummaryFixtures.IMPORTED);
		given(register.countsUpToYear(2026)).willReturn(SummaryFixtures.counts(entries, 2026));
	}

	@Test
	void anySignedInUserReadsTheFiguresAsJson() throws Exception {
		mvc.perform(get("/api/reports/summary").param("plan", "KH-2026-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.planCode").value("KH-2026-01"))
			.andExpect(jsonPath("$.totals.registered").value(9))
			.andExpect(jsonPath("$.totals.recognized").value(2))
			.andExpect(jsonPath("$.totals.typical").value(1))
			.andExpect(jsonPath("$.totals.cumulative").value(5))
			.andExpect(jsonPath("$.byField[0].name").value("Kinh tế"))
			.andExpect(jsonPath("$.byLevel[2].name").value("Cấp xã"))
			.andExpect(jsonPath("$.awards.individual").value(6));
	}

	@Test
	void anUnknownPlanIsNotFound() throws Exception {
		given(plans.require("KH-1999-01")).willThrow(DvkException.notFound("plan.notFound", "KH-1999-01"));

		mvc.perform(get("/api/reports/summary.xlsx").param("plan", "KH-1999-01")).andExpect(status().isNotFound());
	}

	@Test
	void theXlsxIsAVietnameseReportWithTheSameNumbersAsTheJson() throws Exception {
		JsonNode summary = json.readTree(mvc.perform(get("/api/reports/summary").param("plan", "KH-2026-01"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		byte[] xlsx = mvc.perform(get("/api/reports/summary.xlsx").param("plan", "KH-2026-01"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers
				.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.containsString("bao-cao-tong-ket-KH-2026-01.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Tổng kết");
			assertThat(text(sheet, 0, 0))
				.isEqualTo("BÁO CÁO TỔNG KẾT PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO” NĂM 2026");
			assertThat(sheet.getMergedRegions()).anySatisfy(region -> {
				assertThat(region.getFirstRow()).isZero();
				assertThat(region.getLastColumn()).isGreaterThan(5);
			});
			assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(text(sheet, 1, 0)).isEqualTo("Kế hoạch KH-2026-01: Kế hoạch thi đua “Dân vận khéo” năm 2026");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();

			int byField = rowOf(sheet, "I. Theo lĩnh vực");
			assertThat(rowOf(sheet, "II. Theo đơn vị")).isGreaterThan(byField);
			assertThat(rowOf(sheet, "III. Theo cấp")).isPositive();
			assertThat(rowOf(sheet, "IV. Khen thưởng")).isPositive();
			Cell heading = sheet.getRow(byField).getCell(0);
			assertThat(workbook.getFontAt(heading.getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(texts(sheet.getRow(byField + 1))).containsExactly("STT", "Lĩnh vực", "Đăng ký",
					"Được tiếp nhận", "Đã báo cáo kết quả", "Được công nhận", "Tiêu biểu", "Lũy kế được công nhận",
					"Lũy kế tiêu biểu");
			assertThat(sheet.getRow(byField + 1).getCell(0).getCellStyle().getBorderBottom())
				.isEqualTo(BorderStyle.THIN);

			// every field line and the total line: numeric cells equal to the JSON
			JsonNode fields = summary.get("byField");
			for (int i = 0; i < fields.size(); i++) {
				Row row = sheet.getRow(byField + 2 + i);
				assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(fields.get(i).get("name").asText());
				assertFigures(row, 2, fields.get(i).get("figures"));
			}
			Row total = sheet.getRow(byField + 2 + fields.size());
			assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
			assertFigures(total, 2, summary.get("totals"));

			int byUnit = rowOf(sheet, "II. Theo đơn vị");
			assertThat(texts(sheet.getRow(byUnit + 1))).startsWith("STT", "Đơn vị", "Cấp", "Đăng ký");
			JsonNode units = summary.get("byUnit");
			for (int i = 0; i < units.size(); i++) {
				Row row = sheet.getRow(byUnit + 2 + i);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(units.get(i).get("name").asText());
				assertThat(row.getCell(2).getStringCellValue()).isEqualTo(units.get(i).get("levelName").asText());
				assertFigures(row, 3, units.get(i).get("figures"));
			}
			assertThat(texts(sheet.getRow(byUnit + 2))).contains("Phường Nha Trang", "Cấp xã");

			int byLevel = rowOf(sheet, "III. Theo cấp");
			assertThat(texts(sheet.getRow(byLevel + 2)).get(1)).isEqualTo("Cấp tỉnh");
			assertFigures(sheet.getRow(byLevel + 4), 2, summary.get("byLevel").get(2).get("figures"));

			int awards = rowOf(sheet, "IV. Khen thưởng");
			assertThat(texts(sheet.getRow(awards + 1))).containsExactly("STT", "Hình thức khen thưởng", "Tập thể",
					"Cá nhân", "Tổng cộng");
			Row medal = sheet.getRow(awards + 4);
			assertThat(medal.getCell(1).getStringCellValue()).isEqualTo("Kỷ niệm chương “Vì sự nghiệp dân vận”");
			assertThat(medal.getCell(3).getNumericCellValue()).isEqualTo(4);
			Row awardTotal = sheet.getRow(awards + 5);
			assertThat(awardTotal.getCell(2).getNumericCellValue())
				.isEqualTo(summary.get("awards").get("collective").asDouble());
			assertThat(awardTotal.getCell(3).getNumericCellValue())
				.isEqualTo(summary.get("awards").get("individual").asDouble());
			assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0) * 4);
		}
	}

	static void assertFigures(Row row, int first, JsonNode figures) {
		List<String> keys = List.of("registered", "accepted", "reported", "recognized", "typical", "cumulative",
				"cumulativeTypical");
		for (int k = 0; k < keys.size(); k++) {
			Cell cell = row.getCell(first + k);
			assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(cell.getNumericCellValue()).as(keys.get(k) + " of " + row.getCell(1))
				.isEqualTo(figures.get(keys.get(k)).asDouble());
		}
	}

	static int rowOf(Sheet sheet, String text) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && text.equals(new DataFormatter().formatCellValue(row.getCell(0)))) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("No row " + text);
	}

	static String text(Sheet sheet, int row, int cell) {
		return sheet.getRow(row).getCell(cell).getStringCellValue();
	}

	static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(cell -> texts.add(new DataFormatter().formatCellValue(cell)));
		return texts;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(SummaryFixtures.T, ZoneOffset.UTC);
		}

	}


}
