package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormTextTests {

	@Test
	void aTextThatFitsIsKeptAsItIs() {
		assertThat(FormText.fit("- Mô hình 1\n- Mô hình 2", "[trang](/x)")).isEqualTo("- Mô hình 1\n- Mô hình 2");
	}

	@Test
	void aLongListIsCutAtALineAndPointsToTheFullPage() {
		StringBuilder list = new StringBuilder();
		for (int i = 1; i <= 200; i++) {
			list.append("- Mô hình “Dân vận khéo” số ").append(i).append(" của Xã Cam Hải Đông\n");
		}
		String fitted = FormText.fit(list.toString(), "[trang phiên bình xét](/api/recognition-sessions/KH-2026-01-PH1)");
		assertThat(fitted.length()).isLessThanOrEqualTo(FormText.VARIABLE_MAX);
		assertThat(fitted).startsWith("- Mô hình “Dân vận khéo” số 1 của")
			.endsWith("xem đầy đủ tại [trang phiên bình xét](/api/recognition-sessions/KH-2026-01-PH1)._")
			.doesNotContain("số 200 ");
		assertThat(fitted.substring(0, fitted.indexOf("\n\n_…"))).endsWith("Xã Cam Hải Đông");
	}

}
