package health.citadel.app.portal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * Makes the session's verified access token the request's principal, as Liberty's mpJwt does for a bearer token,
 * so that identity's permission check (the same for the API and the portal) authorizes every page. Without a
 * login the browser is sent to Keycloak's login page, and comes back to the page it asked for.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class SignedInCaller implements ContainerRequestFilter {

    @Inject
    SignIn signIn;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<VerifiedToken> token = signIn.signedIn(servletRequest);
        if (token.isEmpty()) {
            String returnTo = HttpMethod.GET.equals(request.getMethod()) ? servletRequest.getRequestURI() : null;
            request.abortWith(Response.seeOther(signIn.begin(servletRequest, returnTo, false)).build());
            return;
        }
        request.setSecurityContext(new SignedIn(token.get()));
    }

    /** The security context of a page request: the signed-in person's token. */
    private record SignedIn(VerifiedToken token) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return token;
        }

        @Override
        public boolean isUserInRole(String role) {
            return token.getGroups().contains(role);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getAuthenticationScheme() {
            return "OIDC";
        }
    }
}
