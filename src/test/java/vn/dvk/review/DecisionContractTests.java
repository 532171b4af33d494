package vn.dvk.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionContractTests {

	@Test
	void approvalNeedsNoComment() {
		assertThat(DecisionContract.validate("APPROVE", null, DecisionContract.APPROVAL_DECISIONS)).isEqualTo("APPROVE");
	}

	@Test
	void returnAndRejectWithACommentAreValid() {
		assertThat(DecisionContract.validate("RETURN", "Bổ sung", DecisionContract.APPROVAL_DECISIONS)).isEqualTo("RETURN");
		assertThat(DecisionContract.validate("REJECT", "Trùng lặp", DecisionContract.APPROVAL_DECISIONS)).isEqualTo("REJECT");
	}

	@Test
	void missingDecisionIsRefusedInVietnamese() {
		assertThatThrownBy(() -> DecisionContract.validate(null, "x", DecisionContract.APPROVAL_DECISIONS))
			.isInstanceOf(DecisionContract.InvalidDecisionException.class)
			.hasMessage("Chưa chọn quyết định (biến \"decision\"). Giá trị hợp lệ: APPROVE, RETURN, REJECT.")
			.extracting(e -> ((DecisionContract.InvalidDecisionException) e).field())
			.isEqualTo("decision");
		assertThatThrownBy(() -> DecisionContract.validate(" ", null, DecisionContract.APPROVAL_DECISIONS))
			.hasMessageStartingWith("Chưa chọn quyết định");
	}

	@Test
	void decisionOutsideTheAllowedListIsRefused() {
		assertThatThrownBy(() -> DecisionContract.validate("approve", null, DecisionContract.APPROVAL_DECISIONS))
			.hasMessage("Quyết định \"approve\" không hợp lệ. Giá trị hợp lệ: APPROVE, RETURN, REJECT.");
		assertThatThrownBy(() -> DecisionContract.validate("RECOGNIZE", null, DecisionContract.APPROVAL_DECISIONS))
			.isInstanceOf(DecisionContract.InvalidDecisionException.class);
		assertThatThrownBy(() -> DecisionContract.validate(Boolean.TRUE, null, DecisionContract.APPROVAL_DECISIONS))
			.hasMessageContaining("không hợp lệ");
	}

	@Test
	void returnWithoutACommentIsRefused() {
		assertThatThrownBy(() -> DecisionContract.validate("RETURN", "   ", DecisionContract.APPROVAL_DECISIONS))
			.hasMessage("Khi trả lại để chỉnh sửa phải ghi rõ ý kiến, lý do (biến \"comment\").")
			.extracting(e -> ((DecisionContract.InvalidDecisionException) e).field())
			.isEqualTo("comment");
	}

	@Test
	void rejectWithoutACommentIsRefused() {
		assertThatThrownBy(() -> DecisionContract.validate("REJECT", null, DecisionContract.APPROVAL_DECISIONS))
			.hasMessageContaining("phải ghi rõ ý kiến");
	}

	@Test
	void notRecognizeNeedsACommentButRecognizeDoesNot() {
		assertThat(DecisionContract.validate("RECOGNIZE", null, DecisionContract.RECOGNITION_DECISIONS))
			.isEqualTo("RECOGNIZE");
		assertThatThrownBy(() -> DecisionContract.validate("NOT_RECOGNIZE", "", DecisionContract.RECOGNITION_DECISIONS))
			.hasMessage("Khi không công nhận phải ghi rõ ý kiến, lý do (biến \"comment\").");
	}

	@Test
	void aCommentLongerThanTheEngineCanHoldIsRefusedBeforeAnythingIsSaved() {
		assertThatThrownBy(() -> DecisionContract.validate("RETURN", "ý".repeat(4001),
				DecisionContract.APPROVAL_DECISIONS))
			.hasMessageContaining("vượt quá 4000 ký tự");
		assertThat(DecisionContract.validate("RETURN", "ý".repeat(4000), DecisionContract.APPROVAL_DECISIONS))
			.isEqualTo("RETURN");
	}

}
