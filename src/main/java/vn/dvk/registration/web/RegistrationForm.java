package vn.dvk.registration.web;

import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationRequest;

/**
 * What the portal's registration form posts. Field names are the registration service's, so its
 * field errors land next to the right input.
 */
public class RegistrationForm {

	private String planCode;

	private String unitCode;

	private String kind = "MODEL";

	private String field;

	private Boolean continuing = Boolean.FALSE;

	private String previousRegistrationCode;

	private String name;

	private String situation;

	private String objectives;

	private String approach;

	private String beneficiaries;

	private String implementers;

	private String resources;

	private String timeframe;

	private String outputs;

	private String sustainability;

	static RegistrationForm of(Registration r) {
		RegistrationForm f = new RegistrationForm();
		RegistrationItems i = r.items();
		f.planCode = r.planCode();
		f.unitCode = r.unitCode();
		f.kind = r.kind().name();
		f.field = r.field();
		f.continuing = r.continuing();
		f.previousRegistrationCode = r.previousRegistrationCode();
		f.name = i.name();
		f.situation = i.situation();
		f.objectives = i.objectives();
		f.approach = i.approach();
		f.beneficiaries = i.beneficiaries();
		f.implementers = i.implementers();
		f.resources = i.resources();
		f.timeframe = i.timeframe();
		f.outputs = i.outputs();
		f.sustainability = i.sustainability();
		return f;
	}

	RegistrationRequest toRequest(boolean submit) {
		boolean isContinuing = Boolean.TRUE.equals(continuing);
		return new RegistrationRequest(planCode, unitCode, kind, field, isContinuing,
				isContinuing ? previousRegistrationCode : null, submit,
				new RegistrationItems(name, situation, objectives, approach, beneficiaries, implementers, resources,
						timeframe, outputs, sustainability));
	}

	public String getPlanCode() {
		return planCode;
	}

	public void setPlanCode(String planCode) {
		this.planCode = planCode;
	}

	public String getUnitCode() {
		return unitCode;
	}

	public void setUnitCode(String unitCode) {
		this.unitCode = unitCode;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getField() {
		return field;
	}

	public void setField(String field) {
		this.field = field;
	}

	public Boolean getContinuing() {
		return continuing;
	}

	public void setContinuing(Boolean continuing) {
		this.continuing = continuing;
	}

	public String getPreviousRegistrationCode() {
		return previousRegistrationCode;
	}

	public void setPreviousRegistrationCode(String previousRegistrationCode) {
		this.previousRegistrationCode = previousRegistrationCode;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSituation() {
		return situation;
	}

	public void setSituation(String situation) {
		this.situation = situation;
	}

	public String getObjectives() {
		return objectives;
	}

	public void setObjectives(String objectives) {
		this.objectives = objectives;
	}

	public String getApproach() {
		return approach;
	}

	public void setApproach(String approach) {
		this.approach = approach;
	}

	public String getBeneficiaries() {
		return beneficiaries;
	}

	public void setBeneficiaries(String beneficiaries) {
		this.beneficiaries = beneficiaries;
	}

	public String getImplementers() {
		return implementers;
	}

	public void setImplementers(String implementers) {
		this.implementers = implementers;
	}

	public String getResources() {
		return resources;
	}

	public void setResources(String resources) {
		this.resources = resources;
	}

	public String getTimeframe() {
		return timeframe;
	}

	public void setTimeframe(String timeframe) {
		this.timeframe = timeframe;
	}

	public String getOutputs() {
		return outputs;
	}

	public void setOutputs(String outputs) {
		this.outputs = outputs;
	}

	public String getSustainability() {
		return sustainability;
	}

	public void setSustainability(String sustainability) {
		this.sustainability = sustainability;
	}

}
