package vn.dvk.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.organization.UnitLevel;
import vn.dvk.organization.UnitType;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationStatus;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A small slice of the Khánh Hòa tree, a plan and a registration for tests. */
public final class Fixtures {

	public static final String PROVINCE = "tinh";

	public static final String DISTRICT = "huyen-cam-lam";

	public static final String COMMUNE_UNDER_DISTRICT = "xa-cam-hai-dong";

	public static final String COMMUNE_UNDER_PROVINCE = "xa-cam-lam";

	public static final String DEPARTMENT = "so-y-te";

	public static final String PLAN = "KH-2026-01";

	public static final String REGISTRATION = "DK-2026-000123";

	public static final Map<String, Unit> UNITS = Map.of(
			PROVINCE, new Unit(PROVINCE, "Tỉnh Khánh Hòa", UnitLevel.PROVINCE, UnitType.PROVINCE, null, false,
					List.of(DISTRICT, COMMUNE_UNDER_PROVINCE, DEPARTMENT)),
			DISTRICT, new Unit(DISTRICT, "Huyện Cam Lâm (trước 01/07/2025)", UnitLevel.DISTRICT, UnitType.DISTRICT,
					PROVINCE, true, List.of(COMMUNE_UNDER_DISTRICT)),
			COMMUNE_UNDER_DISTRICT, new Unit(COMMUNE_UNDER_DISTRICT, "Xã Cam Hải Đông", UnitLevel.COMMUNE,
					UnitType.COMMUNE, DISTRICT, true, List.of()),
			COMMUNE_UNDER_PROVINCE, new Unit(COMMUNE_UNDER_PROVINCE, "Xã Cam Lâm", UnitLevel.COMMUNE, UnitType.COMMUNE,
					PROVINCE, true, List.of()),
			DEPARTMENT, new Unit(DEPARTMENT, "Sở Y tế", UnitLevel.PROVINCE, UnitType.DEPARTMENT, PROVINCE, true,
					List.of()));

	private Fixtures() {
	}

	/** A Mockito fake of the organisation service answering from {@link #UNITS}. */
	public static OrganizationService organization() {
		OrganizationService organization = mock(OrganizationService.class);
		when(organization.find(anyString())).thenAnswer(call -> Optional.ofNullable(UNITS.get(call.<String>getArgument(0))));
		when(organization.parent(anyString()))
			.thenAnswer(call -> Optional.ofNullable(UNITS.get(UNITS.get(call.<String>getArgument(0)).parentCode())));
		when(organization.nearestAncestorAt(anyString(), any())).thenAnswer(call -> {
			Unit current = UNITS.get(call.<String>getArgument(0));
			UnitLevel level = call.getArgument(1);
			while (current.parentCode() != null) {
				current = UNITS.get(current.parentCode());
				if (current.level() == level) {
					return Optional.of(current);
				}
			}
			return Optional.empty();
		});
		return organization;
	}

	public static Registration registration(String unitCode) {
		RegistrationItems items = new RegistrationItems("Dân vận khéo trong xây dựng nông thôn mới",
				"Đường giao thông nông thôn xuống cấp", "Bê tông hóa 2 km đường", "Vận động nhân dân hiến đất, góp công",
				"Thôn Bãi Giếng, 320 hộ", "Chi bộ, Mặt trận, các đoàn thể", "Nhân dân đóng góp 40%",
				"Tháng 3 đến tháng 11/2026", "2 km đường bê tông", "Nhân rộng ra các thôn khác");
		return new Registration(REGISTRATION, PLAN, unitCode, RegistrationKind.MODEL, "KINH_TE", true, "DK-2025-000045",
				items, RegistrationStatus.IN_REVIEW, "head-" + unitCode, Instant.parse("2026-03-01T01:00:00Z"),
				Instant.parse("2026-03-01T01:00:00Z"), Instant.parse("2026-03-01T01:00:00Z"));
	}

	public static Plan plan() {
		return new Plan(PLAN, "Kế hoạch thi đua “Dân vận khéo” năm 2026", 2026, "35-CT/TU", LocalDate.of(2022, 11, 2),
				"", List.of(new PlanField("KINH_TE", "Kinh tế"), new PlanField("VHXH", "Văn hóa – xã hội")),
				List.of(COMMUNE_UNDER_DISTRICT, COMMUNE_UNDER_PROVINCE, DEPARTMENT), ReviewMode.EVERY_LEVEL,
				Instant.parse("2026-04-30T16:59:59Z"), 5, 7, 14, PlanStatus.REGISTRATION_OPEN, "drafter",
				Instant.parse("2026-01-05T01:00:00Z"), Instant.parse("2026-01-10T01:00:00Z"));
	}

}
