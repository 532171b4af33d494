package vn.dvk.review.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

import vn.dvk.registration.RegistrationService;
import vn.dvk.review.DecisionContract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RecordReviewDecisionListenerTests {

	private final RegistrationService registrations = mock(RegistrationService.class);

	private final RecordReviewDecisionListener listener = new RecordReviewDecisionListener(registrations);

	@Test
	void approvalIsRecordedForTheAssignee() {
		DelegateTask task = task("APPROVE", null);
		when(task.getAssignee()).thenReturn("reviewer-tinh");

		listener.notify(task);

		verify(registrations).recordHistory("DK-1", "APPROVED", "tinh", "reviewer-tinh", null);
	}

	@Test
	void returnIsRecordedForTheSignedInUserWithTheTrimmedComment() {
		DelegateTask task = task("RETURN", "  Thiếu ảnh minh họa ");
		IdentityService identity = mock(IdentityService.class);
		ProcessEngineServices services = mock(ProcessEngineServices.class);
		when(task.getProcessEngineServices()).thenReturn(services);
		when(services.getIdentityService()).thenReturn(identity);
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication("reviewer-tinh", null));

		listener.notify(task);

		verify(registrations).recordHistory("DK-1", "RETURNED", "tinh", "reviewer-tinh", "Thiếu ảnh minh họa");
	}

	@Test
	void rejectionWithoutAnyoneSignedInIsRecordedAsTheSystem() {
		DelegateTask task = task("REJECT", "Trùng lặp");

		listener.notify(task);

		verify(registrations).recordHistory("DK-1", "REJECTED", "tinh", null, "Trùng lặp");
	}

	@Test
	void invalidDecisionRecordsNothing() {
		DelegateTask task = task("RETURN", null);

		assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(DecisionContract.InvalidDecisionException.class)
			.hasMessageContaining("phải ghi rõ ý kiến");
		verifyNoInteractions(registrations);
	}

	private static DelegateTask task(String decision, String comment) {
		DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
		when(task.getVariable("decision")).thenReturn(decision);
		when(task.getVariable("comment")).thenReturn(comment);
		when(task.getVariable("registrationCode")).thenReturn("DK-1");
		when(task.getVariable("reviewUnitCode")).thenReturn("tinh");
		when(task.getAssignee()).thenReturn(null);
		when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication()).thenReturn(null);
		return task;
	}

}
