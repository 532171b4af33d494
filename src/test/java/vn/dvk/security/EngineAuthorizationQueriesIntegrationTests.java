package vn.dvk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's authorization queries as DVK changes them for speed (docs/benchmarks.md): the
 * groups a person's checks use come from {@link AuthorizedGroupsManager}, with the same answer as
 * the engine's own way; the partial indexes for task lists exist. (The same context as the
 * journeys: reviewers there list and complete their tasks with these in place.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dvk.demo.enabled=true", "dvk.mail.dispatcher.fixed-delay=200ms" })
@ActiveProfiles("test")
class EngineAuthorizationQueriesIntegrationTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	<T> T inCommand(Command<T> command) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(command);
	}

	@Test
	void theEngineUsesDvksAuthorizationManager() {
		AuthorizationManager manager = inCommand(context -> context.getAuthorizationManager());
		assertThat(manager).isInstanceOf(AuthorizedGroupsManager.class);
	}

	@Test
	void keepsTheSameGroupsAsTheEngineWould() {
		jdbc.update("insert into act_id_group (id_, rev_, name_, type_) values ('dvk-test-no-authorizations', 1, 'x', 'x') "
				+ "on conflict do nothing");
		List<String> groups = List.of("camunda-admin", "reviewers-tinh", "unit-xa-cam-hai-dong", "no-such-group",
				"dvk-test-no-authorizations", "camunda-admin");

		List<String> ours = inCommand(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
		List<String> engines = inCommand(context -> new AuthorizationManager().filterAuthenticatedGroupIds(groups));

		assertThat(ours).containsExactlyInAnyOrderElementsOf(engines)
			.contains("camunda-admin", "reviewers-tinh")
			.doesNotContain("no-such-group", "dvk-test-no-authorizations")
			.doesNotHaveDuplicates();
		List<String> none = inCommand(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of()));
		assertThat(none).isEmpty();
	}

	@Test
	void taskListIndexesExist() {
		assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'act_ru_authorization'",
				String.class))
			.contains("dvk_auth_task_group_idx", "dvk_auth_task_user_idx");
		assertThat(jdbc.queryForList("select stxname from pg_statistic_ext", String.class))
			.contains("dvk_auth_perms_read", "dvk_auth_perms_read_task");
	}

}
