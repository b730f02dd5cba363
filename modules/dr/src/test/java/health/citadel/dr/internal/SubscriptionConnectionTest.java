package health.citadel.dr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubscriptionConnectionTest {

    @Test
    void theUrlsTlsSettingsGoAlongAndNothingElse() {
        assertEquals("host='db-a.hospital.example' port=5433 dbname='citadel' user='replicator' password='secret' "
                        + "sslmode='verify-full' sslrootcert='/etc/citadel/ca one.crt'",
                SubscriptionConnection.to("jdbc:postgresql://db-a.hospital.example:5433/citadel?sslmode=verify-full"
                        + "&targetServerType=primary&sslrootcert=%2Fetc%2Fcitadel%2Fca+one.crt", "replicator", "secret"));
    }

    @Test
    void valuesAreQuotedSoThatNoneCanAddASetting() {
        assertEquals("host='127.0.0.1' port=5432 dbname='citadel' user='rep' password='it\\'s sslmode=disable'",
                SubscriptionConnection.to("jdbc:postgresql://127.0.0.1/citadel", "rep", "it's sslmode=disable"));
    }
}
