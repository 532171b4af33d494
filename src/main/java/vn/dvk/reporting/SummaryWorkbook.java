package vn.dvk.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dvk.reporting.Summary.AwardLine;
import vn.dvk.reporting.Summary.Figures;
import vn.dvk.reporting.Summary.Line;

/**
 * The summary as a Vietnamese report table (XLSX): title, plan line, then the tables Tổng
 * hợp, Theo lĩnh vực, Theo đơn vị, Theo cấp, Khen thưởng, each with a bold heading,
 * a header row, bordered numeric cells and a total row. Texts come from messages/reporting.properties.
 */
@Component
class SummaryWorkbook {

	static final String SHEET = "Tổng kết";

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final int COLUMNS = 10;

	private final MessageSource messages;

	private final Clock clock;

	SummaryWorkbook(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	byte[] write(Summary summary) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(SHEET);
			int r = 0;
			r = merged(sheet, r, text("reporting.xlsx.title", String.valueOf(summary.year())), styles.title);
			r = merged(sheet, r, text("reporting.xlsx.plan", summary.planCode(), summary.planTitle()), styles.subtitle);
			r = merged(sheet, r, text("reporting.xlsx.date",
					LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")))
						.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
					String.valueOf(summary.year())), styles.note);
			sheet.createFreezePane(0, r);
			r++;

			r = heading(sheet, r, text("reporting.xlsx.byField"), styles);
			r = figuresTable(sheet, r, text("reporting.xlsx.col.field"), null, summary.byField(), summary.totals(),
					styles);
			r = heading(sheet, r, text("reporting.xlsx.byUnit"), styles);
			r = figuresTable(sheet, r, text("reporting.xlsx.col.unit"), text("reporting.xlsx.col.level"),
					summary.byUnit(), summary.totals(), styles);
			r = heading(sheet, r, text("reporting.xlsx.byLevel"), styles);
			r = figuresTable(sheet, r, text("reporting.xlsx.col.level"), null, summary.byLevel(), summary.totals(),
					styles);
			r = heading(sheet, r, text("reporting.xlsx.awards"), styles);
			awardsTable(sheet, r, summary, styles);

			sheet.setColumnWidth(0, 6 * 256);
			sheet.setColumnWidth(1, 48 * 256);
			for (int c = 2; c < COLUMNS; c++) {
				sheet.setColumnWidth(c, 15 * 256);
			}
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.getPrintSetup().setLandscape(true);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Header: STT, label, the level if asked, Đăng ký, Được tiếp nhận, Đã báo cáo kết quả, Được công nhận, Tiêu biểu, Lũy kế ... */
	private int figuresTable(Sheet sheet, int r, String label, String levelLabel, List<Line> lines, Figures totals,
			Styles styles) {
		List<String> header = new java.util.ArrayList<>(List.of(text("reporting.xlsx.col.no"), label));
		if (levelLabel != null) {
			header.add(levelLabel);
		}
		for (String key : List.of("registered", "accepted", "reported", "recognized", "typical", "cumulative",
				"cumulativeTypical")) {
			header.add(text("reporting.xlsx.col." + key));
		}
		r = headerRow(sheet, r, header, styles);
		int no = 1;
		for (Line line : lines) {
			Row row = sheet.createRow(r++);
			int c = 0;
			number(row, c++, no++, styles.number);
			text(row, c++, line.name(), styles.text);
			if (levelLabel != null) {
				text(row, c++, line.levelName(), styles.text);
			}
			figures(row, c, line.figures(), styles.number);
		}
		Row total = sheet.createRow(r++);
		text(total, 0, "", styles.totalText);
		text(total, 1, text("reporting.xlsx.total"), styles.totalText);
		int c = 2;
		if (levelLabel != null) {
			text(total, c++, "", styles.totalText);
		}
		figures(total, c, totals, styles.totalNumber);
		return r + 1;
	}

	private void awardsTable(Sheet sheet, int r, Summary summary, Styles styles) {
		r = headerRow(sheet, r,
				List.of(text("reporting.xlsx.col.no"), text("reporting.xlsx.col.awardType"),
						text("reporting.xlsx.col.collective"), text("reporting.xlsx.col.individual"),
						text("reporting.xlsx.col.total")),
				styles);
		int no = 1;
		for (AwardLine line : summary.awards().byType()) {
			Row row = sheet.createRow(r++);
			number(row, 0, no++, styles.number);
			text(row, 1, line.awardName(), styles.text);
			number(row, 2, line.collective(), styles.number);
			number(row, 3, line.individual(), styles.number);
			number(row, 4, line.total(), styles.number);
		}
		Row total = sheet.createRow(r);
		text(total, 0, "", styles.totalText);
		text(total, 1, text("reporting.xlsx.total"), styles.totalText);
		number(total, 2, summary.awards().collective(), styles.totalNumber);
		number(total, 3, summary.awards().individual(), styles.totalNumber);
		number(total, 4, summary.awards().total(), styles.totalNumber);
	}

	private static void figures(Row row, int c, Figures f, CellStyle style) {
		for (long value : new long[] { f.registered(), f.accepted(), f.reported(), f.recognized(), f.typical(),
				f.cumulative(), f.cumulativeTypical() }) {
			number(row, c++, value, style);
		}
	}

	private static int headerRow(Sheet sheet, int r, List<String> header, Styles styles) {
		Row row = sheet.createRow(r);
		row.setHeightInPoints(32);
		for (int c = 0; c < header.size(); c++) {
			text(row, c, header.get(c), styles.header);
		}
		return r + 1;
	}

	private static int heading(Sheet sheet, int r, String heading, Styles styles) {
		text(sheet.createRow(r), 0, heading, styles.heading);
		return r + 1;
	}

	private static int merged(Sheet sheet, int r, String value, CellStyle style) {
		Row row = sheet.createRow(r);
		text(row, 0, value, style);
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
		return r + 1;
	}

	private static void text(Row row, int c, String value, CellStyle style) {
		Cell cell = row.createCell(c);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	private static void number(Row row, int c, long value, CellStyle style) {
		Cell cell = row.createCell(c);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, VI);
	}

	/** The workbook's cell styles (Times New Roman, as the board's written reports). */
	private static final class Styles {

		final CellStyle title, subtitle, note, heading, header, text, number, totalText, totalNumber;

		Styles(XSSFWorkbook workbook) {
			Font bold = font(workbook, true, false, 12);
			title = workbook.createCellStyle();
			title.setFont(font(workbook, true, false, 14));
			title.setAlignment(HorizontalAlignment.CENTER);
			subtitle = workbook.createCellStyle();
			subtitle.setFont(font(workbook, false, false, 12));
			subtitle.setAlignment(HorizontalAlignment.CENTER);
			note = workbook.createCellStyle();
			note.setFont(font(workbook, false, true, 12));
			note.setAlignment(HorizontalAlignment.CENTER);
			heading = workbook.createCellStyle();
			heading.setFont(bold);
			header = bordered(workbook, bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			header.setWrapText(true);
			Font plain = font(workbook, false, false, 12);
			text = bordered(workbook, plain);
			text.setWrapText(true);
			number = bordered(workbook, plain);
			number.setAlignment(HorizontalAlignment.CENTER);
			number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			totalText = bordered(workbook, bold);
			totalNumber = bordered(workbook, bold);
			totalNumber.setAlignment(HorizontalAlignment.CENTER);
			totalNumber.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
		}

		private static Font font(XSSFWorkbook workbook, boolean bold, boolean italic, int points) {
			Font font = workbook.createFont();
			font.setFontName("Times New Roman");
			font.setBold(bold);
			font.setItalic(italic);
			font.setFontHeightInPoints((short) points);
			return font;
		}

		private static CellStyle bordered(XSSFWorkbook workbook, Font font) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}

	}

}
