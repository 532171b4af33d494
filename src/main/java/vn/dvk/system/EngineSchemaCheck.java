package vn.dvk.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks the engine's tables before the engine touches them (after the engine's configuration is
 * initialised, before its schema operations):
 * <ul>
 * <li>no engine tables and {@code DVK_ENGINE_SCHEMA_UPDATE=false}: start-up fails, saying how to
 * create them;</li>
 * <li>engine tables of an older minor version than this engine (the newest row of
 * {@code ACT_GE_SCHEMA_LOG}): start-up fails, whatever the setting, because the engine never
 * upgrades its tables by itself (not even with {@code true}): Camunda's upgrade scripts must be
 * run first.</li>
 * </ul>
 * See docs/operations.md, "The engine's tables".
 */
@Component
class EngineSchemaCheck extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineSchemaCheck.class);

	static final String NO_TABLES = "DVK: the database has no Camunda engine tables (ACT_*) and "
			+ "DVK_ENGINE_SCHEMA_UPDATE=false, so the engine will not create them. Either start once with "
			+ "DVK_ENGINE_SCHEMA_UPDATE=true (the engine creates its tables, then set it back to false), or "
			+ "create them with the scripts org/camunda/bpm/engine/db/create/activiti.postgres.create.*.sql of "
			+ "camunda-engine-%1$s.jar. See docs/operations.md, \"The engine's tables\".";

	static final String OLDER_TABLES = "DVK: the Camunda engine tables in the database are version %s, this "
			+ "engine is %s. The engine does not upgrade its tables by itself: back up the database, run "
			+ "Camunda's upgrade scripts org/camunda/bpm/engine/db/upgrade/postgres_engine_<from>_to_<to>.sql "
			+ "(in camunda-engine-<version>.jar) one after the other up to %s, then start DVK again. See docs/operations.md, \"The engine's tables\".";

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		check(configuration.getDataSource(), configuration.getDatabaseSchemaUpdate(),
				ProductPropertiesUtil.getProductVersion());
	}

	static void check(DataSource dataSource, String schemaUpdate, String engineVersion) {
		Optional<String> tablesVersion;
		try (Connection connection = dataSource.getConnection()) {
			tablesVersion = tablesVersion(connection);
		}
		catch (SQLException ex) {
			throw new ProcessEngineException("DVK: cannot read the engine's tables to check their version", ex);
		}
		if (tablesVersion.isEmpty()) {
			if ("false".equals(schemaUpdate)) {
				throw new ProcessEngineException(NO_TABLES.formatted(engineVersion));
			}
			log.info("Engine tables missing: the engine creates them (schema-update {})", schemaUpdate);
			return;
		}
		String found = tablesVersion.get();
		int comparison = compareMinor(found, engineVersion);
		if (comparison < 0) {
			throw new ProcessEngineException(OLDER_TABLES.formatted(found, engineVersion, minor(engineVersion)));
		}
		if (comparison > 0) {
			log.warn("Engine tables are version {}, newer than this engine {}: only a rolling update runs like this",
					found, engineVersion);
		}
		else {
			log.info("Engine tables version {} (engine {}, schema-update {})", found, engineVersion, schemaUpdate);
		}
	}

	/** The newest version in ACT_GE_SCHEMA_LOG; empty when the engine's tables are missing. */
	static Optional<String> tablesVersion(Connection connection) throws SQLException {
		if (!tableExists(connection, "act_ge_property")) {
			return Optional.empty();
		}
		if (!tableExists(connection, "act_ge_schema_log")) {
			// written by every create and upgrade script since 7.11
			return Optional.of("7.10.0");
		}
		List<String> versions = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("select VERSION_ from ACT_GE_SCHEMA_LOG");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				if (rows.getString(1) != null) {
					versions.add(rows.getString(1).trim());
				}
			}
		}
		return versions.stream().max(Comparator.comparing(EngineSchemaCheck::numbers, EngineSchemaCheck::compare));
	}

	private static boolean tableExists(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"select count(*) from information_schema.tables where lower(table_name) = ? and table_schema = current_schema()")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() && rows.getInt(1) > 0;
			}
		}
	}

	/** Compares major.minor only: patch levels share a schema. */
	static int compareMinor(String a, String b) {
		int[] x = numbers(a);
		int[] y = numbers(b);
		return compare(new int[] { x[0], x[1] }, new int[] { y[0], y[1] });
	}

	static String minor(String version) {
		int[] n = numbers(version);
		return n[0] + "." + n[1];
	}

	private static int[] numbers(String version) {
		int[] n = Arrays.stream(version.split("[.-]")).limit(3).mapToInt(part -> {
			try {
				return Integer.parseInt(part);
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}).toArray();
		return Arrays.copyOf(n, 3);
	}

	private static int compare(int[] a, int[] b) {
		return Arrays.compare(a, b);
	}

}
