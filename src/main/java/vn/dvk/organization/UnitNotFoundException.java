package vn.dvk.organization;

/**
 * A unit code that is not in the organisation tree.
 */
public class UnitNotFoundException extends RuntimeException {

	private final String code;

	public UnitNotFoundException(String code) {
		super("Không tìm thấy đơn vị có mã '" + code + "'.");
		this.code = code;
	}

	public String code() {
		return code;
	}
}
