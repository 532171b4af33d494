package vn.dvk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

class UnregisteredUnitsTests {

	RegistrationService registrations = mock(RegistrationService.class);

	NotificationService notifications = mock(NotificationService.class);

	UnregisteredUnits unregistered = new UnregisteredUnits(registrations, TestOrganizations.khanhHoa(), notifications);

	static final CurrentUser DRAFTER = new CurrentUser("drafter", Set.of("plan-drafters"));

	@Test
	void aSpecialistRemindsTheUnitsInScopeWithoutARegistrationOncePerDay() {
		Plan plan = plan(PlanStatus.REGISTRATION_OPEN);
		given(registrations.registeredUnitCodes("KH-2026-01")).willReturn(Set.of("xa-cam-hai-tay"));

		List<Unit> reminded = unregistered.remindNow(plan, "2026-03-28", DRAFTER);

		assertThat(reminded).extracting(Unit::code).containsExactly("xa-cam-hai-dong", "phuong-nha-trang");
		verify(notifications).enqueue(eq("registration-reminder:KH-2026-01:portal-2026-03-28:xa-cam-hai-dong"),
				eq("registration-reminder"), eq(List.of("unit-xa-cam-hai-dong")), anyMap());
		verify(notifications, times(2)).enqueue(anyString(), anyString(), anyCollection(), anyMap());
	}

	@Test
	void onlyDraftersRemindAndOnlyWhileTheRegistrationIsOpen() {
		CurrentUser approver = new CurrentUser("approver", Set.of("plan-approvers"));
		assertThatThrownBy(() -> unregistered.remindNow(plan(PlanStatus.REGISTRATION_OPEN), "2026-03-28", approver))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThatThrownBy(() -> unregistered.remindNow(plan(PlanStatus.REGISTRATION_CLOSED), "2026-03-28", DRAFTER))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
		verifyNoInteractions(notifications);
	}

	private static Plan plan(PlanStatus status) {
		return new Plan("KH-2026-01", "Kế hoạch 2026", 2026, null, null, null, PlanField.standard(),
				List.of("xa-cam-hai-dong", "xa-cam-hai-tay", "phuong-nha-trang"), ReviewMode.EVERY_LEVEL,
				Instant.parse("2026-03-31T10:00:00Z"), 3, 10, 20, status, "drafter", Instant.EPOCH, Instant.EPOCH);
	}

}
