package vn.dvk.recognition.process;

import java.util.Collection;
import java.util.List;

/** Reading the process's variables back. */
final class RecognitionVariables {

	private RecognitionVariables() {
	}

	static List<String> codes(Object value) {
		return value instanceof Collection<?> collection ? collection.stream().map(String::valueOf).toList() : List.of();
	}

}
