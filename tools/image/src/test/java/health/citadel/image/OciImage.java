package health.citadel.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An OCI image layout tarball (Jib's buildTar with format OCI: index.json, blobs/sha256/…), read in one pass: the
 * configuration, and each layer's entries in order, with the content of the few files a check reads.
 *
 * @param config the image configuration's {@code config} object (User, ExposedPorts, Entrypoint, Env, Labels)
 * @param layers the layers, base first
 * @param contents what {@link SecretFiles#worthReading} picks, and the paths asked for, by path
 */
record OciImage(JsonNode config, List<Layer> layers, Map<String, byte[]> contents) {

    /** One file, folder or link of a layer, its path without a leading slash. */
    record Entry(String path, int mode, long uid, long gid, long size, boolean directory, boolean link) {
    }

    record Layer(String digest, List<Entry> entries) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static OciImage read(Path tarball, List<String> alsoRead) throws IOException {
        Map<String, byte[]> jsonBlobs = new HashMap<>();
        Map<String, List<Entry>> layerBlobs = new HashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream outer = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            TarArchiveEntry entry;
            while ((entry = outer.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("^\\./", "");
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.equals("index.json")) {
                    jsonBlobs.put("index.json", outer.readAllBytes());
                } else if (name.startsWith("blobs/sha256/")) {
                    String digest = "sha256:" + name.substring("blobs/sha256/".length());
                    BufferedInputStream blob = new BufferedInputStream(outer);
                    blob.mark(2);
                    int b1 = blob.read();
                    int b2 = blob.read();
                    blob.reset();
                    if (b1 == 0x1f && b2 == 0x8b) {
                        layerBlobs.put(digest, entries(new GZIPInputStream(blob), contents, alsoRead));
                    } else {
                        jsonBlobs.put(digest, blob.readAllBytes());
                    }
                }
            }
        }
        JsonNode index = json(jsonBlobs, "index.json");
        JsonNode manifest = json(jsonBlobs, index.path("manifests").path(0).path("digest").asText());
        JsonNode config = json(jsonBlobs, manifest.path("config").path("digest").asText()).path("config");
        List<Layer> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            String digest = layer.path("digest").asText();
            List<Entry> entries = layerBlobs.get(digest);
            if (entries == null) {
                throw new IOException("layer " + digest + " is not in " + tarball);
            }
            layers.add(new Layer(digest, entries));
        }
        return new OciImage(config, layers, contents);
    }

    private static List<Entry> entries(InputStream layer, Map<String, byte[]> contents, List<String> alsoRead) throws IOException {
        List<Entry> entries = new ArrayList<>();
        // not closed: closing would close the outer tarball's stream
        TarArchiveInputStream tar = new TarArchiveInputStream(layer);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
            entries.add(new Entry(path, entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(), entry.getSize(),
                    entry.isDirectory(), entry.isSymbolicLink() || entry.isLink()));
            if (entry.isFile() && (SecretFiles.worthReading(path, entry.getSize()) || alsoRead.contains(path))) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                tar.transferTo(bytes);
                contents.put(path, bytes.toByteArray());
            }
        }
        layer.transferTo(java.io.OutputStream.nullOutputStream());
        return entries;
    }

    private static JsonNode json(Map<String, byte[]> blobs, String key) {
        byte[] bytes = blobs.get(key);
        if (bytes == null) {
            throw new IllegalStateException("no " + key + " in the image tarball");
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry at a path, the topmost layer's if several have it. */
    Optional<Entry> entry(String path) {
        Entry found = null;
        for (Layer layer : layers) {
            for (Entry e : layer.entries()) {
                if (e.path().equals(path)) {
                    found = e;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    List<Entry> allEntries() {
        return layers.stream().flatMap(l -> l.entries().stream()).toList();
    }

    /** The same image with one more layer on top: how a negative test plants what must not be there. */
    OciImage withLayer(List<Entry> entries, Map<String, byte[]> moreContents) {
        List<Layer> more = new ArrayList<>(layers);
        more.add(new Layer("sha256:planted", entries));
        Map<String, byte[]> allContents = new LinkedHashMap<>(contents);
        allContents.putAll(moreContents);
        return new OciImage(config, more, allContents);
    }

    /** The same image with another configuration. */
    OciImage withConfig(JsonNode otherConfig) {
        return new OciImage(otherConfig, layers, contents);
    }
}
