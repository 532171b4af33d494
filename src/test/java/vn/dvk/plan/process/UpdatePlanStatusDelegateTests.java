package vn.dvk.plan.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;

class UpdatePlanStatusDelegateTests {

	PlanService plans = mock(PlanService.class);

	IdentityService identity = mock(IdentityService.class);

	DelegateExecution execution = mock(DelegateExecution.class);

	UpdatePlanStatusDelegate delegate = new UpdatePlanStatusDelegate(plans, identity);

	@Test
	void recordsTheStatusOfTheTaskInputWithTheCommentAndTheUserActingAtTheEngine() {
		given(execution.getVariableLocal("status")).willReturn("RETURNED");
		given(execution.getVariable("planCode")).willReturn("KH-2026-01");
		given(execution.getVariable("comment")).willReturn("  Bổ sung căn cứ pháp lý ");
		given(identity.getCurrentAuthentication()).willReturn(new Authentication("approver", List.of("plan-approvers")));

		delegate.execute(execution);

		verify(plans).changeStatus("KH-2026-01", PlanStatus.RETURNED, "approver", "Bổ sung căn cứ pháp lý");
	}

	@Test
	void aJobHasNoActorAndTheBusinessKeyNamesThePlanWhenTheVariableIsMissing() {
		given(execution.getVariableLocal("status")).willReturn("REGISTRATION_CLOSED");
		given(execution.getProcessBusinessKey()).willReturn("KH-2026-02");
		given(execution.getVariable("comment")).willReturn("   ");

		delegate.execute(execution);

		verify(plans).changeStatus("KH-2026-02", PlanStatus.REGISTRATION_CLOSED, null, null);
	}

	@Test
	void aMissingOrUnknownStatusIsAModellingErrorAndChangesNothing() {
		given(execution.getVariable("planCode")).willReturn("KH-2026-01");
		given(execution.getCurrentActivityId()).willReturn("ServiceTask_MarkPlanReturned");

		assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ServiceTask_MarkPlanReturned")
			.hasMessageContaining("'status'");
		given(execution.getVariableLocal("status")).willReturn("OPEN");
		assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not a PlanStatus: OPEN");
		verifyNoInteractions(plans);
	}

}
