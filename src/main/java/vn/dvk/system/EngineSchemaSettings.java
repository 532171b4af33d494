package vn.dvk.system;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the engine does with its own tables (ACT_*) at start-up, chosen explicitly:
 * {@code dvk.engine.schema-update} ({@code DVK_ENGINE_SCHEMA_UPDATE}) is {@code true} (create the
 * tables that are missing), {@code false} (create nothing: start only on a database that already
 * holds them, see {@link EngineSchemaCheck}) or {@code create-drop} (throw-away databases only).
 * Unset, it is {@code true} on the embedded database (zero set-up) and {@code false} on an external
 * one ({@code spring.datasource.url} set), so a production database is never changed silently.
 * The result becomes the default of {@code camunda.bpm.database.schema-update}. Registered in
 * META-INF/spring.factories. See docs/operations.md.
 */
class EngineSchemaSettings implements EnvironmentPostProcessor {

	static final String PROPERTY = "dvk.engine.schema-update";

	static final String CAMUNDA_PROPERTY = "camunda.bpm.database.schema-update";

	static final List<String> VALUES = List.of("true", "false", "create-drop");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String value = resolve(environment.getProperty(PROPERTY), environment.getProperty("spring.datasource.url"),
				environment.getProperty("dvk.embedded.postgres.enabled", Boolean.class, true));
		environment.getPropertySources()
			.addLast(new MapPropertySource("dvkEngineSchemaUpdate", Map.of(CAMUNDA_PROPERTY, value)));
	}

	/** The engine's schema-update value for the operator's choice (blank: none) and the database in use. */
	static String resolve(String choice, String datasourceUrl, boolean embeddedEnabled) {
		if (choice != null && !choice.isBlank()) {
			String value = choice.trim().toLowerCase();
			if (!VALUES.contains(value)) {
				throw new IllegalStateException("DVK_ENGINE_SCHEMA_UPDATE (" + PROPERTY + ") must be one of " + VALUES
						+ ", not \"" + choice + "\" (docs/operations.md)");
			}
			return value;
		}
		boolean embedded = embeddedEnabled && (datasourceUrl == null || datasourceUrl.isBlank());
		return embedded ? "true" : "false";
	}

}
