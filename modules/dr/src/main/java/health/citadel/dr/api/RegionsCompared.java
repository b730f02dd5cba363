package health.citadel.dr.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * Every replicated table compared between the writer and the standby, as {@code bin/citadel dr verify --json}
 * prints it.
 *
 * @param same whether every table is the same in both regions
 */
@JsonbPropertyOrder({"same", "tables"})
public record RegionsCompared(boolean same, List<Table> tables) {

    /** The comparison of these tables; the regions are the same when every table is. */
    public static RegionsCompared of(List<Table> tables) {
        return new RegionsCompared(tables.stream().allMatch(Table::same), List.copyOf(tables));
    }

    /** One table's row count in each region, and whether its rows are the same there. */
    @JsonbPropertyOrder({"table", "writerRows", "standbyRows", "same"})
    public record Table(String table, long writerRows, long standbyRows, boolean same) {
    }
}
