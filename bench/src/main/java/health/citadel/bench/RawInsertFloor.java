package health.citadel.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor PostgreSQL itself sets for creating a patient: a raw JDBC insert of a row shaped and sized like a
 * real {@code records.patient} row, one transaction per row, into a scratch copy of that table on region A. The
 * scratch schema is not published, so nothing reaches region B, and it is dropped afterwards.
 */
final class RawInsertFloor {

    static final String OPERATION = "create patient: raw JDBC insert";
    private static final String SCRATCH = "citadel_bench_floor";

    private RawInsertFloor() {
    }

    /** @param sample a patient the production variant registered, whose stored sizes the inserted rows copy */
    static Measurement measure(LocalStack stack, BenchPlan plan, UUID sample) throws SQLException {
        List<Connection> clients = new ArrayList<>();
        try (Connection dba = stack.writerAsDba(); Statement ddl = dba.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
            ddl.execute("CREATE SCHEMA " + SCRATCH);
            ddl.execute("CREATE TABLE " + SCRATCH + ".patient (LIKE records.patient INCLUDING ALL)");
            int[] sizes = storedSizes(dba, sample);
            try {
                List<PreparedStatement> inserts = new ArrayList<>();
                for (int client = 0; client < plan.concurrency(); client++) {
                    Connection connection = stack.writerAsDba();
                    clients.add(connection);
                    inserts.add(connection.prepareStatement("INSERT INTO " + SCRATCH + ".patient (id, version, "
                            + "demographics, mrn_index, name_birth_index, restricted, retired, created_at, updated_at) "
                            + "VALUES (?, 0, ?, ?, ?, false, false, now(), now())"));
                }
                return LoadPhase.run(OPERATION, Variant.PRODUCTION, plan, client -> {
                    PreparedStatement insert = inserts.get(client);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setBytes(2, random(sizes[0]));
                    insert.setBytes(3, random(sizes[1]));
                    insert.setBytes(4, random(sizes[2]));
                    insert.executeUpdate();
                });
            } finally {
                for (Connection connection : clients) {
                    connection.close();
                }
                ddl.execute("DROP SCHEMA " + SCRATCH + " CASCADE");
            }
        }
    }

    /** The byte lengths of the sample's demographics ciphertext and of its two blind indexes. */
    private static int[] storedSizes(Connection dba, UUID sample) throws SQLException {
        try (PreparedStatement query = dba.prepareStatement("SELECT octet_length(demographics), "
                + "octet_length(mrn_index), octet_length(name_birth_index) FROM records.patient WHERE id = ?")) {
            query.setObject(1, sample);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new BenchFailure("region A has no row for the sample patient");
                }
                return new int[] {row.getInt(1), row.getInt(2), row.getInt(3)};
            }
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
