package vn.dvk.registration.web;

import java.util.ArrayList;
import java.util.List;

import vn.dvk.plan.Criterion;
import vn.dvk.registration.ResultReportRequest;
import vn.dvk.registration.SelfEvaluation;

/** What the portal's result report form posts: one entry per criterion of the plan, in the plan's order. */
public class ResultReportForm {

	private String results;

	private String outputs;

	private List<Entry> criteria = new ArrayList<>();

	private List<Long> attachmentIds = new ArrayList<>();

	static ResultReportForm blank(List<Criterion> planCriteria) {
		ResultReportForm form = new ResultReportForm();
		for (Criterion c : planCriteria) {
			Entry e = new Entry();
			e.setCode(c.code());
			form.criteria.add(e);
		}
		return form;
	}

	/** Met or not must be chosen; an entry without a choice is not sent as “not met”. */
	ResultReportRequest toRequest() {
		return new ResultReportRequest(results, outputs,
				criteria.stream().map(e -> new SelfEvaluation(e.getCode(), Boolean.TRUE.equals(e.getMet()), e.getEvidence()))
					.toList(),
				attachmentIds == null ? List.of() : attachmentIds);
	}

	public String getResults() {
		return results;
	}

	public void setResults(String results) {
		this.results = results;
	}

	public String getOutputs() {
		return outputs;
	}

	public void setOutputs(String outputs) {
		this.outputs = outputs;
	}

	public List<Entry> getCriteria() {
		return criteria;
	}

	public void setCriteria(List<Entry> criteria) {
		this.criteria = criteria;
	}

	public List<Long> getAttachmentIds() {
		return attachmentIds;
	}

	public void setAttachmentIds(List<Long> attachmentIds) {
		this.attachmentIds = attachmentIds;
	}

	/** The self-evaluation of one criterion. */
	public static class Entry {

		private String code;

		private Boolean met;

		private String evidence;

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public Boolean getMet() {
			return met;
		}

		public void setMet(Boolean met) {
			this.met = met;
		}

		public String getEvidence() {
			return evidence;
		}

		public void setEvidence(String evidence) {
			this.evidence = evidence;
		}

	}

}
