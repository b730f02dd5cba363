package health.citadel.records.internal;

import jakarta.enterprise.inject.spi.CDI;
import org.hibernate.envers.RevisionListener;

/** Fills each revision from the current request's {@link ChartChange}; a change without one is refused. */
public class ChartRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ChartChange.Description change = CDI.current().select(ChartChange.class).get().get();
        if (change == null) {
            throw new IllegalStateException("a chart change without an actor");
        }
        ((ChartRevision) revisionEntity).describe(change);
    }
}
