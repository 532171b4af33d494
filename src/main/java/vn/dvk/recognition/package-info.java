/**
 * Recognition: council sessions (RecognitionReviewProcess), the recognition decision and the register of recognised models.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition")
package vn.dvk.recognition;
