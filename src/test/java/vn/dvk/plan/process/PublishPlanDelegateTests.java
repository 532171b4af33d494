package vn.dvk.plan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;

class PublishPlanDelegateTests {

	PlanService plans = mock(PlanService.class);

	IdentityService identity = mock(IdentityService.class);

	DelegateExecution execution = mock(DelegateExecution.class);

	PublishPlanDelegate delegate = new PublishPlanDelegate(plans, identity);

	@Test
	void publishesThePlanAndRefreshesTimersAndRecipientsFromItsCurrentData() {
		given(execution.getVariable("planCode")).willReturn("KH-2026-01");
		given(execution.getVariable("comment")).willReturn("Đồng ý ban hành.");
		given(identity.getCurrentAuthentication()).willReturn(new Authentication("approver", List.of("plan-approvers")));
		// the revision moved the deadline and narrowed the scope since the process started
		given(plans.publish("KH-2026-01", "approver", "Đồng ý ban hành.")).willReturn(PlanProcessFixtures.plan(
				PlanStatus.REGISTRATION_OPEN, PlanProcessFixtures.DEADLINE, 7, List.of("xa-cam-lam", "phuong-nha-trang")));

		delegate.execute(execution);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, ?>> variables = ArgumentCaptor.forClass(Map.class);
		verify(execution).setVariables(variables.capture());
		assertThat(variables.getValue()).containsOnlyKeys("registrationDeadline", "registrationReminderAt",
				"scopeUnitGroups");
		assertThat(variables.getValue().get("registrationDeadline"))
			.isEqualTo(Date.from(PlanProcessFixtures.DEADLINE));
		assertThat(variables.getValue().get("registrationReminderAt"))
			.isEqualTo(Date.from(PlanProcessFixtures.DEADLINE.minus(Duration.ofDays(7))));
		ObjectValue groups = (ObjectValue) variables.getValue().get("scopeUnitGroups");
		assertThat(groups.getValue()).isEqualTo(List.of("unit-xa-cam-lam", "unit-phuong-nha-trang"));
		assertThat(groups.getSerializationDataFormat()).isEqualTo("application/json");
	}

}
