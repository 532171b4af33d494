package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.dvk.system.EmbeddedPostgresConfiguration;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedPostgresConfiguration.class)
@ActiveProfiles("test")
class DatabaseSmokeTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void flywayCreatesTheApplicationTablesOnRealPostgres() {
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
		assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in "
				+ "('plan','registration','registration_history','attachment','mail_outbox')")
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
	}

}
