package health.citadel.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules infra/image/Containerfile keeps, read from its text: each instruction on one logical line (backslash
 * continuations joined), build arguments' defaults substituted into FROM.
 */
final class ContainerfileRules {

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern ARG = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?");

    record Instruction(String keyword, String arguments) {
    }

    private ContainerfileRules() {
    }

    static List<Instruction> parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (!logical.isEmpty() && trimmed.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            String whole = logical.toString().strip();
            logical.setLength(0);
            int space = whole.indexOf(' ');
            String keyword = (space < 0 ? whole : whole.substring(0, space)).toUpperCase(Locale.ROOT);
            instructions.add(new Instruction(keyword, space < 0 ? "" : whole.substring(space + 1).strip()));
        }
        return instructions;
    }

    /** Every rule the text breaks, one sentence each; empty when it keeps them all. */
    static List<String> violations(String text) {
        List<Instruction> instructions = parse(text);
        List<String> violations = new ArrayList<>();
        Map<String, String> args = new HashMap<>();
        Set<String> stages = new HashSet<>();
        String user = null;
        int features = -1;
        int configure = -1;
        int war = -1;
        String healthcheck = null;
        Set<String> exposed = new HashSet<>();
        Map<String, String> env = new HashMap<>();
        boolean from = false;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            String a = instruction.arguments();
            switch (instruction.keyword()) {
                case "ARG" -> {
                    Matcher m = ARG.matcher(a);
                    if (m.matches()) {
                        args.put(m.group(1), m.group(2) == null ? "" : m.group(2));
                    }
                    if (a.toUpperCase(Locale.ROOT).matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                        violations.add("ARG " + a + ": a build argument stays in the image's history; secrets come at run time");
                    }
                }
                case "FROM" -> {
                    from = true;
                    String[] words = a.split("\\s+");
                    String image = substitute(words[0], args);
                    if (words.length >= 3 && words[1].equalsIgnoreCase("AS")) {
                        stages.add(words[2].toLowerCase(Locale.ROOT));
                    }
                    if (!image.equals("scratch") && !stages.contains(image.toLowerCase(Locale.ROOT)) && !DIGEST.matcher(image).matches()) {
                        violations.add("FROM " + image + " is not pinned by digest (@sha256:<64 hex>)");
                    }
                    user = null; // each stage starts as its base's user
                }
                case "USER" -> user = a;
                case "RUN" -> {
                    if (a.matches("(?s).*\\bfeatures\\.sh\\b.*")) {
                        features = i;
                    }
                    if (a.matches("(?s).*\\bconfigure\\.sh\\b.*")) {
                        configure = i;
                    }
                }
                case "COPY", "ADD" -> {
                    for (String source : sources(a)) {
                        SecretFiles.byName(source).ifPresent(why -> violations.add(instruction.keyword() + " " + source + ": " + why));
                        String lower = source.toLowerCase(Locale.ROOT);
                        if (lower.contains(".citadel") || lower.endsWith(".pem") || lower.contains("keys/")) {
                            violations.add(instruction.keyword() + " " + source + " copies what looks like the local stack's secrets");
                        }
                    }
                    if (a.contains(".war")) {
                        war = i;
                    }
                }
                case "ENV" -> {
                    for (String name : a.split("\\s+")) {
                        if (name.toUpperCase(Locale.ROOT).matches("[A-Z0-9_]*(PASSWORD|SECRET)[A-Z0-9_]*=.+")) {
                            violations.add("ENV " + name + ": a password or secret in a layer");
                        }
                        String[] assignment = name.split("=", 2);
                        if (assignment.length == 2) {
                            env.put(assignment[0], assignment[1]);
                        }
                    }
                }
                case "EXPOSE" -> {
                    for (String port : a.split("\\s+")) {
                        exposed.add(port.replaceFirst("/tcp$", ""));
                    }
                }
                case "HEALTHCHECK" -> {
                    healthcheck = a;
                    if (!a.contains("https://") || !a.contains("/health/ready")) {
                        violations.add("HEALTHCHECK must probe readiness over HTTPS (/health/ready): " + a);
                    }
                }
                default -> {
                }
            }
        }
        if (!from) {
            violations.add("no FROM");
        }
        if (user == null) {
            violations.add("no USER in the final stage: the image must say it runs as a non-root user");
        } else if (user.equals("0") || user.startsWith("0:") || user.toLowerCase(Locale.ROOT).startsWith("root")) {
            violations.add("USER " + user + " is root");
        }
        if (healthcheck == null) {
            violations.add("no HEALTHCHECK");
        }
        listeners(env, exposed, healthcheck, violations);
        if (features < 0) {
            violations.add("no RUN features.sh: the kernel-slim base has none of server.xml's features");
        }
        if (configure < 0) {
            violations.add("no RUN configure.sh (Liberty's documented last step)");
        } else if (configure < war || configure < features) {
            violations.add("RUN configure.sh must come after the features and the WAR");
        }
        if (war < 0) {
            violations.add("no COPY of the WAR");
        }
        if (!env.getOrDefault("WLP_OUTPUT_DIR", "").startsWith("/tmp/") || !env.getOrDefault("LOG_DIR", "").startsWith("/tmp/")) {
            violations.add("WLP_OUTPUT_DIR and LOG_DIR must point under /tmp, the one writable place on a read-only root");
        }
        return violations;
    }

    /**
     * Liberty's two listeners: the public one and the management one, which alone serves /health (the public one
     * refuses it), so the HEALTHCHECK must ask the latter; both are exposed.
     */
    private static void listeners(Map<String, String> env, Set<String> exposed, String healthcheck, List<String> violations) {
        String https = env.get("CITADEL_HTTPS_PORT");
        String management = env.get("CITADEL_MANAGEMENT_PORT");
        if (https == null || management == null || https.equals(management)) {
            violations.add("ENV must set CITADEL_HTTPS_PORT and CITADEL_MANAGEMENT_PORT to two ports (Liberty's public and "
                    + "management listeners): " + https + ", " + management);
            return;
        }
        for (String port : List.of(https, management)) {
            if (!exposed.contains(port)) {
                violations.add("EXPOSE does not name " + port + ": " + exposed);
            }
        }
        if (healthcheck != null && !healthcheck.matches("(?s).*https://[^/\\s]+:" + Pattern.quote(management) + "/health/.*")) {
            violations.add("HEALTHCHECK must probe the management port " + management
                    + " (CITADEL_MANAGEMENT_PORT): the public listener refuses /health: " + healthcheck);
        }
    }

    private static String substitute(String word, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(word);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** COPY/ADD's sources: every word but options and the last (the destination). */
    private static List<String> sources(String arguments) {
        List<String> words = new ArrayList<>();
        for (String word : arguments.split("\\s+")) {
            if (!word.startsWith("--")) {
                words.add(word);
            }
        }
        return words.size() <= 1 ? List.of() : words.subList(0, words.size() - 1);
    }
}
