package vn.dvk.recognition;

/** A council member's finding on one criterion of the plan: met or not. */
public record CriterionMark(String code, Boolean met) {
}
