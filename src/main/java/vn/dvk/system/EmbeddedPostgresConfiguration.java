package vn.dvk.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts embedded PostgreSQL (real binaries, fsync on, data kept under {@code ./data/postgres})
 * unless an external database is configured with {@code spring.datasource.url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
@ConditionalOnExpression("${dvk.embedded.postgres.enabled:true} and '${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			// Spring stops the server (destroyMethod) after the engine and the pool; zonky's own JVM
			// shutdown hook would race Spring's and stop it first, leaving the engine's last
			// commands waiting for a connection until the pool times out
			.setRegisterShutdownHook(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "100")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8");
		if (properties.dataDirectory() != null && !properties.dataDirectory().isBlank()) {
			File dir = new File(properties.dataDirectory()).getAbsoluteFile();
			Files.createDirectories(dir.toPath());
			builder.setDataDirectory(dir).setCleanDataDirectory(false);
		}
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL started on 127.0.0.1:{} (data: {})", postgres.getPort(),
				properties.dataDirectory() == null || properties.dataDirectory().isBlank() ? "temporary"
						: properties.dataDirectory());
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int maximumPoolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(maximumPoolSize);
		config.setPoolName("dvk-embedded");
		try {
			return new HikariDataSource(config);
		}
		catch (RuntimeException ex) {
			throw new UncheckedIOException(new IOException("Cannot connect to embedded PostgreSQL", ex));
		}
	}

}
