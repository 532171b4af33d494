package vn.dvk.system;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: Tasklist filters always; demo users, groups and an open plan when
 * {@code dvk.demo.enabled} (the default profile).
 */
@Component
class StartupSeeding {

	private final DemoProperties demo;

	private final TasklistFilterSeeder filters;

	private final DemoIdentitySeeder identity;

	private final DemoPlanSeeder plans;

	StartupSeeding(DemoProperties demo, TasklistFilterSeeder filters, DemoIdentitySeeder identity,
			DemoPlanSeeder plans) {
		this.demo = demo;
		this.filters = filters;
		this.identity = identity;
		this.plans = plans;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		filters.seed();
		if (demo.enabled()) {
			identity.seed(demo.password());
			plans.seed();
		}
	}

}
