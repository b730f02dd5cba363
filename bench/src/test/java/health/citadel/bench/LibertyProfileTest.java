package health.citadel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples' call stacks, the running method first, counted by part (inclusive, once each) and by method. */
class LibertyProfileTest {

    private static final List<String> TOKEN_CHECK_IN_JAX_RS = List.of("org.jose4j.jws.JsonWebSignature.verify",
            "com.ibm.ws.security.mp.jwt.tai.TAIJwtUtils.createJwt", "org.jboss.resteasy.core.SynchronousDispatcher.invoke",
            "org.jboss.resteasy.core.SynchronousDispatcher.invoke");
    private static final List<String> JSON_IN_JAX_RS = List.of("org.eclipse.parsson.JsonParserImpl.next",
            "org.jboss.resteasy.core.SynchronousDispatcher.invoke");
    private static final List<String> IDLE_LOOP = List.of("java.lang.Thread.run");

    @Test
    void aSampleCountsOnceForEachPartItsStackPassesThrough() {
        LibertyProfile.Summary summary = LibertyProfile.summarise(List.of(TOKEN_CHECK_IN_JAX_RS, TOKEN_CHECK_IN_JAX_RS,
                JSON_IN_JAX_RS, IDLE_LOOP));

        assertEquals(4, summary.samples());
        assertEquals(List.of(new LibertyProfile.Share("JAX-RS (RESTEasy)", 3, 75.0),
                new LibertyProfile.Share("token check (mpJwt)", 2, 50.0), new LibertyProfile.Share("JSON", 1, 25.0)),
                summary.parts(), "a frame twice in one stack counts once; a stack of no part counts for none");
    }

    @Test
    void theRunningMethodsAreRankedByTheirSamples() {
        LibertyProfile.Summary summary = LibertyProfile.summarise(List.of(JSON_IN_JAX_RS, TOKEN_CHECK_IN_JAX_RS,
                JSON_IN_JAX_RS, IDLE_LOOP, JSON_IN_JAX_RS));

        assertEquals(List.of(new LibertyProfile.Share("org.eclipse.parsson.JsonParserImpl.next", 3, 60.0),
                new LibertyProfile.Share("java.lang.Thread.run", 1, 20.0),
                new LibertyProfile.Share("org.jose4j.jws.JsonWebSignature.verify", 1, 20.0)), summary.methods());
    }

    @Test
    void noSamplesMeansNoShares() {
        assertEquals(new LibertyProfile.Summary(0, List.of(), List.of()), LibertyProfile.summarise(List.of()));
    }
}
