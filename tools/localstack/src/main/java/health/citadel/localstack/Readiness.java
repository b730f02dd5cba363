package health.citadel.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Polls a service until it answers as ready, or gives up with a message that names its log. */
final class Readiness {

    private static final Duration POLL = Duration.ofMillis(500);

    private Readiness() {
    }

    static void await(String what, Duration timeout, BooleanSupplier stillRunning, String log,
                      HttpClient http, URI probe, Predicate<HttpResponse<String>> ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!stillRunning.getAsBoolean()) {
                throw new StackException(what + " stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(probe).timeout(POLL.multipliedBy(4)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.test(response)) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + what, e);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + what, e);
            }
        }
        throw new StackException(what + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }
}
