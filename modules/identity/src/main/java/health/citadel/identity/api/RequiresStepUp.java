package health.citadel.identity.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource method needs a recent second factor besides its {@link RequiresPermission}: the
 * permission check throws {@link StepUpRequired} otherwise, judged by the one recency rule the high-stakes
 * operations use. The API answers it with the RFC 9470 challenge; the portal sends a page's request to Keycloak to
 * log in again, and back. A portal page puts it on the form (GET) of a high-stakes task, so that the person proves
 * the factor before filling it in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresStepUp {
}
