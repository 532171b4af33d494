package vn.dvk.reporting;

import org.springframework.stereotype.Service;

/** The summary of a plan as an XLSX report (public API for the web layer). */
@Service
public class SummaryExport {

	private final SummaryReport report;

	private final SummaryWorkbook workbook;

	SummaryExport(SummaryReport report, SummaryWorkbook workbook) {
		this.report = report;
		this.workbook = workbook;
	}

	public byte[] xlsx(String planCode) {
		return workbook.write(report.of(planCode));
	}

}
