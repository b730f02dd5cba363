package health.citadel.infra.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Terraform module (a directory: Terraform reads all its {@code .tf} files as one), parsed by hcl4j.
 *
 * <p>hcl4j resolves {@code var.x} to the variable's default and {@code local.x} to the local's value; a
 * reference to a resource, a data source or a module stays a reference, whose text ({@code toString}) is the
 * address it names, e.g. {@code aws_s3_bucket.backups.id}. Nested blocks are maps, or lists of maps when a block
 * repeats.
 */
record TerraformConfiguration(String name, Map<String, Object> root) {

    /** hcl4j logs every data source and each unresolved reference it meets; a parse error is thrown anyway. */
    private static final Logger HCL4J_LOG = Logger.getLogger("com.bertramlabs.plugins.hcl4j");

    /** The one data source hcl4j evaluates itself, by fetching its URL while parsing. */
    private static final Pattern HTTP_DATA_SOURCE = Pattern.compile("data\\s+\"http\"");

    static {
        HCL4J_LOG.setLevel(Level.OFF);
    }

    /** Parses every {@code .tf} file of {@code directory} as one module. */
    static TerraformConfiguration load(Path directory) throws IOException {
        List<Path> files = files(directory);
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        try {
            return parse(directory.toString(), all.toString());
        } catch (IllegalArgumentException whole) {
            for (Path file : files) { // name the file that does not parse
                parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            throw whole;
        }
    }

    /** Parses one piece of HCL; a syntax hcl4j does not read is an {@link IllegalArgumentException}. */
    static TerraformConfiguration parse(String name, String hcl) {
        if (HTTP_DATA_SOURCE.matcher(hcl).find()) {
            throw new IllegalArgumentException(name + ": a data \"http\" source would make the parser fetch its URL; the checks stay offline");
        }
        try {
            return new TerraformConfiguration(name, new HCLParser().parse(hcl));
        } catch (IOException | RuntimeException | com.bertramlabs.plugins.hcl4j.HCLParserException e) {
            throw new IllegalArgumentException(name + " does not parse: " + e.getMessage(), e);
        }
    }

    /** The {@code .tf} files directly in {@code directory}, by name. */
    static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** Every directory under {@code top} (itself included) that holds a {@code .tf} file: each is a module. */
    static List<Path> modules(Path top) throws IOException {
        try (Stream<Path> walk = Files.walk(top)) {
            return walk.filter(Files::isDirectory)
                    .filter(d -> { // not .terraform/ (init's downloads) nor any hidden folder
                        for (Path element : top.relativize(d)) {
                            if (element.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(d -> {
                        try {
                            return !files(d).isEmpty();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .sorted().toList();
        }
    }

    /** The resources of one type, by name. */
    Map<String, Map<String, Object>> resources(String type) {
        return named(root.get("resource"), type);
    }

    /** The data sources of one type, by name. */
    Map<String, Map<String, Object>> dataSources(String type) {
        return named(root.get("data"), type);
    }

    /** The declared outputs, by name. */
    Map<String, Map<String, Object>> outputs() {
        return labelled(root.get("output"));
    }

    /** The module calls, by name. */
    Map<String, Map<String, Object>> moduleCalls() {
        return labelled(root.get("module"));
    }

    /** The declared variables, by name. */
    Map<String, Map<String, Object>> variables() {
        return labelled(root.get("variable"));
    }

    /** The provider blocks of one provider (several when aliased). */
    List<Map<String, Object>> providers(String provider) {
        Object providers = root.get("provider");
        return providers instanceof Map<?, ?> map ? blocks(map.get(provider)) : List.of();
    }

    private static Map<String, Map<String, Object>> named(Object kind, String type) {
        return kind instanceof Map<?, ?> byType ? labelled(byType.get(type)) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> labelled(Object byName) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (byName instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof Map<?, ?> body) {
                    result.put(String.valueOf(k), (Map<String, Object>) body);
                }
            });
        }
        return result;
    }

    /** A block that may repeat: a map is one block, a list holds several. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Object value) {
        if (value instanceof Map<?, ?> one) {
            return List.of((Map<String, Object>) one);
        }
        List<Map<String, Object>> many = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> block) {
                    many.add((Map<String, Object>) block);
                }
            }
        }
        return many;
    }

    /** Every value at {@code path} below {@code body}, through repeated blocks. */
    static List<Object> all(Map<String, Object> body, String... path) {
        List<Object> current = new ArrayList<>(List.of(body));
        for (String step : path) {
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                for (Map<String, Object> block : blocks(value)) {
                    if (block.containsKey(step)) {
                        next.add(block.get(step));
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /** The one value at {@code path}, or null when there is none. */
    static Object at(Map<String, Object> body, String... path) {
        List<Object> values = all(body, path);
        return values.isEmpty() ? null : values.get(0);
    }

    /** A list attribute's items as text; a single value is a list of one. */
    static List<String> texts(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
