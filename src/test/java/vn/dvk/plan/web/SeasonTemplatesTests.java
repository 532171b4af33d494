package vn.dvk.plan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The specialists' templates ({@code templates/season/}) have no literal text a person reads:
 * every text is inside an element with {@code th:text}/{@code th:utext}, and no placeholder,
 * title, aria-label or alt is written literally; no inline script or event handler (CSP).
 */
class SeasonTemplatesTests {

	@Test
	void everyVisibleTextComesFromTheMessageFiles() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/season"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Document doc = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
				for (Element e : doc.getAllElements()) {
					for (TextNode text : e.textNodes()) {
						if (!text.isBlank() && !fromMessages(e)) {
							problems.add(file.getFileName() + ": text '" + text.text().strip() + "' in <" + e.tagName() + ">");
						}
					}
					for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
						if (e.hasAttr(attribute)) {
							problems.add(file.getFileName() + ": literal " + attribute + " on <" + e.tagName() + ">");
						}
					}
					e.attributes().forEach(a -> {
						if (a.getKey().startsWith("on") || a.getKey().equals("hx-on") || a.getKey().startsWith("hx-on")) {
							problems.add(file.getFileName() + ": event handler " + a.getKey());
						}
					});
					if (e.tagName().equals("script") && !e.hasAttr("th:src") && !e.hasAttr("th:replace")) {
						problems.add(file.getFileName() + ": inline script");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static boolean fromMessages(Element e) {
		for (Element at = e; at != null; at = at.parent()) {
			if (at.hasAttr("th:text") || at.hasAttr("th:utext") || at.hasAttr("th:replace")) {
				return true;
			}
		}
		return false;
	}

}
