package vn.dvk.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The zero-set-up database: real PostgreSQL binaries from Maven Central, started in-process.
 *
 * @param enabled       start it (ignored when {@code spring.datasource.url} is set)
 * @param dataDirectory where the cluster lives between runs; empty for a throw-away directory
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("dvk.embedded.postgres")
record EmbeddedPostgresProperties(boolean enabled, String dataDirectory, int port) {
}
