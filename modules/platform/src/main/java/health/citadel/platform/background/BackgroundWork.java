package health.citadel.platform.background;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Periodic tasks on Liberty's managed scheduler. A failed run is logged by exception type only (messages may
 * quote data) and retried at the next tick; all tasks stop with the application.
 */
@ApplicationScoped
public class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> running = new CopyOnWriteArrayList<>();

    public void every(Duration interval, String what, Runnable task) {
        running.add(scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "{0} failed; retrying: {1}", new Object[] {what, e.getClass().getName()});
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        running.forEach(task -> task.cancel(false));
    }
}
