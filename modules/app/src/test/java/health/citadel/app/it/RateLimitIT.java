package health.citadel.app.it;

import static health.citadel.app.it.Request.anonymous;
import static health.citadel.app.it.Request.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The per-user rate limit on the real stack, at the shipped defaults (300 at once, then 30 a second): a burst
 * beyond a user's allowance is answered 429 with {@code Retry-After} as a problem document, no more requests are
 * served than the allowance permits, another user is served meanwhile, and the user is served again after the
 * wait. The suite lifts the limits (see the pom); it runs after {@link StackLifecycleIT}, whose {@code up} starts
 * Liberty as an operator would, at the shipped limits. Run alone, it restarts Liberty without the lifts first and
 * with them after.
 */
@Order(Integer.MAX_VALUE)
class RateLimitIT {

    static final List<String> SUITE_LIMITS = List.of("CITADEL_RATE_LIMIT_USER_BURST",
            "CITADEL_RATE_LIMIT_USER_PER_SECOND", "CITADEL_RATE_LIMIT_ADDRESS_BURST",
            "CITADEL_RATE_LIMIT_ADDRESS_PER_SECOND", "CITADEL_RATE_LIMIT_UNAUTHENTICATED_BURST",
            "CITADEL_RATE_LIMIT_UNAUTHENTICATED_PER_SECOND");

    private static final String ME = "/api/v1/me";
    private static final int BURST = 300;
    private static final int PER_SECOND = 30;
    private static final int SENT = 900;
    private static final int UNAUTHENTICATED_BURST = 100;
    private static final int UNAUTHENTICATED_PER_SECOND = 10;
    private static final int UNAUTHENTICATED_SENT = 300;

    private static boolean restarted;

    private final Stack stack = Stack.get();

    @BeforeAll
    static void atTheShippedLimits() throws Exception {
        if (limitsLifted()) {
            CitadelCli.Result restart = CitadelCli.runWithout(SUITE_LIMITS, "restart");
            assertEquals(0, restart.exitCode(), restart.output());
            restarted = true;
        }
        assertTrue(!limitsLifted(), "Liberty runs at the shipped limits");
    }

    @AfterAll
    static void backToTheSuitesLimits() throws Exception {
        if (restarted) {
            CitadelCli.Result restart = CitadelCli.run("restart");
            assertEquals(0, restart.exitCode(), restart.output());
        }
    }

    /** Whether Liberty was started with any rate limit set, which only the suite and the benchmark do. */
    private static boolean limitsLifted() throws Exception {
        Path environment = Stack.get().home().resolve("liberty/servers/citadel/server.env");
        return Files.readAllLines(environment).stream().anyMatch(line -> line.startsWith("CITADEL_RATE_LIMIT_"));
    }

    @Test
    void aUserBeyondTheirAllowanceIsToldToWaitWhileOthersAreServed() throws Exception {
        String name = "it-burst-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "It-Burst-2026-pass!";
        String secret = KeycloakAdmin.totpSecret();
        KeycloakAdmin.plantUser(name, password, Instant.now(), secret, "nurse");
        HttpResponse<String> login = Tokens.grant(new Stack.DemoLogin(name, password, secret), stack.keycloakUrl(),
                "citadel-cli", true);
        assertEquals(200, login.statusCode(), login.body());
        String token = Stack.json(login).get("access_token").asText();

        double throttledBefore = throttled("user");
        List<HttpResponse<String>> answers = new ArrayList<>();
        Future<HttpResponse<String>> otherUser;
        long began = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < SENT; i++) {
                sent.add(clients.submit(() -> as(token).get(ME).send()));
            }
            otherUser = clients.submit(() -> as(Tokens.of("auditor.ada")).get(ME).send());
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;

        long served = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertEquals(SENT, served + refused.size(), "every answer is 200 or 429");
        assertTrue(served >= BURST, "the burst is served: " + served);
        assertTrue(served <= BURST + PER_SECOND * seconds + 1,
                served + " served in " + seconds + " s, more than the allowance permits");
        assertTrue(!refused.isEmpty(), SENT + " requests in " + seconds + " s were all served");
        assertEquals(200, otherUser.get().statusCode(), "another user is served while this one is refused");
        assertEquals(refused.size(), throttled("user") - throttledBefore, 0.5, "each refusal is counted");

        HttpResponse<String> tooMany = refused.get(refused.size() - 1);
        assertTrue(tooMany.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                tooMany.headers().toString());
        assertEquals(429, Stack.json(tooMany).get("status").asInt(), tooMany.body());
        assertTrue(Stack.json(tooMany).get("detail").asText().contains("from this user"), tooMany.body());
        long retryAfter = Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(1, retryAfter, "one request refills in 1/30 s, rounded up to whole seconds");

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertEquals(200, as(token).get(ME).send().statusCode(), "served again after the wait it was told");
    }

    @Test
    void anAddressSendingRequestsWithoutAValidTokenIsToldToWaitWhileTokenHoldersAreServed() throws Exception {
        double throttledBefore = throttled("unauthenticated");
        List<HttpResponse<String>> answers = new ArrayList<>();
        Future<HttpResponse<String>> tokenHolder;
        long began = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < UNAUTHENTICATED_SENT; i++) {
                // half with no token at all, half with one that is not a token
                String bearer = i % 2 == 0 ? null : "not-a-token-" + i;
                sent.add(clients.submit(() -> as(bearer).get(ME).send()));
            }
            tokenHolder = clients.submit(() -> as(Tokens.of("auditor.ada")).get(ME).send());
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;

        long unauthorized = answers.stream().filter(answer -> answer.statusCode() == 401).count();
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertEquals(UNAUTHENTICATED_SENT, unauthorized + refused.size(), "every answer is 401 or 429");
        assertTrue(unauthorized >= UNAUTHENTICATED_BURST, "the burst is answered 401: " + unauthorized);
        assertTrue(unauthorized <= UNAUTHENTICATED_BURST + UNAUTHENTICATED_PER_SECOND * seconds + 1,
                unauthorized + " answered 401 in " + seconds + " s, more than the allowance permits");
        assertTrue(!refused.isEmpty(), UNAUTHENTICATED_SENT + " requests in " + seconds + " s were all answered");
        assertEquals(200, tokenHolder.get().statusCode(), "a token holder at the same address is served");
        assertEquals(refused.size(), throttled("unauthenticated") - throttledBefore, 0.5, "each refusal is counted");

        HttpResponse<String> tooMany = refused.get(refused.size() - 1);
        assertTrue(tooMany.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                tooMany.headers().toString());
        assertTrue(Stack.json(tooMany).get("detail").asText().contains("without a valid token"), tooMany.body());
        long retryAfter = Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(1, retryAfter, "one request refills in 1/10 s, rounded up to whole seconds");

        await().atMost(Duration.ofSeconds(retryAfter + 5)).until(() -> anonymous().get(ME).send().statusCode() == 401);
    }

    /** {@code citadel_requests_throttled_total{limit="..."}}, 0 before the first refusal. */
    private double throttled(String limit) {
        HttpResponse<String> metrics = stack.managementGet("/metrics");
        assertEquals(200, metrics.statusCode());
        return metrics.body().lines()
                .filter(line -> line.startsWith("citadel_requests_throttled_total{limit=\"" + limit + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
