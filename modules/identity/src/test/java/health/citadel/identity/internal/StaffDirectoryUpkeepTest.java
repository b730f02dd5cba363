package health.citadel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.citadel.identity.api.Caller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.Role;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The directory learns the name of a caller the permission check let through, and of nobody else. */
class StaffDirectoryUpkeepTest {

    private static final Caller NURSE = new Caller("nurse-1", Set.of(Role.NURSE), Set.of(Permission.READ_CLINICAL),
            false, null, "citadel-portal", null);

    private final List<String> remembered = new ArrayList<>();
    private final StaffDirectory directory = new StaffDirectory() {
        @Override
        void remember(Caller caller, String displayName) {
            remembered.add(caller.userId() + ": " + displayName);
        }
    };

    @Test
    void anAuthorizedCallerIsRememberedByTheNameTheirTokenGives() {
        RequestCaller authorized = new RequestCaller();
        authorized.set(NURSE);

        new StaffDirectoryUpkeep(() -> authorized, () -> directory).filter(request(token("Nora Nurse")));

        assertEquals(List.of("nurse-1: Nora Nurse"), remembered);
    }

    @Test
    void aRequestWithoutAnAuthorizedCallerLeavesTheDirectoryAlone() {
        new StaffDirectoryUpkeep(RequestCaller::new, () -> directory).filter(request(token("Nora Nurse")));

        assertEquals(List.of(), remembered);
    }

    private static JsonWebToken token(String name) {
        Map<String, Object> claims = Map.of("name", name);
        return proxy(JsonWebToken.class, (method, arguments) -> method.equals("getClaim") ? claims.get(arguments[0])
                : null);
    }

    private static ContainerRequestContext request(JsonWebToken token) {
        SecurityContext security = proxy(SecurityContext.class,
                (method, arguments) -> method.equals("getUserPrincipal") ? token : null);
        return proxy(ContainerRequestContext.class,
                (method, arguments) -> method.equals("getSecurityContext") ? security : null);
    }

    /** An interface answering only what the upkeep asks of it. */
    private interface Answers {
        Object answer(String method, Object[] arguments);
    }

    private static <T> T proxy(Class<T> type, Answers answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, arguments) -> answers.answer(method.getName(), arguments)));
    }
}
