package vn.dvk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word a person reads on a page or in an email comes from the message files: a template's
 * literal text is only a prototype that Thymeleaf replaces. Fails on text or a readable attribute
 * that would reach the reader as written in the template, and on a message key that no message
 * file defines.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	/** Attributes whose value replaces (or removes) the element's content. */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert",
			"th:remove");

	/** Attributes a person reads or hears. */
	private static final Set<String> READABLE_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt",
			"value", "label", "content");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	@Test
	void templatesHoldNoTextOutsideMessageFiles() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			String name = TEMPLATES.relativize(template).toString();
			for (Element element : doc.getAllElements()) {
				if (element.tagName().equals("style") || element.tagName().equals("script")) {
					continue;
				}
				for (Node child : element.childNodes()) {
					if (child instanceof TextNode text && LETTER.matcher(text.text()).find()
							&& !replaced(element)) {
						literals.add(name + ": text “" + text.text().strip() + "”");
					}
				}
				for (Attribute attribute : element.attributes()) {
					if (READABLE_ATTRIBUTES.contains(attribute.getKey())
							&& LETTER.matcher(attribute.getValue()).find() && !readableAttributeSet(element, attribute)
							&& !isMetaOrMachineValue(element, attribute)) {
						literals.add(name + ": attribute " + attribute.getKey() + "=“" + attribute.getValue() + "”");
					}
				}
			}
		}
		assertThat(literals).as("literal text in templates (move it to a message file)").isEmpty();
	}

	/** CSP allows scripts from our own files only: no inline script, no event handler attribute. */
	@Test
	void templatesHoldNoInlineScriptOrEventHandler() throws IOException {
		List<String> inline = new ArrayList<>();
		for (Path template : templates()) {
			Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			String name = TEMPLATES.relativize(template).toString();
			for (Element script : doc.select("script")) {
				boolean data = script.attr("type").equals("application/json");
				if (!data && !script.hasAttr("src") && !script.hasAttr("th:src") && !script.hasAttr("th:replace")) {
					inline.add(name + ": inline <script>");
				}
			}
			for (Element element : doc.getAllElements()) {
				for (Attribute attribute : element.attributes()) {
					String key = attribute.getKey().replaceFirst("^th:", "");
					if (key.startsWith("on") || key.startsWith("hx-on")) {
						inline.add(name + ": " + attribute.getKey() + " on <" + element.tagName() + ">");
					}
				}
			}
		}
		assertThat(inline).as("scripts the Content-Security-Policy would block").isEmpty();
	}

	@Test
	void everyMessageKeyInTemplatesIsDefined() throws IOException {
		Properties messages = messages();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
			while (m.find()) {
				if (!messages.containsKey(m.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
				}
			}
		}
		assertThat(missing).as("message keys used in templates but defined in no message file").isEmpty();
	}

	@Test
	void theCheckFindsLiteralText() {
		Document doc = Jsoup.parse("<p>Xin chào <b th:text=\"#{a}\">x</b></p><input placeholder=\"Tìm\">", "",
				Parser.xmlParser());
		Element p = doc.selectFirst("p");
		Element input = doc.selectFirst("input");
		assertThat(replaced(p)).isFalse();
		assertThat(replaced(doc.selectFirst("b"))).isTrue();
		assertThat(readableAttributeSet(input, input.attribute("placeholder"))).isFalse();
	}

	private static boolean replaced(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			for (String attribute : REPLACING) {
				if (e.hasAttr(attribute)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean readableAttributeSet(Element element, Attribute attribute) {
		return element.hasAttr("th:" + attribute.getKey()) || element.attr("th:attr").contains(attribute.getKey() + "=")
				|| replaced(element);
	}

	/** Values a browser or machine reads, not a person: option/checkbox values, meta charset/viewport. */
	private static boolean isMetaOrMachineValue(Element element, Attribute attribute) {
		return switch (attribute.getKey()) {
			case "value" -> !"button".equals(element.attr("type")) && !"submit".equals(element.attr("type"))
					&& !"reset".equals(element.attr("type"));
			case "content" -> element.tagName().equals("meta") && !element.attr("name").equals("description");
			case "label" -> !element.tagName().equals("option") && !element.tagName().equals("optgroup");
			default -> false;
		};
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
			assertThat(html).isNotEmpty();
			return html;
		}
	}

	private static Properties messages() throws IOException {
		Properties all = new Properties();
		try (Stream<Path> files = Files.walk(MESSAGES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
			}
		}
		assertThat(all).isNotEmpty();
		return all;
	}

}
