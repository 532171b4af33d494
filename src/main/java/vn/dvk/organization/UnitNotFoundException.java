package vn.dvk.organization;

import org.springframework.http.HttpStatus;
import vn.dvk.shared.DvkException;

/**
 * A unit code that is not in the organisation tree (404).
 */
public class UnitNotFoundException extends DvkException {

	public UnitNotFoundException(String code) {
		super(HttpStatus.NOT_FOUND, "error.unit.notFound", code);
	}

}
