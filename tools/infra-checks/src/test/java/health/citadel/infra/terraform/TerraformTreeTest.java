package health.citadel.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** infra/terraform as written: every file parses, every module keeps {@link CloudPolicies}, the two regions agree. */
class TerraformTreeTest {

    static final Path TERRAFORM = Path.of(System.getProperty("citadel.root", "../..")).resolve("infra/terraform");
    static final Path REGION_MODULE = TERRAFORM.resolve("modules/region");

    @TestFactory
    Stream<DynamicTest> everyFileParses() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path module : TerraformConfiguration.modules(TERRAFORM)) {
            files.addAll(TerraformConfiguration.files(module));
        }
        assertTrue(files.size() >= 15, "the .tf files under " + TERRAFORM + ": " + files);
        return files.stream().map(file -> dynamicTest(TERRAFORM.relativize(file).toString(), () ->
                assertFalse(TerraformConfiguration.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8))
                        .root().isEmpty(), file + " parsed to nothing")));
    }

    @TestFactory
    Stream<DynamicTest> everyModuleKeepsThePolicies() throws IOException {
        List<Path> modules = TerraformConfiguration.modules(TERRAFORM);
        assertEquals(List.of("", "bootstrap", "dns", "modules/region"),
                modules.stream().map(m -> TERRAFORM.relativize(m).toString()).toList());
        return modules.stream().map(module -> dynamicTest(TERRAFORM.relativize(module).toString().isEmpty()
                ? "root" : TERRAFORM.relativize(module).toString(), () ->
                assertEquals(List.of(), CloudPolicies.check(TerraformConfiguration.load(module)))));
    }

    @Test
    void bothRegionsAreDeclaredAndAgree() throws IOException {
        TerraformConfiguration root = TerraformConfiguration.load(TERRAFORM);
        assertEquals(List.of(), CloudPolicies.regions(root, TerraformConfiguration.load(REGION_MODULE), "./modules/region"));
        assertEquals("eu-central-1", String.valueOf(root.moduleCalls().get("region_a").get("region")));
        assertEquals("eu-west-1", String.valueOf(root.moduleCalls().get("region_b").get("region")));
    }

    /** The policies hold because the region module has what they cover, not because it has nothing. */
    @Test
    void theRegionModuleHasWhatThePoliciesCover() throws IOException {
        TerraformConfiguration region = TerraformConfiguration.load(REGION_MODULE);
        assertEquals(1, region.resources("aws_s3_bucket").size(), "the backups bucket");
        assertEquals(2, region.resources("aws_db_instance").size(), "Citadel's and Keycloak's databases");
        assertEquals(1, region.resources("aws_secretsmanager_secret").size(), "the logins' secrets (one resource, for_each)");
        assertEquals(1, region.resources("aws_secretsmanager_secret_rotation").size());
        assertEquals(1, region.resources("aws_wafv2_web_acl").size());
        assertEquals(1, region.resources("aws_lb_listener").size());
        assertTrue(region.resources("aws_vpc_security_group_ingress_rule").size() >= 5);
        assertTrue(Boolean.TRUE.equals(region.resources("aws_kms_key").get("records").get("enable_key_rotation")),
                "the records key-encryption key rotates");
        assertTrue(String.valueOf(region.outputs().get("records_kek_uri").get("value")).startsWith("aws-kms://"),
                "the key CloudPolicies.keys checks the tasks may use");
    }

    /**
     * The application reads its key-encryption key from the KMS key the module outputs: hcl4j leaves the merged
     * environment unevaluated, so the setting is read as written.
     */
    @Test
    void citadelsTasksAreGivenTheRecordsKeyEncryptionKeyInKms() throws IOException {
        String service = Files.readString(REGION_MODULE.resolve("service.tf"), StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("\\n\\s+CITADEL_RECORDS_KEK_URI\\s*=\\s*\"aws-kms://\\$\\{local\\.records_kek_arn}\"")
                .matcher(service).find(), "service.tf sets CITADEL_RECORDS_KEK_URI to the records key's aws-kms:// URI");
        assertEquals("aws-kms://${local.records_kek_arn}", Pattern.compile("output \"records_kek_uri\"[^}]*value\\s*=\\s*\"([^\"]+)\"")
                .matcher(Files.readString(REGION_MODULE.resolve("outputs.tf"), StandardCharsets.UTF_8)).results()
                .map(m -> m.group(1)).findFirst().orElse(""), "the same key the output names");
    }
}
