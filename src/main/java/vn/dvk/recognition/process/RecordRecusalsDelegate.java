package vn.dvk.recognition.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.SessionItem;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;
import vn.dvk.security.Groups;

/**
 * {@code ServiceTask_RecordRecusals}: the council is the engine's group {@code recognition-council};
 * a member sits out the models of their own units ({@code unit-<code>} groups), recorded as
 * recusals. Sets the members who assess (one task each) and, per member, how many models and which.
 */
@Component("recordRecusalsDelegate")
class RecordRecusalsDelegate implements JavaDelegate {

	private final RecognitionSessionService sessions;

	RecordRecusalsDelegate(RecognitionSessionService sessions) {
		this.sessions = sessions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		IdentityService identity = execution.getProcessEngineServices().getIdentityService();
		Map<String, Set<String>> memberUnits = new LinkedHashMap<>();
		for (User member : identity.createUserQuery().memberOfGroup(Groups.RECOGNITION_COUNCIL).orderByUserId().asc().unlimitedList()) {
			memberUnits.put(member.getId(), identity.createGroupQuery()
				.groupMember(member.getId())
				.unlimitedList()
				.stream()
				.map(Group::getId)
				.flatMap(group -> Groups.unitCodeOf(group).stream())
				.collect(Collectors.toSet()));
		}
		List<SessionItem> items = sessions.items(key);
		Map<String, SessionItem> byCode = new HashMap<>();
		items.forEach(item -> byCode.put(item.registrationCode(), item));
		Map<String, List<String>> toAssess = sessions.recordRecusals(key, memberUnits);
		HashMap<String, Integer> counts = new HashMap<>();
		HashMap<String, String> lists = new HashMap<>();
		toAssess.forEach((member, codes) -> {
			counts.put(member, codes.size());
			lists.put(member, codes.stream().map(byCode::get).map(this::line).collect(Collectors.joining("\n")));
		});
		execution.setVariable(Vars.REGISTRATION_CODES,
				new ArrayList<>(items.stream().map(SessionItem::registrationCode).toList()));
		execution.setVariable(Vars.COUNCIL_MEMBERS, new ArrayList<>(toAssess.keySet()));
		execution.setVariable(Vars.ASSESS_COUNTS, counts);
		execution.setVariable(Vars.ASSESS_LISTS, lists);
	}

	private String line(SessionItem item) {
		return "- **" + item.registrationCode() + "** " + item.name() + " — " + sessions.unitName(item.unitCode())
				+ " ([hồ sơ](/registrations/" + item.registrationCode() + "))";
	}

}
