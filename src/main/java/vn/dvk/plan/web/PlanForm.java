package vn.dvk.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import vn.dvk.plan.AwardType;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanDraft;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.RecipientKind;
import vn.dvk.plan.ReviewMode;
import vn.dvk.plan.SeasonDates;
import vn.dvk.shared.web.PortalDates;

/**
 * The plan editor's form ({@code /season/plans/new}, {@code /season/plans/{code}/edit}): the
 * plan's draft and its rules as the browser posts them. Property paths follow the API's JSON
 * paths ({@code criteria[1].weight}, {@code season.councilSessionAt}) so the service's field
 * errors land next to their inputs. A moment is a date and a time input.
 */
public class PlanForm {

	static final LocalTime DEFAULT_TIME = LocalTime.of(17, 0);

	private String code;

	private String title;

	private Integer year;

	private String legalBasisNumber;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate legalBasisDate;

	private String description;

	private List<FieldRow> fields = new ArrayList<>();

	private List<String> scopeUnitCodes = new ArrayList<>();

	private ReviewMode reviewMode = ReviewMode.EVERY_LEVEL;

	private Moment registrationDeadline = new Moment();

	private Integer reminderDaysBefore;

	private Integer reviewDays;

	private Integer escalationDays;

	private List<CriterionRow> criteria = new ArrayList<>();

	private List<String> recognitionOutcomes = new ArrayList<>(PlanRules.OUTCOMES);

	private Integer recognizeMinScore = PlanRules.DEFAULT_RECOGNIZE_MIN_SCORE;

	private Integer typicalMinScore = PlanRules.DEFAULT_TYPICAL_MIN_SCORE;

	private List<AwardRow> awards = new ArrayList<>();

	private Season season = new Season();

	/** A new plan: the standard fields, the usual checklist and award catalogue. */
	static PlanForm blank(int year) {
		PlanForm form = new PlanForm();
		form.year = year;
		PlanField.standard().forEach(f -> form.fields.add(new FieldRow(f.code(), f.name())));
		form.rules(PlanRules.defaults());
		return form;
	}

	static PlanForm of(Plan plan, PlanRules rules) {
		PlanForm form = new PlanForm();
		form.code = plan.code();
		form.title = plan.title();
		form.year = plan.year();
		form.legalBasisNumber = plan.legalBasisNumber();
		form.legalBasisDate = plan.legalBasisDate();
		form.description = plan.description();
		plan.fields().forEach(f -> form.fields.add(new FieldRow(f.code(), f.name())));
		form.scopeUnitCodes = new ArrayList<>(plan.scopeUnitCodes());
		form.reviewMode = plan.reviewMode();
		form.registrationDeadline = Moment.of(plan.registrationDeadline());
		form.reminderDaysBefore = plan.reminderDaysBefore();
		form.reviewDays = plan.reviewDays();
		form.escalationDays = plan.escalationDays();
		form.rules(rules);
		return form;
	}

	private void rules(PlanRules rules) {
		criteria = new ArrayList<>(rules.criteria().stream().map(CriterionRow::of).toList());
		recognitionOutcomes = new ArrayList<>(rules.recognitionOutcomes());
		recognizeMinScore = rules.recognizeMinScore();
		typicalMinScore = rules.typicalMinScore();
		awards = new ArrayList<>(rules.awards().stream().map(AwardRow::of).toList());
		SeasonDates s = rules.season() == null ? SeasonDates.unset() : rules.season();
		season = new Season();
		season.evaluationOpensAt = Moment.of(s.evaluationOpensAt());
		season.resultReportDeadline = Moment.of(s.resultReportDeadline());
		season.councilSessionAt = Moment.of(s.councilSessionAt());
		season.awardDossierDeadline = Moment.of(s.awardDossierDeadline());
		season.summaryDate = s.summaryDate();
	}

	/**
	 * Leaves out the rows left empty (an added row nobody filled in), so that the service's
	 * field errors ({@code criteria[2].weight}) name the rows as the page shows them.
	 */
	void compact() {
		fields = new ArrayList<>(nonNull(fields).stream().filter(r -> r != null && !r.blank()).toList());
		criteria = new ArrayList<>(nonNull(criteria).stream().filter(r -> r != null && !r.blank()).toList());
		awards = new ArrayList<>(nonNull(awards).stream().filter(r -> r != null && !r.blank()).toList());
	}

	private static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

	/** The draft for PlanService; an empty field row is left out (the add button's blank row). */
	PlanDraft toDraft() {
		List<PlanField> planFields = fields.stream()
			.filter(f -> !f.blank())
			.map(f -> new PlanField(f.getCode(), f.getName()))
			.toList();
		List<String> scope = scopeUnitCodes == null ? List.of()
				: scopeUnitCodes.stream().filter(c -> c != null && !c.isBlank()).toList();
		return new PlanDraft(code, title, year, legalBasisNumber, legalBasisDate, description, planFields, scope,
				reviewMode, registrationDeadline.instant(), reminderDaysBefore, reviewDays, escalationDays);
	}

	/** The rules for PlanService (blank rows left out; missing scores take the defaults). */
	PlanRules toRules() {
		List<Criterion> c = criteria.stream()
			.filter(r -> !r.blank())
			.map(r -> new Criterion(r.getCode(), r.getText(), r.isRequired(), r.getWeight()))
			.toList();
		List<AwardType> a = awards.stream()
			.filter(r -> !r.blank())
			.map(r -> new AwardType(r.getCode(), r.getName(), r.getAuthority(), r.isExternal(), r.getRecipients(),
					r.getQuota()))
			.toList();
		return new PlanRules(c, recognitionOutcomes == null ? List.of() : recognitionOutcomes,
				recognizeMinScore == null ? PlanRules.DEFAULT_RECOGNIZE_MIN_SCORE : recognizeMinScore,
				typicalMinScore == null ? PlanRules.DEFAULT_TYPICAL_MIN_SCORE : typicalMinScore, a,
				new SeasonDates(season.evaluationOpensAt.instant(), season.resultReportDeadline.instant(),
						season.councilSessionAt.instant(), season.awardDossierDeadline.instant(), season.summaryDate));
	}

	// ---------------------------------------------------------------- rows

	public static class FieldRow {

		private String code;

		private String name;

		public FieldRow() {
		}

		FieldRow(String code, String name) {
			this.code = code;
			this.name = name;
		}

		boolean blank() {
			return isBlank(code) && isBlank(name);
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	public static class CriterionRow {

		private String code;

		private String text;

		private boolean required;

		private Integer weight;

		static CriterionRow of(Criterion c) {
			CriterionRow row = new CriterionRow();
			row.code = c.code();
			row.text = c.text();
			row.required = c.required();
			row.weight = c.weight();
			return row;
		}

		boolean blank() {
			return isBlank(code) && isBlank(text) && weight == null;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getText() {
			return text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public boolean isRequired() {
			return required;
		}

		public void setRequired(boolean required) {
			this.required = required;
		}

		public Integer getWeight() {
			return weight;
		}

		public void setWeight(Integer weight) {
			this.weight = weight;
		}

	}

	public static class AwardRow {

		private String code;

		private String name;

		private String authority;

		private boolean external;

		private RecipientKind recipients = RecipientKind.BOTH;

		private Integer quota;

		static AwardRow of(AwardType a) {
			AwardRow row = new AwardRow();
			row.code = a.code();
			row.name = a.name();
			row.authority = a.authority();
			row.external = a.external();
			row.recipients = a.recipients();
			row.quota = a.quota();
			return row;
		}

		boolean blank() {
			return isBlank(code) && isBlank(name) && isBlank(authority) && quota == null;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getAuthority() {
			return authority;
		}

		public void setAuthority(String authority) {
			this.authority = authority;
		}

		public boolean isExternal() {
			return external;
		}

		public void setExternal(boolean external) {
			this.external = external;
		}

		public RecipientKind getRecipients() {
			return recipients;
		}

		public void setRecipients(RecipientKind recipients) {
			this.recipients = recipients;
		}

		public Integer getQuota() {
			return quota;
		}

		public void setQuota(Integer quota) {
			this.quota = quota;
		}

	}

	/** A moment as a date input and a time input (Vietnam's zone); no date means not set. */
	public static class Moment {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime time;

		static Moment of(Instant instant) {
			Moment m = new Moment();
			if (instant != null) {
				LocalDateTime local = LocalDateTime.ofInstant(instant, PortalDates.ZONE);
				m.date = local.toLocalDate();
				m.time = local.toLocalTime().withSecond(0).withNano(0);
			}
			return m;
		}

		Instant instant() {
			if (date == null) {
				return null;
			}
			return date.atTime(time == null ? DEFAULT_TIME : time).atZone(PortalDates.ZONE).toInstant();
		}

		public LocalDate getDate() {
			return date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

		public LocalTime getTime() {
			return time;
		}

		public void setTime(LocalTime time) {
			this.time = time;
		}

	}

	public static class Season {

		private Moment evaluationOpensAt = new Moment();

		private Moment resultReportDeadline = new Moment();

		private Moment councilSessionAt = new Moment();

		private Moment awardDossierDeadline = new Moment();

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate summaryDate;

		public Moment getEvaluationOpensAt() {
			return evaluationOpensAt;
		}

		public void setEvaluationOpensAt(Moment evaluationOpensAt) {
			this.evaluationOpensAt = evaluationOpensAt;
		}

		public Moment getResultReportDeadline() {
			return resultReportDeadline;
		}

		public void setResultReportDeadline(Moment resultReportDeadline) {
			this.resultReportDeadline = resultReportDeadline;
		}

		public Moment getCouncilSessionAt() {
			return councilSessionAt;
		}

		public void setCouncilSessionAt(Moment councilSessionAt) {
			this.councilSessionAt = councilSessionAt;
		}

		public Moment getAwardDossierDeadline() {
			return awardDossierDeadline;
		}

		public void setAwardDossierDeadline(Moment awardDossierDeadline) {
			this.awardDossierDeadline = awardDossierDeadline;
		}

		public LocalDate getSummaryDate() {
			return summaryDate;
		}

		public void setSummaryDate(LocalDate summaryDate) {
			this.summaryDate = summaryDate;
		}

	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	// ---------------------------------------------------------------- accessors

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public String getLegalBasisNumber() {
		return legalBasisNumber;
	}

	public void setLegalBasisNumber(String legalBasisNumber) {
		this.legalBasisNumber = legalBasisNumber;
	}

	public LocalDate getLegalBasisDate() {
		return legalBasisDate;
	}

	public void setLegalBasisDate(LocalDate legalBasisDate) {
		this.legalBasisDate = legalBasisDate;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<FieldRow> getFields() {
		return fields;
	}

	public void setFields(List<FieldRow> fields) {
		this.fields = fields;
	}

	public List<String> getScopeUnitCodes() {
		return scopeUnitCodes;
	}

	public void setScopeUnitCodes(List<String> scopeUnitCodes) {
		this.scopeUnitCodes = scopeUnitCodes;
	}

	public ReviewMode getReviewMode() {
		return reviewMode;
	}

	public void setReviewMode(ReviewMode reviewMode) {
		this.reviewMode = reviewMode;
	}

	public Moment getRegistrationDeadline() {
		return registrationDeadline;
	}

	public void setRegistrationDeadline(Moment registrationDeadline) {
		this.registrationDeadline = registrationDeadline;
	}

	public Integer getReminderDaysBefore() {
		return reminderDaysBefore;
	}

	public void setReminderDaysBefore(Integer reminderDaysBefore) {
		this.reminderDaysBefore = reminderDaysBefore;
	}

	public Integer getReviewDays() {
		return reviewDays;
	}

	public void setReviewDays(Integer reviewDays) {
		this.reviewDays = reviewDays;
	}

	public Integer getEscalationDays() {
		return escalationDays;
	}

	public void setEscalationDays(Integer escalationDays) {
		this.escalationDays = escalationDays;
	}

	public List<CriterionRow> getCriteria() {
		return criteria;
	}

	public void setCriteria(List<CriterionRow> criteria) {
		this.criteria = criteria;
	}

	public List<String> getRecognitionOutcomes() {
		return recognitionOutcomes;
	}

	public void setRecognitionOutcomes(List<String> recognitionOutcomes) {
		this.recognitionOutcomes = recognitionOutcomes;
	}

	public Integer getRecognizeMinScore() {
		return recognizeMinScore;
	}

	public void setRecognizeMinScore(Integer recognizeMinScore) {
		this.recognizeMinScore = recognizeMinScore;
	}

	public Integer getTypicalMinScore() {
		return typicalMinScore;
	}

	public void setTypicalMinScore(Integer typicalMinScore) {
		this.typicalMinScore = typicalMinScore;
	}

	public List<AwardRow> getAwards() {
		return awards;
	}

	public void setAwards(List<AwardRow> awards) {
		this.awards = awards;
	}

	public Season getSeason() {
		return season;
	}

	public void setSeason(Season season) {
		this.season = season;
	}

}
