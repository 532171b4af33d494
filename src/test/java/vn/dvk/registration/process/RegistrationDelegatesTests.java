package vn.dvk.registration.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.registration.RegistrationService;

/** The reminder of PlanIssuanceProcess: only units in scope without a registration are told. */
class RegistrationDelegatesTests {

	PlanService plans = mock(PlanService.class);

	RegistrationService registrations = mock(RegistrationService.class);

	NotificationService notifications = mock(NotificationService.class);

	RemindUnregisteredUnitsDelegate delegate = new RemindUnregisteredUnitsDelegate(plans,
			new vn.dvk.registration.UnregisteredUnits(registrations, TestOrganizations.khanhHoa(), notifications));

	DelegateExecution execution = mock(DelegateExecution.class);

	@Test
	void remindsTheHeadsOfUnitsInScopeThatHaveNotRegistered() throws Exception {
		given(execution.getVariable("planCode")).willReturn("KH-2026-01");
		given(execution.getActivityInstanceId()).willReturn("ServiceTask_RemindUnregisteredUnits:42");
		given(plans.require("KH-2026-01"))
			.willReturn(plan(List.of("xa-cam-hai-dong", "xa-cam-hai-tay", "phuong-nha-trang")));
		given(registrations.registeredUnitCodes("KH-2026-01")).willReturn(Set.of("xa-cam-hai-tay"));

		delegate.execute(execution);

		verify(notifications).enqueue(
				"registration-reminder:KH-2026-01:ServiceTask_RemindUnregisteredUnits:42:xa-cam-hai-dong",
				"registration-reminder", List.of("unit-xa-cam-hai-dong"),
				Map.of("planCode", "KH-2026-01", "planTitle", "Kế hoạch 2026", "registrationDeadline",
						"31/03/2026 17:00", "unitCode", "xa-cam-hai-dong", "unitName", "Xã Cam Hải Đông"));
		verify(notifications).enqueue(
				"registration-reminder:KH-2026-01:ServiceTask_RemindUnregisteredUnits:42:phuong-nha-trang",
				"registration-reminder", List.of("unit-phuong-nha-trang"),
				Map.of("planCode", "KH-2026-01", "planTitle", "Kế hoạch 2026", "registrationDeadline",
						"31/03/2026 17:00", "unitCode", "phuong-nha-trang", "unitName", "Phường Nha Trang"));
		verify(notifications, org.mockito.Mockito.times(2)).enqueue(anyString(), anyString(), anyCollection(),
				anyMap());
	}

	@Test
	void remindsNobodyWhenEveryUnitHasRegistered() throws Exception {
		given(execution.getVariable("planCode")).willReturn("KH-2026-01");
		given(plans.require("KH-2026-01")).willReturn(plan(List.of("xa-cam-hai-dong")));
		given(registrations.registeredUnitCodes("KH-2026-01")).willReturn(Set.of("xa-cam-hai-dong"));

		delegate.execute(execution);

		verify(notifications, never()).enqueue(anyString(), anyString(), anyCollection(), anyMap());
	}

	@Test
	void anEmptyScopeMeansEveryRegisteringUnit() throws Exception {
		given(execution.getVariable("planCode")).willReturn("KH-2026-01");
		given(execution.getActivityInstanceId()).willReturn("a1");
		given(plans.require("KH-2026-01")).willReturn(plan(List.of()));
		given(registrations.registeredUnitCodes("KH-2026-01")).willReturn(Set.of());

		delegate.execute(execution);

		verify(notifications, org.mockito.Mockito.times(30)).enqueue(anyString(), anyString(), anyCollection(),
				anyMap());
		verify(notifications).enqueue(org.mockito.ArgumentMatchers.endsWith(":huyen-cam-lam"), anyString(),
				org.mockito.ArgumentMatchers.eq(List.of("unit-huyen-cam-lam")), any());
		verify(notifications, never()).enqueue(anyString(), anyString(),
				org.mockito.ArgumentMatchers.eq(List.of("unit-tinh")), any());
	}

	private static Plan plan(List<String> scope) {
		// 31/03/2026 17:00 in Vietnam
		return new Plan("KH-2026-01", "Kế hoạch 2026", 2026, null, null, null,
				List.of(new PlanField("KINH_TE", "Kinh tế")), scope, ReviewMode.EVERY_LEVEL,
				Instant.parse("2026-03-31T10:00:00Z"), 7, 5, 10, PlanStatus.REGISTRATION_OPEN, "drafter",
				Instant.now(), Instant.now());
	}

}
