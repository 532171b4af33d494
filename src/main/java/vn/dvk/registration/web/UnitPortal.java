package vn.dvk.registration.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.registration.AttachmentRules;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationService;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * What the unit head's pages share: the caller's registering units, the attachment rules the
 * upload widget checks before sending, service errors turned into field errors, Vietnamese text.
 */
@Component
class UnitPortal {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final OrganizationService organization;

	private final MessageSource messages;

	private final long multipartMaxBytes;

	UnitPortal(OrganizationService organization, MessageSource messages,
			@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize multipartMax) {
		this.organization = organization;
		this.messages = messages;
		this.multipartMaxBytes = multipartMax.toBytes();
	}

	/** The registering units the caller heads; 403 for someone who heads none. */
	List<Unit> ownUnits(CurrentUser user) {
		List<Unit> units = user.ownUnitCodes()
			.stream()
			.sorted()
			.flatMap(code -> organization.find(code).stream())
			.filter(Unit::registering)
			.toList();
		if (units.isEmpty()) {
			throw DvkException.forbidden("unit.forbidden");
		}
		return units;
	}

	static boolean owns(CurrentUser user, Registration registration) {
		return user.ownUnitCodes().contains(registration.unitCode());
	}

	/** An empty scope means every registering unit (as in the registration service). */
	static boolean inScope(Plan plan, Unit unit) {
		List<String> scope = plan.scopeUnitCodes();
		return scope == null || scope.isEmpty() ? unit.registering() : scope.contains(unit.code());
	}

	/** The Bootstrap badge class of a status: returned in amber, refused in red, accepted and recognised in green. */
	static String badge(vn.dvk.registration.RegistrationStatus status) {
		return switch (status) {
			case RETURNED -> "text-bg-warning";
			case REJECTED, NOT_RECOGNIZED -> "text-bg-danger";
			case ACCEPTED, REPORTED, RECOGNIZED, RECOGNIZED_TYPICAL -> "text-bg-success";
			case DRAFT -> "text-bg-light border";
			default -> "text-bg-secondary";
		};
	}

	String unitName(String code) {
		return code == null ? "" : organization.find(code).map(Unit::name).orElse(code);
	}

	/** The upload widget's rules: the service's, capped by the configured multipart limit. */
	Upload upload(String registrationCode, String back) {
		AttachmentRules rules = RegistrationService.attachmentRules();
		long max = Math.min(rules.maxBytes(), multipartMaxBytes);
		String accept = String.join(",", rules.extensions().stream().map(e -> "." + e).toList());
		return new Upload("/unit/registrations/" + registrationCode + "/attachments", back, max,
				Math.max(1, max / (1024 * 1024)), rules.maxFiles(), accept,
				String.join(", ", rules.extensions().stream().map(e -> e.toUpperCase(VI)).toList()));
	}

	/**
	 * A service's 400 or 409 as errors of the form: a field problem on a field of the form goes
	 * next to it (renamed through {@code renames}, e.g. {@code selfEvaluation[0]} to
	 * {@code criteria[0]}), anything else is a global error. Other statuses are thrown on.
	 */
	void bind(DvkException ex, BindingResult result, Map<String, String> renames) {
		if (ex.status().value() != 400 && ex.status().value() != 409) {
			throw ex;
		}
		if (ex.fieldErrors().isEmpty()) {
			result.reject(ex.messageKey(), ex.args(), text(ex.messageKey(), ex.args()));
			return;
		}
		for (FieldProblem problem : ex.fieldErrors()) {
			String field = problem.field();
			for (Map.Entry<String, String> rename : renames.entrySet()) {
				if (field.startsWith(rename.getKey())) {
					field = rename.getValue() + field.substring(rename.getKey().length());
				}
			}
			String text = text(problem.messageKey(), problem.args());
			if (isReadable(result, field)) {
				result.rejectValue(field, problem.messageKey(), problem.args(), text);
			}
			else {
				result.reject(problem.messageKey(), problem.args(), text);
			}
		}
	}

	private static boolean isReadable(BindingResult result, String field) {
		try {
			result.getFieldValue(field);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, VI);
	}

	/**
	 * The upload widget: where it posts, where the page without JavaScript returns to, the largest
	 * file in bytes and MB, how many files, the input's {@code accept} list and the types in words.
	 */
	record Upload(String url, String back, long maxBytes, long maxMb, int maxFiles, String accept,
			String typeNames) {
	}

}
