package vn.dvk.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import vn.dvk.shared.DvkException;

/**
 * Reads an import file into rows of text keyed by the slug of the header (the Vietnamese header Tên mô hình
 * and ten_mo_hinh are both ten_mo_hinh). The type is decided from the content,
 * never from the file name: an OOXML zip is read as XLSX (first sheet, header in the first
 * row), valid UTF-8 text as CSV (header row; comma or semicolon, whichever the header uses);
 * anything else is refused with 415.
 */
final class ImportFileReader {

	/** One data row: its line number in the file (1 is the header) and its cells by column slug. */
	record Row(int line, Map<String, String> cells) {

		String get(String column) {
			String value = cells.get(column);
			return value == null ? "" : value.strip();
		}

		boolean blank() {
			return cells.values().stream().allMatch(v -> v == null || v.isBlank());
		}

	}

	/** The header's column slugs and the data rows (blank rows left out). */
	record Table(List<String> header, List<Row> rows) {
	}

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private ImportFileReader() {
	}

	static Table read(byte[] content) {
		if (content.length == 0) {
			throw new DvkException(HttpStatus.BAD_REQUEST, "reporting.import.empty");
		}
		if (startsWith(content, ZIP)) {
			return xlsx(content);
		}
		return csv(text(content));
	}

	private static Table xlsx(byte[] content) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new DvkException(HttpStatus.BAD_REQUEST, "reporting.import.empty");
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
			Row header = null;
			List<String> columns = new ArrayList<>();
			List<Row> rows = new ArrayList<>();
			for (org.apache.poi.ss.usermodel.Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell));
				}
				if (header == null) {
					if (cells.stream().allMatch(String::isBlank)) {
						continue;
					}
					cells.forEach(cell -> columns.add(Fields.slug(cell)));
					header = new Row(row.getRowNum() + 1, Map.of());
					continue;
				}
				Row data = new Row(row.getRowNum() + 1, keyed(columns, cells));
				if (!data.blank()) {
					rows.add(data);
				}
			}
			if (header == null) {
				throw new DvkException(HttpStatus.BAD_REQUEST, "reporting.import.empty");
			}
			return new Table(columns, rows);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DvkException dvk) {
				throw dvk;
			}
			// a zip that is not a workbook (a renamed .docx, .jar, .zip ...)
			throw new DvkException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "reporting.import.type");
		}
	}

	private static Table csv(String text) {
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			throw new DvkException(HttpStatus.BAD_REQUEST, "reporting.import.empty");
		}
		String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
		char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> columns = null;
			List<Row> rows = new ArrayList<>();
			long line = 1;
			for (CSVRecord record : parser) {
				long start = line;
				line = parser.getCurrentLineNumber() + 1;
				List<String> cells = record.toList();
				if (columns == null) {
					if (cells.stream().allMatch(String::isBlank)) {
						continue;
					}
					columns = cells.stream().map(Fields::slug).toList();
					continue;
				}
				Row data = new Row((int) start, keyed(columns, cells));
				if (!data.blank()) {
					rows.add(data);
				}
			}
			return new Table(columns == null ? List.of() : columns, rows);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			throw new DvkException(HttpStatus.BAD_REQUEST, "reporting.import.csv", ex.getMessage());
		}
	}

	private static Map<String, String> keyed(List<String> columns, List<String> cells) {
		Map<String, String> keyed = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			keyed.put(columns.get(i), i < cells.size() ? cells.get(i) : "");
		}
		return keyed;
	}

	/** UTF-8 text without control characters other than tab and line breaks, or 415. */
	private static String text(byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new DvkException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "reporting.import.type");
		}
		boolean binary = text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
		if (binary || text.startsWith("%PDF-") || text.startsWith("{\\rtf") || text.stripLeading().startsWith("<")) {
			throw new DvkException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "reporting.import.type");
		}
		return text;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static long count(String line, char c) {
		return line.chars().filter(ch -> ch == c).count();
	}

}
