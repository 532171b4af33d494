package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two nodes starting at once seed one after the other: the lock is PostgreSQL's, so it holds
 * across processes as it holds across the two "nodes" (threads with connections of their own) here.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedPostgresConfiguration.class)
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StartupLockTests {

	@Autowired
	DataSource dataSource;

	@Test
	void twoNodesStartingTogetherSeedOneAfterTheOther() throws Exception {
		List<StartupLock> nodes = List.of(new StartupLock(dataSource), new StartupLock(dataSource));
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostInside = new AtomicInteger();
		AtomicInteger seeded = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (StartupLock node : nodes) {
				runs.add(pool.submit(() -> {
					start.await();
					node.run(() -> {
						mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
						sleep(300);
						seeded.incrementAndGet();
						inside.decrementAndGet();
					});
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(seeded).hasValue(2);
		assertThat(mostInside).as("nodes seeding at the same time").hasValue(1);
		assertThat(advisoryLocksHeld()).as("released").isZero();
	}

	@Test
	void aFailedSeedingReleasesTheLock() throws Exception {
		StartupLock lock = new StartupLock(dataSource);
		try {
			lock.run(() -> {
				throw new IllegalStateException("seeding failed");
			});
		}
		catch (IllegalStateException expected) {
			assertThat(expected).hasMessage("seeding failed");
		}
		assertThat(advisoryLocksHeld()).isZero();
		AtomicInteger ran = new AtomicInteger();
		lock.run(ran::incrementAndGet);
		assertThat(ran).hasValue(1);
	}

	private long advisoryLocksHeld() throws Exception {
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("select count(*) from pg_locks where locktype = 'advisory'");
				ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
