package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside the demo ({@code dvk.demo.enabled=false}, as in application-test.yaml) start-up
 * creates no user and no group: no {@code admin} with a known password, and no
 * {@code camunda.bpm.admin-user} in the configuration.
 */
@SpringBootTest(properties = "dvk.demo.enabled=false")
@ActiveProfiles("test")
class NoDemoIdentityIntegrationTests {

	@Autowired
	IdentityService identity;

	@Autowired
	Environment environment;

	@Test
	void startUpCreatesNoUserWithoutTheDemo() {
		assertThat(identity.createUserQuery().userId("admin").count()).isZero();
		assertThat(identity.createUserQuery().count()).isZero();
		assertThat(identity.createGroupQuery().count()).isZero();
		assertThat(identity.checkPassword("admin", "demo")).isFalse();
		assertThat(environment.containsProperty("camunda.bpm.admin-user.id")).isFalse();
	}

}
