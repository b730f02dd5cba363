package health.citadel.dr.internal.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgOutputTest {

    private static final Instant COMMITTED = Instant.parse("2026-11-22T10:15:30.123456Z");

    @Test
    void readsWholeTransactionsWithTheirRowImagesInCommitOrder() throws IOException {
        List<LostCommit> commits = PgOutput.decode(List.of(
                begin(7), relation(16400, "records", "patient", "id", "version", "demographics"),
                insert(16400, "p1", "0", "\\x01"),
                update(16400, 'O', new String[] {"p1", "0", "\\x01"}, new String[] {"p1", "1", null}),
                commit(0x1_0000_00A0L),
                begin(8), delete(16400, 'K', "p1", null, null), commit(0x1_0000_00F0L)));

        assertEquals(2, commits.size());
        LostCommit first = commits.get(0);
        assertEquals(7, first.xid());
        assertEquals("1/A0", first.commitLsn());
        assertEquals(COMMITTED, first.committedAt());
        assertEquals(LostCommit.Kind.INSERT, first.changes().get(0).kind());
        assertEquals("records.patient", first.changes().get(0).tableName());
        assertEquals("\\x01", first.changes().get(0).after().value("demographics"));
        LostCommit.Change update = first.changes().get(1);
        assertTrue(update.wholeBefore());
        assertEquals("0", update.before().value("version"));
        assertEquals("1", update.after().value("version"));
        assertEquals(Arrays.asList("p1", "1", null), update.after().values(), "an explicit NULL stays NULL");
        LostCommit.Change delete = commits.get(1).changes().get(0);
        assertEquals(LostCommit.Kind.DELETE, delete.kind());
        assertFalse(delete.wholeBefore(), "a key-only image cannot be checked against a row");
        assertNull(delete.after());
    }

    @Test
    void anUnchangedToastedValueIsTakenFromTheRowBefore() throws IOException {
        byte[] update = message(out -> {
            out.writeByte('U');
            out.writeInt(16400);
            out.writeByte('O');
            tuple(out, "p1", "0", "\\xbig");
            out.writeByte('N');
            out.writeShort(3);
            text(out, "p1");
            text(out, "1");
            out.writeByte('u');
        });
        LostCommit commit = PgOutput.decode(List.of(begin(9),
                relation(16400, "records", "patient", "id", "version", "demographics"), update, commit(1))).get(0);
        assertEquals("\\xbig", commit.changes().get(0).after().value("demographics"));
    }

    @Test
    void aSlotThatEndsInsideATransactionIsRefused() throws IOException {
        assertThrows(IllegalStateException.class, () -> PgOutput.decode(List.of(begin(1),
                relation(1, "records", "revision", "id"), insert(1, "5"))));
        assertThrows(IllegalStateException.class, () -> PgOutput.decode(List.of(begin(1), insert(99, "5"), commit(1))),
                "a change to a table the slot never described");
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] message(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static byte[] begin(int xid) throws IOException {
        return message(out -> {
            out.writeByte('B');
            out.writeLong(0);
            out.writeLong(micros());
            out.writeInt(xid);
        });
    }

    private static byte[] commit(long lsn) throws IOException {
        return message(out -> {
            out.writeByte('C');
            out.writeByte(0);
            out.writeLong(lsn);
            out.writeLong(lsn + 8);
            out.writeLong(micros());
        });
    }

    private static byte[] relation(int id, String schema, String table, String... columns) throws IOException {
        return message(out -> {
            out.writeByte('R');
            out.writeInt(id);
            string(out, schema);
            string(out, table);
            out.writeByte('f');
            out.writeShort(columns.length);
            for (String column : columns) {
                out.writeByte(1);
                string(out, column);
                out.writeInt(25);
                out.writeInt(-1);
            }
        });
    }

    private static byte[] insert(int relation, String... values) throws IOException {
        return message(out -> {
            out.writeByte('I');
            out.writeInt(relation);
            out.writeByte('N');
            tuple(out, values);
        });
    }

    private static byte[] update(int relation, char image, String[] before, String[] after) throws IOException {
        return message(out -> {
            out.writeByte('U');
            out.writeInt(relation);
            out.writeByte(image);
            tuple(out, before);
            out.writeByte('N');
            tuple(out, after);
        });
    }

    private static byte[] delete(int relation, char image, String... before) throws IOException {
        return message(out -> {
            out.writeByte('D');
            out.writeInt(relation);
            out.writeByte(image);
            tuple(out, before);
        });
    }

    private static void tuple(DataOutputStream out, String... values) throws IOException {
        out.writeShort(values.length);
        for (String value : values) {
            if (value == null) {
                out.writeByte('n');
            } else {
                text(out, value);
            }
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte('t');
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.parse("2000-01-01T00:00:00Z"), COMMITTED);
    }
}
