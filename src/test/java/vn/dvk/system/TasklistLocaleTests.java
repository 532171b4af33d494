package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our Vietnamese Tasklist locale must cover exactly the labels of the shipped
 * 7.24 English locale, and our config.js must make it the default.
 */
class TasklistLocaleTests {

	private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

	private static Map<String, JsonNode> english;

	private static Map<String, JsonNode> vietnamese;

	@BeforeAll
	static void loadLocales() throws IOException {
		URL en = resource(TASKLIST + "locales/en.json");
		assertThat(en.getProtocol()).as("en.json comes from the Camunda webjar").isEqualTo("jar");
		english = flatten(readJson(en));
		vietnamese = flatten(readJson(resource(TASKLIST + "locales/vi.json")));
	}

	@Test
	void everyKeyOfTheShippedEnglishLocaleIsTranslatedToVietnamese() {
		List<String> missing = new ArrayList<>(english.keySet());
		missing.removeAll(vietnamese.keySet());
		assertThat(missing).as("keys of en.json missing in vi.json").isEmpty();
	}

	@Test
	void theVietnameseLocaleHasNoKeyTheEnglishLocaleLacks() {
		List<String> extra = new ArrayList<>(vietnamese.keySet());
		extra.removeAll(english.keySet());
		assertThat(extra).as("keys of vi.json unknown to en.json").isEmpty();
	}

	@Test
	void everyTranslationKeepsThePlaceholdersOfTheEnglishText() {
		Map<String, String> differing = new LinkedHashMap<>();
		english.forEach((key, en) -> {
			JsonNode vi = vietnamese.get(key);
			if (vi != null && !placeholders(en).equals(placeholders(vi))) {
				differing.put(key, placeholders(en) + " vs " + placeholders(vi));
			}
		});
		assertThat(differing).as("placeholders differing between en.json and vi.json").isEmpty();
	}

	@Test
	void noEnglishTextIsTranslatedToAnEmptyString() {
		List<String> empty = new ArrayList<>();
		english.forEach((key, en) -> {
			JsonNode vi = vietnamese.get(key);
			if (en.isTextual() && !en.asText().isEmpty() && vi != null && vi.asText().isBlank()) {
				empty.add(key);
			}
		});
		assertThat(empty).isEmpty();
	}

	@Test
	void theTasklistConfigMakesVietnameseTheFallbackAndOnlyLocale() throws IOException {
		List<URL> configs = Collections.list(classLoader().getResources(TASKLIST + "scripts/config.js"));
		assertThat(configs).as("our config.js and the webjar's").hasSizeGreaterThanOrEqualTo(2);
		assertThat(configs.get(0).getProtocol()).as("our config.js shadows the webjar's").isEqualTo("file");

		String config = withoutComments(read(configs.get(0)));
		assertThat(config).containsPattern("fallbackLocale\\s*:\\s*['\"]vi['\"]");
		Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(config);
		assertThat(available.find()).as("availableLocales is set").isTrue();
		// Tasklist uses the browser's first language when it is available, so
		// listing "en" would show English to English-language browsers.
		assertThat(available.group(1).replaceAll("\\s", "")).isEqualTo("'vi'");
	}

	private static List<String> placeholders(JsonNode node) {
		List<String> found = new ArrayList<>();
		if (node.isTextual()) {
			Matcher matcher = PLACEHOLDER.matcher(node.asText());
			while (matcher.find()) {
				found.add(matcher.group());
			}
		}
		Collections.sort(found);
		return found;
	}

	private static Map<String, JsonNode> flatten(JsonNode root) {
		Map<String, JsonNode> leaves = new LinkedHashMap<>();
		flatten("", root, leaves);
		return leaves;
	}

	private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> flatten(path + "/" + entry.getKey(), entry.getValue(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "[" + i + "]", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path, node);
		}
	}

	private static String withoutComments(String script) {
		return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
	}

	private static JsonNode readJson(URL url) throws IOException {
		// reading bytes, Jackson skips the UTF-8 byte order mark en.json starts with
		try (InputStream in = url.openStream()) {
			return JSON.readTree(in);
		}
	}

	private static String read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static URL resource(String name) {
		URL url = classLoader().getResource(name);
		assertThat(url).as(name + " on the classpath").isNotNull();
		return url;
	}

	private static ClassLoader classLoader() {
		return TasklistLocaleTests.class.getClassLoader();
	}

}
