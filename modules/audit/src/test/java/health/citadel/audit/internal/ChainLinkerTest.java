package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.CanonicalEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainLinkerTest {

    private static final byte[] SEAL = new byte[64];

    @Test
    void theFirstEventLinksOntoTheGenesis() {
        ChainLinker.Pending first = pending(7);
        List<ChainLinker.Link> links = ChainLinker.link(ChainLinker.Tip.GENESIS, List.of(first), event -> true);
        assertEquals(1, links.size());
        ChainLinker.Link link = links.get(0);
        assertEquals(1, link.position());
        assertEquals(7, link.eventSeq());
        assertSame(first.event(), link.event());
        assertArrayEquals(ChainMath.GENESIS, link.previousHash());
        assertArrayEquals(ChainMath.link(ChainMath.GENESIS, first.canonical(), SEAL), link.hash());
    }

    @Test
    void eachEventLinksOntoThePreviousLinkFromTheTipOn() {
        byte[] tipHash = ChainMath.link(ChainMath.GENESIS, new byte[] {1}, SEAL);
        List<ChainLinker.Link> links = ChainLinker.link(new ChainLinker.Tip(41, tipHash, 90),
                List.of(pending(91), pending(93)), event -> true);
        assertEquals(List.of(42L, 43L), links.stream().map(ChainLinker.Link::position).toList());
        assertArrayEquals(tipHash, links.get(0).previousHash());
        assertArrayEquals(links.get(0).hash(), links.get(1).previousHash());
    }

    @Test
    void anEventWhoseSealDoesNotHoldIsLeftOutWithoutAGap() {
        ChainLinker.Pending forged = pending(2);
        ChainLinker.Pending after = pending(3);
        List<ChainLinker.Link> links = ChainLinker.link(ChainLinker.Tip.GENESIS, List.of(pending(1), forged, after),
                event -> event != forged);
        assertEquals(List.of(1L, 3L), links.stream().map(ChainLinker.Link::eventSeq).toList());
        assertEquals(2, links.get(1).position());
        assertArrayEquals(links.get(0).hash(), links.get(1).previousHash());
        assertArrayEquals(ChainMath.link(links.get(0).hash(), after.canonical(), SEAL), links.get(1).hash());
    }

    @Test
    void nothingPendingLinksNothing() {
        assertTrue(ChainLinker.link(ChainLinker.Tip.GENESIS, List.of(), event -> true).isEmpty());
    }

    private static ChainLinker.Pending pending(long seq) {
        AuditEvent event = AuditEvent.by("clinician-" + seq, AuditAction.READ, "Patient").roles(Set.of("CLINICIAN"))
                .client("portal").resource(String.valueOf(seq)).outcome(AuditOutcome.SUCCESS).from("10.0.0.1")
                .request("request-" + seq).build();
        return new ChainLinker.Pending(seq, event, CanonicalEvent.of(event), SEAL);
    }
}
