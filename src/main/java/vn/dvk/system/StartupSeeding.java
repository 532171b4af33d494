package vn.dvk.system;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: DVK's indexes on the engine's tables ({@link EngineQueryIndexes}), the engine's
 * group authorizations and Tasklist filters always, the task authorizations of tasks opened before
 * authorization was on (once per database); demo users, groups and an open plan when
 * {@code dvk.demo.enabled} (the default profile). With a read-only identity provider (the
 * {@code keycloak} profile: users and groups live in Keycloak) only the plan is seeded. Several
 * nodes on one database seed one after the other ({@link StartupLock}): each finds what the
 * previous one created.
 */
@Component
class StartupSeeding {

	private final DemoProperties demo;

	private final TasklistFilterSeeder filters;

	private final DemoIdentitySeeder identity;

	private final DemoPlanSeeder plans;

	private final IdentityService identityService;

	private final EngineAuthorizationSeeder authorizations;

	private final TaskAuthorizationBackfill taskAuthorizations;

	private final StartupLock lock;

	private final EngineQueryIndexes indexes;

	StartupSeeding(StartupLock lock, EngineQueryIndexes indexes, DemoProperties demo, TasklistFilterSeeder filters,
			DemoIdentitySeeder identity, DemoPlanSeeder plans, IdentityService identityService, EngineAuthorizationSeeder authorizations,
			TaskAuthorizationBackfill taskAuthorizations) {
		this.lock = lock;
		this.indexes = indexes;
		this.authorizations = authorizations;
		this.taskAuthorizations = taskAuthorizations;
		this.demo = demo;
		this.identityService = identityService;
		this.filters = filters;
		this.identity = identity;
		this.plans = plans;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		lock.run(this::seedNow);
	}

	private void seedNow() {
		indexes.create();
		authorizations.seed(filters.seed());
		taskAuthorizations.runOnce();
		if (demo.enabled()) {
			// a read-only identity (Keycloak in the keycloak profile) already holds the demo users
			if (!identityService.isReadOnly()) {
				identity.seed(demo.password());
			}
			plans.seed();
		}
	}

}
