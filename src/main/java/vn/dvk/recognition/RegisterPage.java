package vn.dvk.recognition;

import java.util.List;

/** One page of the register: its entries, the page asked for, and how many entries match in all. */
public record RegisterPage(List<RecognizedModel> items, int page, int size, long total) {

	public int totalPages() {
		return (int) ((total + size - 1) / size);
	}

}
