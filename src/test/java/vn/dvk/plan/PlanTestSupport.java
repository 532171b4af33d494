package vn.dvk.plan;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.organization.UnitLevel;
import vn.dvk.organization.UnitNotFoundException;
import vn.dvk.organization.UnitType;
import vn.dvk.plan.process.PlanWorkflow;

/**
 * A small unit tree, a clock the test moves and a workflow that only records what it was asked.
 */
@TestConfiguration(proxyBeanMethods = false)
class PlanTestSupport {

	static final Instant NOW = Instant.parse("2026-01-15T03:00:00Z");

	static final List<Unit> UNITS = List.of(
			new Unit("tinh", "Tỉnh Khánh Hòa", UnitLevel.PROVINCE, UnitType.PROVINCE, null, false,
					List.of("xa-cam-lam", "phuong-nha-trang", "huyen-cam-lam")),
			new Unit("xa-cam-lam", "Xã Cam Lâm", UnitLevel.COMMUNE, UnitType.COMMUNE, "tinh", true, List.of()),
			new Unit("phuong-nha-trang", "Phường Nha Trang", UnitLevel.COMMUNE, UnitType.WARD, "tinh", true,
					List.of()),
			new Unit("huyen-cam-lam", "Huyện Cam Lâm (trước 01/07/2025)", UnitLevel.DISTRICT, UnitType.DISTRICT,
					"tinh", true, List.of("xa-cam-hai-dong")),
			new Unit("xa-cam-hai-dong", "Xã Cam Hải Đông", UnitLevel.COMMUNE, UnitType.COMMUNE, "huyen-cam-lam", true,
					List.of()));

	@Bean
	MutableClock clock() {
		return new MutableClock(NOW);
	}

	@Bean
	FakePlanWorkflow planWorkflow() {
		return new FakePlanWorkflow();
	}

	@Bean
	OrganizationService organizationService() {
		Map<String, Unit> byCode = UNITS.stream().collect(Collectors.toMap(Unit::code, Function.identity()));
		OrganizationService organization = mock(OrganizationService.class);
		when(organization.registeringUnits()).thenReturn(UNITS.stream().filter(Unit::registering).toList());
		when(organization.exists(anyString())).thenAnswer(call -> byCode.containsKey(call.<String>getArgument(0)));
		when(organization.find(anyString()))
			.thenAnswer(call -> Optional.ofNullable(byCode.get(call.<String>getArgument(0))));
		when(organization.require(anyString())).thenAnswer(call -> Optional
			.ofNullable(byCode.get(call.<String>getArgument(0)))
			.orElseThrow(() -> new UnitNotFoundException(call.getArgument(0))));
		return organization;
	}

	/** A clock the test can move forward. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			now = instant;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	/** Records calls; a test may make a call do something (e.g. what the process's first step does). */
	static final class FakePlanWorkflow implements PlanWorkflow {

		final List<String> calls = new ArrayList<>();

		java.util.function.Consumer<Plan> onStart = plan -> {
		};

		@Override
		public void start(Plan plan, String submittedBy) {
			calls.add("start " + plan.code() + " by " + submittedBy);
			onStart.accept(plan);
		}

		@Override
		public void resubmit(Plan plan, String submittedBy) {
			calls.add("resubmit " + plan.code() + " by " + submittedBy);
		}

		final List<String> seasons = new ArrayList<>();

		@Override
		public void seasonChanged(Plan plan, SeasonDates season) {
			seasons.add(plan.code() + ":" + season.evaluationOpensAt());
		}

		void reset() {
			calls.clear();
			seasons.clear();
			onStart = plan -> {
			};
		}

	}

}
