package vn.dvk.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One node at a time for the start-up seeding, across every node on the same database: a
 * PostgreSQL session advisory lock, held on a connection of its own while the work runs (in the
 * engine's and our own transactions, on other connections). Two nodes starting together would
 * otherwise both find a filter, an authorization or the demo plan missing and both create it
 * (duplicate filters and plans; a unique-key failure that stops the second node). A node that
 * dies while holding it loses its connection, and PostgreSQL releases the lock.
 */
@Component
class StartupLock {

	/** {@code pg_advisory_lock} key: "DVKSEED" in ASCII. */
	static final long KEY = 0x44564b53454544L;

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	private final DataSource dataSource;

	StartupLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	void run(Runnable work) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			long waited = System.nanoTime();
			call(connection, "select pg_advisory_lock(?)");
			log.debug("Start-up lock taken after {} ms", (System.nanoTime() - waited) / 1_000_000);
			try {
				work.run();
			}
			finally {
				call(connection, "select pg_advisory_unlock(?)");
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Start-up lock: " + ex.getMessage(), ex);
		}
	}

	private static void call(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, KEY);
			statement.execute();
		}
	}

}
