package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Front-desk registrations from several clients at once through the application's own write path, keeping
 * the client's record: every patient the API acknowledged (201) and when. A refused or failed request is only
 * counted: it was never acknowledged.
 */
final class WriteLoad implements AutoCloseable {

    private final Map<UUID, Instant> acknowledged = new ConcurrentHashMap<>();
    private final Map<UUID, String> mrns = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;

    WriteLoad(int clientCount) {
        // a token of its own: one cached since an earlier test class might expire under the load
        HttpResponse<String> granted = Tokens.grant(Stack.get().login("front.desk"), Stack.get().keycloakUrl(),
                "citadel-cli", true);
        String token = Stack.json(granted).get("access_token").asText();
        clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    register(token);
                }
            });
        }
    }

    private void register(String token) {
        try {
            Patients.Canary patient = Patients.Canary.fresh();
            HttpResponse<String> created = as(token).post(Patients.PATIENTS)
                    .json(patient.registration("1980-02-03", false));
            if (created.statusCode() == 201) {
                UUID id = UUID.fromString(Stack.json(created).get("id").asText());
                mrns.put(id, patient.mrn());
                acknowledged.put(id, Instant.now());
            } else {
                refuse(created.statusCode() + (created.headers().firstValue("Retry-After").isPresent()
                        ? " with Retry-After" : ""));
            }
        } catch (RuntimeException e) {
            refuse("no answer: " + e.getClass().getSimpleName());
        }
    }

    private void refuse(String how) {
        refusals.computeIfAbsent(how, any -> new AtomicLong()).incrementAndGet();
    }

    /** Waits until {@code more} further registrations are acknowledged: the region that writes now takes writes. */
    void awaitMore(int more, Duration within) {
        int target = acknowledged.size() + more;
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> acknowledged.size() >= target);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no region took writes for " + within.toSeconds() + " s; refused so far: "
                    + refusals(), e);
        }
    }

    /** The acknowledged patients, with when each was acknowledged. */
    Map<UUID, Instant> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** How many registrations were refused or failed. */
    long refused() {
        return refusals.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The refusals by how they came: the status and whether it said when to retry, or no answer at all. */
    Map<String, Long> refusals() {
        Map<String, Long> counted = new java.util.TreeMap<>();
        refusals.forEach((how, count) -> counted.put(how, count.get()));
        return counted;
    }

    /** The medical record number an acknowledged patient was registered with. */
    String mrn(UUID patient) {
        return mrns.get(patient);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the load's clients did not stop");
        }
    }
}
