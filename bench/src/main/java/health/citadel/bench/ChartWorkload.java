package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chart workload, as the people who use it call the API: the front desk registers, finds and updates
 * patients; a physician on the care team reads charts and their history. One instance per deployed variant.
 */
final class ChartWorkload {

    static final String CREATE_PATIENT = "create patient";
    static final String READ_CHART = "read chart";
    static final String SEARCH_BY_MRN = "search by MRN";
    static final String UPDATE_WITH_IF_MATCH = "update with If-Match";
    static final String HISTORY_LIST = "history list";
    /** The demographics alone: the read comparable with a FHIR Patient read. */
    static final String READ_PATIENT = "read patient";
    static final List<String> OPERATIONS = List.of(CREATE_PATIENT, READ_CHART, SEARCH_BY_MRN, UPDATE_WITH_IF_MATCH,
            HISTORY_LIST, READ_PATIENT);
    /**
     * The framework's floor: an authenticated request that does nothing of Citadel's own (TLS, the token's check,
     * the rate limits, the request filters, JSON), against which every operation's cost is read.
     */
    static final String WHO_AM_I = "floor: who am I";
    static final String PORTAL_CHART_PAGE = "portal: chart page";
    static final String PORTAL_SEARCH = "portal: search by MRN";

    private static final String PATIENTS = "/api/v1/patients";

    private final Api api;
    private final LocalStack stack;
    private final DemoSession frontDesk;
    private final DemoSession physician;
    private final DemoSession admin;
    private final SyntheticPatient patients;
    /** Patients this workload registered, so a variant that must not leave them behind can erase them. */
    private final Queue<UUID> registered = new ConcurrentLinkedQueue<>();
    /** Patients on the physician's care team, with full charts: read, searched and updated. */
    private final List<ChartPatient> charts = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    /** The same physician and front desk in the web portal, signed in once the variant's Liberty runs. */
    private PortalVisitor physicianInPortal;
    private PortalVisitor frontDeskInPortal;

    private record ChartPatient(UUID id, String mrn, String[] etag) {
    }

    ChartWorkload(Api api, LocalStack stack, Sessions sessions, SyntheticPatient patients) {
        this.api = api;
        this.stack = stack;
        this.frontDesk = sessions.frontDesk();
        this.physician = sessions.physician();
        this.admin = sessions.admin();
        this.patients = patients;
    }

    /** Registers the patients whose charts are read: each on the physician's care team, with a full chart. */
    void prepare(int count) {
        String physicianId = subject(physician.bearer());
        for (int i = 0; i < count; i++) {
            String mrn = patients.mrn();
            HttpResponse<String> created = register(mrn);
            UUID id = UUID.fromString(Api.json(created).get("id").asText());
            api.call("POST", "/api/v1/identity/care-team-assignments", admin.bearer(),
                    "{\"clinicianId\":\"" + physicianId + "\",\"patientId\":\"" + id + "\"}", 201);
            for (String[] entry : SyntheticPatient.CHART) {
                api.call("POST", PATIENTS + "/" + id + "/" + entry[0], physician.bearer(), entry[1], 201);
            }
            charts.add(new ChartPatient(id, mrn, new String[] {created.headers().firstValue("ETag").orElseThrow()}));
        }
        physicianInPortal = PortalVisitor.signIn(stack, physician);
        frontDeskInPortal = PortalVisitor.signIn(stack, frontDesk);
    }

    Map<String, LoadPhase.Operation> operations() {
        Map<String, LoadPhase.Operation> operations = new LinkedHashMap<>();
        operations.put(CREATE_PATIENT, client -> register(patients.mrn()));
        operations.put(READ_CHART, client -> api.call("GET", PATIENTS + "/" + next().id + "/chart",
                physician.bearer(), null, 200));
        operations.put(SEARCH_BY_MRN, client -> {
            JsonNode found = Api.json(api.call("GET", PATIENTS + "?mrn=" + next().mrn, frontDesk.bearer(), null, 200));
            if (found.get("items").size() != 1) {
                throw new BenchFailure("a search by MRN did not find its one patient");
            }
        });
        // each client owns one patient, so its If-Match is never stale because of another client
        operations.put(UPDATE_WITH_IF_MATCH, client -> {
            ChartPatient patient = charts.get(client);
            HttpResponse<String> updated = api.call("PUT", PATIENTS + "/" + patient.id, frontDesk.bearer(),
                    SyntheticPatient.change(patient.mrn, "Shelbyville " + turn.incrementAndGet()), 200,
                    "If-Match", patient.etag[0]);
            patient.etag[0] = updated.headers().firstValue("ETag").orElseThrow();
        });
        operations.put(HISTORY_LIST, client -> api.call("GET", PATIENTS + "/" + next().id + "/history",
                physician.bearer(), null, 200));
        operations.put(READ_PATIENT, client -> api.call("GET", PATIENTS + "/" + next().id, physician.bearer(), null,
                200));
        operations.put(WHO_AM_I, client -> api.call("GET", "/api/v1/me", physician.bearer(), null, 200));
        return operations;
    }

    /**
     * The same reads through the web portal's pages, as a browser makes them: the page's whole cost (session,
     * CSRF check, the same services and audit, the template) against the REST read's.
     */
    Map<String, LoadPhase.Operation> portalOperations() {
        Map<String, LoadPhase.Operation> operations = new LinkedHashMap<>();
        operations.put(PORTAL_CHART_PAGE, client -> physicianInPortal.get("/portal/patients/" + next().id));
        operations.put(PORTAL_SEARCH, client -> {
            ChartPatient patient = next();
            if (!frontDeskInPortal.post("/portal/patients/search", Map.of("mrn", patient.mrn)).body()
                    .contains(patient.mrn)) {
                throw new BenchFailure("a search by MRN in the portal did not find its one patient");
            }
        });
        return operations;
    }

    /**
     * Proves the deployed variant is the one claimed, from what region A stored for a patient this workload
     * registered: the no-op cipher stores the MRN readable, the others do not; without the audit call no event
     * names the patient, with it at least one does.
     */
    void checkDeployed(Variant variant) throws SQLException {
        ChartPatient sample = charts.get(0);
        try (Connection dba = stack.writerAsDba()) {
            boolean readable = new String(first(dba, "SELECT demographics FROM records.patient WHERE id = ?",
                    sample.id, row -> row.getBytes(1)), StandardCharsets.UTF_8).contains(sample.mrn);
            boolean audited = first(dba, "SELECT count(*) FROM audit.access_event WHERE patient_id = ?",
                    sample.id, row -> row.getLong(1)) > 0;
            if (readable != (variant == Variant.PLAINTEXT_CIPHER) || audited != (variant != Variant.AUDIT_REMOVED)) {
                throw new BenchFailure("the deployed WAR is not the " + variant.label + " variant (stored in clear: "
                        + readable + ", audited: " + audited + ")");
            }
        }
    }

    /**
     * Crypto-shreds every patient this workload registered, from {@code clients} callers at once; as the
     * administrator, with a fresh second factor.
     */
    int eraseRegistered(int clients) {
        String steppedUp = PortalVisitor.steppedUpToken(stack, admin);
        AtomicInteger erased = new AtomicInteger();
        LoadPhase.untilDone(clients, () -> {
            for (UUID id = registered.poll(); id != null; id = registered.poll()) {
                api.call("POST", PATIENTS + "/" + id + "/erase", steppedUp,
                        "{\"reason\":\"benchmark patient of the no-op cipher variant\"}", 200);
                erased.incrementAndGet();
            }
        });
        return erased.get();
    }

    private HttpResponse<String> register(String mrn) {
        HttpResponse<String> created = api.call("POST", PATIENTS, frontDesk.bearer(),
                SyntheticPatient.registration(mrn), 201);
        registered.add(UUID.fromString(Api.json(created).get("id").asText()));
        return created;
    }

    /** A patient this workload registered and charted. */
    UUID sample() {
        return charts.get(0).id;
    }

    private ChartPatient next() {
        return charts.get(Math.floorMod(turn.getAndIncrement(), charts.size()));
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T first(Connection connection, String sql, UUID id, Column<T> column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new BenchFailure("region A has no row for a patient the benchmark registered");
                }
                return column.read(row);
            }
        }
    }

    private static String subject(String token) {
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
        } catch (IOException e) {
            throw new BenchFailure("a token's claims are not JSON", e);
        }
    }
}
