package vn.dvk.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unit head's templates hold no text of their own: every text node sits in an element whose
 * {@code th:text} (or {@code th:utext}, {@code th:errors}, a fragment) replaces it, and every
 * {@code placeholder}, {@code title}, {@code aria-label} and {@code alt} comes from a message.
 */
class UnitPortalTemplatesTests {

	private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert");

	private static final List<String> READABLE_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt");

	@ParameterizedTest
	@ValueSource(strings = { "unit/home.html", "unit/registration-form.html", "unit/result-report.html",
			"unit/recognitions.html", "registration/detail.html", "registration/attachments.html" })
	void everyTextAPersonReadsComesFromTheMessageFiles(String template) throws IOException {
		Document doc = Jsoup.parse(Files.readString(Path.of("src/main/resources/templates", template),
				StandardCharsets.UTF_8));
		List<String> literal = new ArrayList<>();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text && !text.isBlank() && !replaced(text)) {
					literal.add(text.text().strip());
				}
				if (node instanceof Element element) {
					for (String attribute : READABLE_ATTRIBUTES) {
						if (element.hasAttr(attribute)) {
							literal.add(attribute + "=" + element.attr(attribute));
						}
					}
				}
			}
		}, doc);
		assertThat(literal).as(template).isEmpty();
	}

	private static boolean replaced(Node node) {
		for (Node n = node.parentNode(); n instanceof Element e; n = n.parentNode()) {
			if (REPLACING.stream().anyMatch(e::hasAttr)) {
				return true;
			}
		}
		return false;
	}

}
