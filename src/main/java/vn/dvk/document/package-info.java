/**
 * Documents: PDF (decisions, dossiers, certificates) from Thymeleaf HTML with an embedded Vietnamese font.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package vn.dvk.document;
