package health.citadel.records.internal;

import jakarta.annotation.Resource;
import javax.sql.DataSource;

/** Planted for the architecture test: a module taking the application's pool straight from JNDI. */
public class PlantedPoolBypass {

    @Resource(lookup = "jdbc/citadel")
    DataSource pool;
}
