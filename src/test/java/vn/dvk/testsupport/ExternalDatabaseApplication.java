package vn.dvk.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.dvk.DvkApplication;

/**
 * Starts the whole application, outside Spring's test-context cache, against an external PostgreSQL
 * (as an operator does with {@code SPRING_DATASOURCE_URL}): a random HTTP port, the embedded mail
 * server on free ports, and an engine of its own name, so that closing it leaves the "default"
 * engine of the cached test contexts in Camunda's static registry alone.
 */
public final class ExternalDatabaseApplication {

	private ExternalDatabaseApplication() {
	}

	public static ConfigurableApplicationContext start(String jdbcUrl, String engineName,
			Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("spring.datasource.url", jdbcUrl);
		all.put("spring.datasource.username", "postgres");
		all.put("spring.datasource.password", "");
		all.put("server.port", "0");
		all.put("camunda.bpm.process-engine-name", engineName);
		all.put("dvk.mail.dispatcher.enabled", "false");
		all.putAll(properties);
		// as command-line arguments: they win over application.yaml (default properties would not)
		String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(DvkApplication.class).profiles("test").run(args);
	}

}
