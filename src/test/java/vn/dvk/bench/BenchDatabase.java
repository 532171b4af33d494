package vn.dvk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one PostgreSQL server of the run (zonky: the real binaries of the version DVK embeds),
 * durable like production: fsync and synchronous_commit on (zonky's own default turns
 * synchronous_commit off). Databases: {@code dvk} for the application, {@code bare} for the
 * bare engine; the JDBC loop uses the schema {@code jdbcloop} of {@code dvk}.
 */
final class BenchDatabase implements AutoCloseable {

	static final String DVK = "dvk";

	static final String BARE = "bare";

	private final EmbeddedPostgres postgres;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private BenchDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static BenchDatabase start(Path dataDirectory, boolean statements) throws IOException {
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (statements) {
			// -Dbench.pg-statements=true: which statements the server spent its time on, per rush
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
		}
		EmbeddedPostgres postgres = builder
			.setDataDirectory(dataDirectory.toFile())
			.setCleanDataDirectory(true)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		BenchDatabase database = new BenchDatabase(postgres);
		database.execute("postgres", "create database " + DVK);
		database.execute("postgres", "create database " + BARE);
		if (statements) {
			database.execute("postgres", "create extension pg_stat_statements");
		}
		return database;
	}

	String jdbcUrl(String database) {
		return postgres.getJdbcUrl("postgres", database);
	}

	int port() {
		return postgres.getPort();
	}

	/** A small pool of the harness's own (never the application's). */
	synchronized DataSource pool(String database, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl(database));
		config.setUsername("postgres");
		config.setMaximumPoolSize(size);
		config.setPoolName("bench-" + database + "-" + pools.size());
		HikariDataSource pool = new HikariDataSource(config);
		pools.add(pool);
		return pool;
	}

	void execute(String database, String sql) {
		try (Connection c = postgres.getDatabase("postgres", database).getConnection();
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	static long count(DataSource db, String sql, Object... params) {
		String value = single(db, sql, params);
		return value == null ? 0 : Long.parseLong(value);
	}

	static String single(DataSource db, String sql, Object... params) {
		List<String> rows = column(db, sql, params);
		if (rows.size() != 1) {
			throw new IllegalStateException(rows.size() + " rows for " + sql);
		}
		return rows.get(0);
	}

	static List<String> column(DataSource db, String sql, Object... params) {
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	static int update(DataSource db, String sql, Object... params) {
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			return s.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** Forgets the statements counted so far (with {@code bench.pg-statements}). */
	void resetStatements() {
		execute("postgres", "select pg_stat_statements_reset()");
	}

	/**
	 * Writes the statements that took the most server time since the last reset, per database:
	 * total ms, calls, mean ms, rows, the query.
	 */
	void writeStatements(Path file) throws IOException {
		String sql = "select d.datname, round(s.total_exec_time::numeric, 1), s.calls, "
				+ "round(s.mean_exec_time::numeric, 3), s.rows, regexp_replace(s.query, '\\s+', ' ', 'g') "
				+ "from pg_stat_statements s join pg_database d on d.oid = s.dbid "
				+ "order by s.total_exec_time desc limit 60";
		StringBuilder out = new StringBuilder("database\ttotal ms\tcalls\tmean ms\trows\tquery\n");
		try (Connection c = postgres.getDatabase("postgres", "postgres").getConnection();
				Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				for (int i = 1; i <= 6; i++) {
					out.append(rs.getString(i)).append(i < 6 ? '\t' : '\n');
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
		Files.writeString(file, out);
	}

	@Override
	public void close() throws IOException {
		pools.forEach(HikariDataSource::close);
		postgres.close();
	}

}
