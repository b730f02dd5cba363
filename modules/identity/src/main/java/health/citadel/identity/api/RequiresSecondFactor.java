package health.citadel.identity.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a JAX-RS resource method, besides its {@link RequiresPermission}, needs a token that proves a
 * recent second factor (step-up MFA). Checked right after the permission and before the request's parameters
 * and body are, so a caller without it learns nothing but the RFC 9470 challenge ({@link StepUpRequired}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresSecondFactor {
}
