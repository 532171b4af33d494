package vn.dvk.organization.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;

@RestController
@RequestMapping("/api/units")
@Tag(name = "Đơn vị", description = "Cây đơn vị theo cấp")
class UnitController {

	private final OrganizationService organization;

	UnitController(OrganizationService organization) {
		this.organization = organization;
	}

	@GetMapping
	@Operation(summary = "Cây đơn vị (mỗi gốc là một tỉnh, kèm các đơn vị con)")
	List<UnitView> tree() {
		return organization.roots().stream().map(this::view).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "Một đơn vị, kèm đơn vị cấp trên và các đơn vị con")
	UnitView one(@PathVariable String code) {
		return view(organization.require(code));
	}

	private UnitView view(Unit unit) {
		return new UnitView(unit.code(), unit.name(), unit.level().name(), unit.level().label(), unit.type().name(),
				unit.type().label(), unit.parentCode(), unit.registering(),
				organization.children(unit.code()).stream().map(this::view).toList());
	}

	record UnitView(String code, String name, String level, String levelName, String type, String typeName,
			String parentCode, boolean registering, List<UnitView> children) {
	}

}
