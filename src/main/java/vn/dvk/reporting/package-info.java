/**
 * Reporting: the year-end summary (JSON and XLSX) and the import of models recognised before the system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package vn.dvk.reporting;
