package vn.dvk.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public pages' templates hold no text of their own: every visible text is set by
 * {@code th:text}/{@code th:utext} (from the message files or data), every readable attribute by
 * {@code th:attr} or {@code th:placeholder}; no inline script or event handler.
 */
class PublicTemplatesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates/public");

	@ParameterizedTest
	@ValueSource(strings = { "models.html", "model.html", "figures.html" })
	void noLiteralTextNoInlineScript(String name) throws IOException {
		String source = Files.readString(TEMPLATES.resolve(name), StandardCharsets.UTF_8);
		var document = Jsoup.parse(source, "", Parser.htmlParser());
		List<String> problems = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			for (TextNode text : element.textNodes()) {
				if (!text.isBlank() && !setByThymeleaf(element)) {
					problems.add("<" + element.tagName() + "> \"" + text.text().strip() + "\"");
				}
			}
			for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
				if (element.hasAttr(attribute)) {
					problems.add("<" + element.tagName() + " " + attribute + "> literal");
				}
			}
			element.attributes().forEach(a -> {
				if (a.getKey().startsWith("on") || a.getKey().startsWith("hx-on")) {
					problems.add("<" + element.tagName() + " " + a.getKey() + "> event handler");
				}
			});
			if (element.tagName().equals("script") && !element.hasAttr("th:src")
					&& !"application/json".equals(element.attr("type"))) {
				problems.add("inline <script>");
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The element's text is replaced by Thymeleaf (its own th:text, or a fragment that replaces it). */
	private static boolean setByThymeleaf(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace")) {
				return true;
			}
		}
		return false;
	}

}
