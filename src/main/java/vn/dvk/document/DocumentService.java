package vn.dvk.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Official documents as PDF: a Thymeleaf template {@code templates/document/<template>.html}
 * (well-formed XHTML, rendered in XML mode) converted to PDF by openhtmltopdf with Liberation
 * Serif embedded (the metrics of Times New Roman, every Vietnamese glyph). Public API of the
 * document module. Templates use the shared layout {@code templates/document/layout.html}; see
 * {@code docs/documents.md}.
 *
 * <p>The template engine is private to this service (not a bean), so the web's Thymeleaf
 * configuration is untouched. Texts {@code #{...}} come from the application's message files.
 */
@Service
public class DocumentService {

	/** The font family name templates use in CSS. */
	public static final String FONT_FAMILY = "Liberation Serif";

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String[][] FONTS = { { "Regular", "400", "NORMAL" }, { "Bold", "700", "NORMAL" },
			{ "Italic", "400", "ITALIC" }, { "BoldItalic", "700", "ITALIC" } };

	private final SpringTemplateEngine engine;

	private final Clock clock;

	DocumentService(MessageSource messages, Clock clock) {
		this.clock = clock;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DocumentService.class.getClassLoader());
		resolver.setPrefix("templates/document/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.XML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateResolver(resolver);
		this.engine.setTemplateEngineMessageSource(messages);
	}

	/**
	 * @param template template name, e.g. {@code recognition-decision}
	 * @param model    template variables; {@code documentDate} (a {@link LocalDate}) defaults to
	 *                 today in Asia/Ho_Chi_Minh, {@code dateLine} (Khánh Hòa, ngày 05 tháng 01
	 *                 năm 2026) is computed from it
	 * @return the PDF bytes
	 */
	public byte[] pdf(String template, Map<String, Object> model) {
		return toPdf(html(template, model));
	}

	/** The XHTML a template renders to (for tests and previews). */
	String html(String template, Map<String, Object> model) {
		Map<String, Object> variables = new HashMap<>(model);
		Object date = variables.get("documentDate");
		LocalDate documentDate = date instanceof LocalDate d ? d : LocalDate.now(clock.withZone(ZONE));
		variables.put("documentDate", documentDate);
		variables.putIfAbsent("dateLine", OfficialDates.dateLine(documentDate));
		Context context = new Context(VIETNAMESE, variables);
		return engine.process(template, context);
	}

	private byte[] toPdf(String xhtml) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			for (String[] font : FONTS) {
				String resource = "/liberation/LiberationSerif-" + font[0] + ".ttf";
				builder.useFont(() -> open(resource), FONT_FAMILY, Integer.parseInt(font[1]),
						FontStyle.valueOf(font[2]), true);
			}
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PDF could not be produced", ex);
		}
	}

	private static InputStream open(String resource) {
		InputStream in = DocumentService.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Font not on the classpath: " + resource);
		}
		return in;
	}

}
