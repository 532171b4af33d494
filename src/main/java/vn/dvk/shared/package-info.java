/**
 * Shared kernel: the error types every module throws and their problem+json rendering.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.dvk.shared;
