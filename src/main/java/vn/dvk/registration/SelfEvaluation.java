package vn.dvk.registration;

/** The unit's own evaluation of one criterion of the plan: met or not, with its evidence. */
public record SelfEvaluation(String criterionCode, boolean met, String evidence) {
}
