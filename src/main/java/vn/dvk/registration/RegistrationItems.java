package vn.dvk.registration;

/**
 * The ten mandatory items of a registration form (domain.md, step 2).
 *
 * @param name           tên mô hình
 * @param situation      thực trạng, lý do
 * @param objectives     mục tiêu, tiêu chí
 * @param approach       nội dung, cách thức
 * @param beneficiaries  địa bàn, đối tượng
 * @param implementers   lực lượng thực hiện
 * @param resources      nguồn lực
 * @param timeframe      thời gian
 * @param outputs        sản phẩm đầu ra
 * @param sustainability khả năng duy trì, nhân rộng
 */
public record RegistrationItems(String name, String situation, String objectives, String approach,
		String beneficiaries, String implementers, String resources, String timeframe, String outputs,
		String sustainability) {
}
