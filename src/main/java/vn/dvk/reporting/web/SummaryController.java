package vn.dvk.reporting.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.reporting.Summary;
import vn.dvk.reporting.SummaryExport;
import vn.dvk.reporting.SummaryReport;

/**
 * The year-end summary of a plan as JSON and as an XLSX report. Public figures: any signed-in user.
 */
@RestController
@Tag(name = "Báo cáo tổng kết", description = "Số liệu đăng ký, công nhận, lũy kế và khen thưởng của một kế hoạch")
class SummaryController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final SummaryReport report;

	private final SummaryExport export;

	private final MessageSource messages;

	SummaryController(SummaryReport report, SummaryExport export, MessageSource messages) {
		this.report = report;
		this.export = export;
		this.messages = messages;
	}

	@GetMapping(path = "/api/reports/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Số liệu tổng kết của một kế hoạch (theo lĩnh vực, đơn vị, cấp; khen thưởng)")
	Summary summary(@RequestParam("plan") String plan) {
		return report.of(plan);
	}

	@GetMapping(path = "/api/reports/summary.xlsx")
	@Operation(summary = "Báo cáo tổng kết dạng Excel (XLSX)")
	ResponseEntity<byte[]> xlsx(@RequestParam("plan") String plan) {
		byte[] workbook = export.xlsx(plan);
		String name = messages.getMessage("reporting.summary.fileName", new Object[] { plan }, Locale.forLanguageTag("vi"));
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(workbook);
	}

}
