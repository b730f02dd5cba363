package health.citadel.dr.internal.operations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the messages of PostgreSQL's {@code pgoutput} plugin (protocol version 1, values in text form), as a
 * replication slot hands them out, into whole committed transactions. The format is the server's own, documented
 * under "Logical Replication Message Formats"; only what a salvage needs is kept.
 */
final class PgOutput {

    /** pgoutput counts time in microseconds from 2000-01-01 UTC. */
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private record Relation(String schema, String table, List<String> columns) {
    }

    private final Map<Integer, Relation> relations = new HashMap<>();
    private final List<LostCommit> commits = new ArrayList<>();
    private List<LostCommit.Change> open;
    private long openXid;

    /** Decodes one slot's messages, in the order the slot gave them. */
    static List<LostCommit> decode(Iterable<byte[]> messages) {
        PgOutput decoder = new PgOutput();
        messages.forEach(message -> decoder.accept(ByteBuffer.wrap(message)));
        if (decoder.open != null) {
            throw new IllegalStateException("the slot ended inside transaction " + decoder.openXid);
        }
        return List.copyOf(decoder.commits);
    }

    private void accept(ByteBuffer message) {
        char type = (char) message.get();
        switch (type) {
            case 'B' -> {
                message.getLong(); // the final LSN; the commit message carries it again
                message.getLong();
                openXid = Integer.toUnsignedLong(message.getInt());
                open = new ArrayList<>();
            }
            case 'C' -> {
                message.get();
                String commitLsn = lsn(message.getLong());
                message.getLong();
                Instant committedAt = POSTGRES_EPOCH.plus(message.getLong(), ChronoUnit.MICROS);
                commits.add(new LostCommit(openXid, committedAt, commitLsn, inTransaction()));
                open = null;
            }
            case 'R' -> {
                int id = message.getInt();
                String schema = string(message);
                String table = string(message);
                message.get(); // replica identity: the row images below say what was logged
                int count = message.getShort();
                List<String> columns = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    message.get();
                    columns.add(string(message));
                    message.getInt();
                    message.getInt();
                }
                relations.put(id, new Relation(schema, table, columns));
            }
            case 'I' -> {
                Relation relation = relation(message.getInt());
                expect(message, 'N');
                inTransaction().add(new LostCommit.Change(relation.schema(), relation.table(), LostCommit.Kind.INSERT,
                        null, row(relation, message, null), true));
            }
            case 'U' -> {
                Relation relation = relation(message.getInt());
                char image = (char) message.get();
                LostCommit.Row before = null;
                // 'O': the whole old row (REPLICA IDENTITY FULL); 'K': only its key, the rest NULL
                boolean wholeBefore = image == 'O';
                if (image == 'K' || image == 'O') {
                    before = row(relation, message, null);
                    image = (char) message.get();
                }
                if (image != 'N') {
                    throw new IllegalStateException("an update without its new row");
                }
                inTransaction().add(new LostCommit.Change(relation.schema(), relation.table(), LostCommit.Kind.UPDATE,
                        before, row(relation, message, wholeBefore ? before : null), wholeBefore));
            }
            case 'D' -> {
                Relation relation = relation(message.getInt());
                char image = (char) message.get();
                LostCommit.Row before = row(relation, message, null);
                inTransaction().add(new LostCommit.Change(relation.schema(), relation.table(), LostCommit.Kind.DELETE,
                        before, null, image == 'O'));
            }
            case 'T' -> {
                int count = message.getInt();
                message.get();
                for (int i = 0; i < count; i++) {
                    Relation relation = relation(message.getInt());
                    inTransaction().add(new LostCommit.Change(relation.schema(), relation.table(),
                            LostCommit.Kind.TRUNCATE, null, null, false));
                }
            }
            default -> {
                // origin ('O'), type ('Y') and logical messages carry no row
            }
        }
    }

    private List<LostCommit.Change> inTransaction() {
        if (open == null) {
            throw new IllegalStateException("a change outside a transaction");
        }
        return open;
    }

    private Relation relation(int id) {
        Relation relation = relations.get(id);
        if (relation == null) {
            throw new IllegalStateException("a change to relation " + id + " before its description");
        }
        return relation;
    }

    /**
     * One row image. A value the server did not send because a TOASTed column is unchanged ('u') is taken from
     * the row before, where there is one.
     */
    private static LostCommit.Row row(Relation relation, ByteBuffer message, LostCommit.Row before) {
        int count = message.getShort();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char kind = (char) message.get();
            switch (kind) {
                case 'n' -> values.add(null);
                case 'u' -> values.add(before == null ? null : before.values().get(i));
                case 't' -> {
                    byte[] text = new byte[message.getInt()];
                    message.get(text);
                    values.add(new String(text, StandardCharsets.UTF_8));
                }
                default -> throw new IllegalStateException("a column value of kind '" + kind + "'");
            }
        }
        return new LostCommit.Row(relation.columns().subList(0, count), values);
    }

    private static void expect(ByteBuffer message, char expected) {
        char found = (char) message.get();
        if (found != expected) {
            throw new IllegalStateException("expected '" + expected + "' but found '" + found + "'");
        }
    }

    private static String string(ByteBuffer message) {
        int start = message.position();
        while (message.get() != 0) {
            // to the terminating zero byte
        }
        return new String(message.array(), start, message.position() - start - 1, StandardCharsets.UTF_8);
    }

    private static String lsn(long position) {
        return Long.toHexString(position >>> 32).toUpperCase() + "/" + Long.toHexString(position & 0xFFFFFFFFL)
                .toUpperCase();
    }
}
