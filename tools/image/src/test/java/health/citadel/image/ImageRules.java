package health.citadel.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules the image keeps, read from its configuration and its layers' entries. */
final class ImageRules {

    static final String SERVER = "opt/ol/wlp/usr/servers/citadel/";
    /** Liberty's public listener and its management listener (/health, /metrics, /openapi), as deployments use them. */
    static final Map<String, Integer> LISTENERS = Map.of("CITADEL_HTTPS_PORT", 9443, "CITADEL_MANAGEMENT_PORT", 9444);
    static final List<String> LABELS = List.of("title", "version", "revision", "source", "licenses");
    private static final Pattern DRIVER = Pattern.compile("opt/ol/wlp/usr/shared/resources/jdbc/postgresql-[0-9.]+\\.jar");
    private static final Pattern SECRET_VARIABLE = Pattern.compile("[A-Z0-9_]*(PASSWORD|SECRET|PASSPHRASE)[A-Z0-9_]*");

    private ImageRules() {
    }

    static List<String> violations(OciImage image) {
        List<String> violations = new ArrayList<>();
        JsonNode config = image.config();

        String user = config.path("User").asText("");
        String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (!uid.matches("[0-9]+") || Long.parseLong(uid) == 0) {
            violations.add("User \"" + user + "\" is not a numeric non-root user (runAsNonRoot can only verify a number)");
        }
        List<String> variables = new ArrayList<>();
        config.path("Env").forEach(variable -> variables.add(variable.asText()));
        LISTENERS.forEach((variable, port) -> {
            if (!config.path("ExposedPorts").has(port + "/tcp")) {
                violations.add(port + "/tcp is not exposed: " + config.path("ExposedPorts"));
            }
            if (!variables.contains(variable + "=" + port)) {
                violations.add("Env does not set " + variable + "=" + port + ", the port it exposes");
            }
        });
        for (String label : LABELS) {
            String value = config.path("Labels").path("org.opencontainers.image." + label).asText("");
            if (value.isBlank()) {
                violations.add("no org.opencontainers.image." + label + " label");
            }
        }
        for (JsonNode variable : config.path("Env")) {
            String name = variable.asText().split("=", 2)[0];
            if (SECRET_VARIABLE.matcher(name).matches()) {
                violations.add("Env " + name + " is set in the image: passwords come from the environment at run time");
            }
        }
        String env = config.path("Env").toString();
        if (!env.contains("\"WLP_OUTPUT_DIR=/tmp/") || !env.contains("\"X_LOG_DIR=/tmp/")) {
            violations.add("WLP_OUTPUT_DIR and X_LOG_DIR must point under /tmp, the one writable place: " + env);
        }

        entrypoint(image, config.path("Entrypoint"), violations);

        for (String required : List.of(SERVER + "apps/citadel.war", SERVER + "server.xml", SERVER + "jvm.options")) {
            if (image.entry(required).isEmpty()) {
                violations.add("/" + required + " is not in any layer");
            }
        }
        if (image.allEntries().stream().noneMatch(e -> DRIVER.matcher(e.path()).matches())) {
            violations.add("PostgreSQL's driver is not in the shared library folder server.xml names");
        }

        for (OciImage.Entry entry : image.allEntries()) {
            if (entry.directory() || entry.link()) {
                continue;
            }
            SecretFiles.byName(entry.path()).ifPresent(violations::add);
        }
        image.contents().forEach((path, content) -> SecretFiles.byContent("/" + path, content).ifPresent(violations::add));

        // read-only to the server: owned by root, and not writable by group 0 (the server's) or others, but /tmp
        for (OciImage.Entry entry : image.allEntries()) {
            if (entry.link() || entry.path().equals("tmp")) {
                continue;
            }
            if (entry.uid() != 0 || (entry.mode() & 0022) != 0) {
                violations.add(String.format("/%s (uid %d, mode %o) is writable by the server", entry.path(), entry.uid(), entry.mode()));
            }
        }
        return violations;
    }

    private static void entrypoint(OciImage image, JsonNode entrypoint, List<String> violations) {
        if (!entrypoint.isArray() || entrypoint.isEmpty()) {
            violations.add("no Entrypoint");
            return;
        }
        List<String> args = new ArrayList<>();
        entrypoint.forEach(a -> args.add(a.asText()));
        String java = args.get(0).replaceFirst("^/", "");
        OciImage.Entry binary = image.entry(java).orElse(null);
        if (binary == null || (binary.mode() & 0111) == 0) {
            violations.add("the Entrypoint's program /" + java + " is not an executable file of the image");
        }
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String file = arg.startsWith("@") ? arg.substring(1)
                    : arg.startsWith("-javaagent:") ? arg.substring("-javaagent:".length())
                    : i > 1 && args.get(i - 1).equals("-jar") ? arg : null;
            if (file != null && image.entry(file.replaceFirst("^/", "")).isEmpty()) {
                violations.add("the Entrypoint names " + file + ", which is not in the image");
            }
        }
        int jar = args.indexOf("-jar");
        if (jar < 0 || jar + 2 >= args.size() || !args.get(jar + 1).endsWith("/ws-server.jar") || !args.get(jar + 2).equals("citadel")) {
            violations.add("the Entrypoint does not start Liberty's launcher on the citadel server: " + args);
        }
    }
}
