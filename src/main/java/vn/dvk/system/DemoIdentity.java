package vn.dvk.system;

import java.util.ArrayList;
import java.util.List;

import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.security.Groups;

/**
 * The demo users and groups of contract.md, derived from the unit tree: one head per registering
 * unit ({@code head-<code>}), one reviewer per reviewing unit ({@code reviewer-<code>}), plus the
 * board's staff. Vietnamese display names.
 */
final class DemoIdentity {

	record DemoGroup(String id, String name, String type) {
	}

	/** {@code lastName} is the given name so Tasklist's "first last" reads in Vietnamese order. */
	record DemoUser(String id, String firstName, String lastName, List<String> groups) {

		String email() {
			return id + "@dvk.local";
		}
	}

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng",
			"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc", "Thu", "Đức",
			"Kim" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng",
			"Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang",
			"Tuấn", "Vân", "Việt", "Yến" };

	private DemoIdentity() {
	}

	static List<DemoGroup> groups(OrganizationService organization) {
		List<DemoGroup> groups = new ArrayList<>();
		groups.add(new DemoGroup(Groups.CAMUNDA_ADMIN, "Quản trị hệ thống", "SYSTEM"));
		groups.add(new DemoGroup(Groups.PLAN_DRAFTERS, "Chuyên viên Ban Tuyên giáo và Dân vận", "WORKFLOW"));
		groups.add(new DemoGroup(Groups.PLAN_APPROVERS, "Lãnh đạo Ban Tuyên giáo và Dân vận", "WORKFLOW"));
		groups.add(new DemoGroup(Groups.UNIT_HEADS, "Lãnh đạo các đơn vị", "WORKFLOW"));
		groups.add(new DemoGroup(Groups.RECOGNITION_COUNCIL, "Hội đồng bình xét công nhận", "WORKFLOW"));
		groups.add(new DemoGroup(Groups.AWARD_APPROVERS, "Người phê duyệt khen thưởng", "WORKFLOW"));
		groups.add(new DemoGroup(Groups.AWARD_CLERKS, "Cán bộ ghi nhận quyết định khen thưởng", "WORKFLOW"));
		for (Unit unit : organization.all()) {
			groups.add(new DemoGroup(Groups.unit(unit.code()), "Lãnh đạo " + unit.name(), "UNIT"));
			if (unit.reviews()) {
				groups.add(new DemoGroup(Groups.reviewers(unit.code()), "Tổ thẩm định " + unit.name(), "REVIEW"));
			}
		}
		return groups;
	}

	static List<DemoUser> users(OrganizationService organization) {
		List<DemoUser> users = new ArrayList<>();
		users.add(new DemoUser("admin", "Quản trị", "Hệ thống", List.of(Groups.CAMUNDA_ADMIN)));
		users.add(new DemoUser("drafter", "Nguyễn Thị", "Lan", List.of(Groups.PLAN_DRAFTERS)));
		users.add(new DemoUser("approver", "Trần Văn", "Hùng", List.of(Groups.PLAN_APPROVERS)));
		users.add(new DemoUser("awardapprover", "Lê Minh", "Tâm", List.of(Groups.AWARD_APPROVERS)));
		users.add(new DemoUser("clerk", "Phạm Thu", "Trang", List.of(Groups.AWARD_CLERKS)));
		// council members also sit in a unit, so that recusal can be shown
		users.add(new DemoUser("council1", "Võ Quốc", "Việt",
				List.of(Groups.RECOGNITION_COUNCIL, Groups.unit("mttq-tinh"))));
		users.add(new DemoUser("council2", "Đặng Thị", "Mai",
				List.of(Groups.RECOGNITION_COUNCIL, Groups.unit("hoi-phu-nu-tinh"))));
		users.add(new DemoUser("council3", "Bùi Đức", "Long",
				List.of(Groups.RECOGNITION_COUNCIL, Groups.unit("so-noi-vu"))));
		int n = 0;
		for (Unit unit : organization.all()) {
			if (unit.registering()) {
				users.add(person("head-" + unit.code(), n++, List.of(Groups.UNIT_HEADS, Groups.unit(unit.code()))));
			}
			else {
				// the head of a reviewing unit that does not register (the province) hears of late reviews
				users.add(person("head-" + unit.code(), n++, List.of(Groups.unit(unit.code()))));
			}
			if (unit.reviews()) {
				users.add(person("reviewer-" + unit.code(), n++, List.of(Groups.reviewers(unit.code()))));
			}
		}
		return users;
	}

	private static DemoUser person(String id, int n, List<String> groups) {
		String family = FAMILY[n % FAMILY.length];
		String middle = MIDDLE[(n / FAMILY.length + n) % MIDDLE.length];
		String given = GIVEN[(n * 7) % GIVEN.length];
		return new DemoUser(id, family + " " + middle, given, groups);
	}

}
