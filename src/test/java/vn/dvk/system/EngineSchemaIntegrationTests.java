package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.dvk.testsupport.ExternalDatabaseApplication;

/**
 * The engine's tables on an external PostgreSQL ({@code SPRING_DATASOURCE_URL}), one database through
 * the steps an operator takes: without a choice an empty database is refused with the documented
 * message; {@code DVK_ENGINE_SCHEMA_UPDATE=true} creates the tables once; later starts (no choice,
 * hence {@code false}) only check them; tables of an older engine version are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineSchemaIntegrationTests {

	static EmbeddedPostgres postgres;

	static String url;

	@BeforeAll
	static void startDatabase() throws IOException {
		postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		url = postgres.getJdbcUrl("postgres", "postgres");
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		postgres.close();
	}

	@Test
	@Order(1)
	void anEmptyExternalDatabaseWithoutAChoiceIsRefusedWithTheDocumentedMessage() throws SQLException {
		assertThatThrownBy(() -> ExternalDatabaseApplication.start(url, "schema-test", Map.of()).close())
			.rootCause()
			.hasMessageContaining("DVK: the database has no Camunda engine tables (ACT_*)")
			.hasMessageContaining("DVK_ENGINE_SCHEMA_UPDATE=true")
			.hasMessageContaining("docs/operations.md");
		assertThat(count("select count(*) from information_schema.tables where table_name = 'act_ge_property'"))
			.isZero();
		// Flyway ran first: our tables are there, the engine created nothing
		assertThat(count("select count(*) from information_schema.tables where table_name = 'registration'"))
			.isOne();
	}

	@Test
	@Order(2)
	void withTrueTheEngineCreatesItsTablesAndEveryDefinitionGetsTheOperatorsHistoryTimeToLive() {
		try (ConfigurableApplicationContext dvk = ExternalDatabaseApplication.start(url, "schema-test",
				Map.of("dvk.engine.schema-update", "true", "dvk.history.time-to-live", "30"))) {
			assertThat(dvk.getEnvironment().getProperty("camunda.bpm.database.schema-update")).isEqualTo("true");
			RepositoryService repository = dvk.getBean(RepositoryService.class);
			assertThat(repository.createProcessDefinitionQuery().unlimitedList()).hasSizeGreaterThanOrEqualTo(5)
				.extracting(ProcessDefinition::getHistoryTimeToLive)
				.containsOnly(30);
			assertThat(repository.createDecisionDefinitionQuery().unlimitedList()).isNotEmpty()
				.allSatisfy(decision -> assertThat(decision.getHistoryTimeToLive()).isEqualTo(30));
		}
	}

	@Test
	@Order(3)
	void laterStartsWithoutAChoiceOnlyCheckTheTables() throws SQLException {
		int tables = count("select count(*) from information_schema.tables where table_name like 'act_%'");
		try (ConfigurableApplicationContext dvk = ExternalDatabaseApplication.start(url, "schema-test", Map.of())) {
			assertThat(dvk.getEnvironment().getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
			assertThat(dvk.getBean(RepositoryService.class).createProcessDefinitionQuery().count()).isPositive();
		}
		assertThat(count("select count(*) from information_schema.tables where table_name like 'act_%'"))
			.isEqualTo(tables);
	}

	@Test
	@Order(4)
	void tablesOfAnOlderEngineAreRefusedEvenWithTrue() throws SQLException {
		execute("update ACT_GE_SCHEMA_LOG set VERSION_ = '7.23.0'");
		try {
			assertThatThrownBy(() -> ExternalDatabaseApplication
				.start(url, "schema-test", Map.of("dvk.engine.schema-update", "true"))
				.close()).rootCause()
				.hasMessageContaining("the Camunda engine tables in the database are version 7.23.0, this engine is 7.24.0")
				.hasMessageContaining("postgres_engine_<from>_to_<to>.sql");
		}
		finally {
			execute("update ACT_GE_SCHEMA_LOG set VERSION_ = '7.24.0'");
		}
	}

	private static int count(String sql) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
