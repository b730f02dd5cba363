package health.citadel.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** An operation is named by its method and its path template, class and method joined, never by a value. */
class RouteTemplatesTest {

    @Path("/v1/patients/")
    static class Patients {

        @GET
        @Path("{id}/chart")
        public String chart(String id) {
            return id;
        }

        @POST
        public void register() {
        }
    }

    @Test
    void theClassAndMethodTemplatesAreJoinedWithOneSlash() throws Exception {
        assertEquals("GET /v1/patients/{id}/chart",
                RouteTemplates.operation(resource(Patients.class.getMethod("chart", String.class))));
        assertEquals("POST /v1/patients", RouteTemplates.operation(resource(Patients.class.getMethod("register"))));
    }

    private static ResourceInfo resource(Method method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return method.getDeclaringClass();
            }
        };
    }
}
