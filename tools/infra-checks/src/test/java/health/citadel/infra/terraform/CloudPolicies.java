package health.citadel.infra.terraform;

import static health.citadel.infra.terraform.TerraformConfiguration.all;
import static health.citadel.infra.terraform.TerraformConfiguration.at;
import static health.citadel.infra.terraform.TerraformConfiguration.blocks;
import static health.citadel.infra.terraform.TerraformConfiguration.texts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security policies Citadel's cloud infrastructure must keep, checked on parsed Terraform. Each method
 * returns the violations of one family; none means the configuration keeps it.
 */
final class CloudPolicies {

    static final String BUCKETS = "buckets";
    static final String DATABASES = "databases";
    static final String NETWORK = "network";
    static final String SECRETS = "secrets";
    static final String TLS = "tls";
    static final String WAF = "waf";
    static final String REGIONS = "regions";
    static final String LISTENERS = "listeners";
    static final String KEYS = "keys";

    /** Liberty's public listener ({@code CITADEL_HTTPS_PORT}): the application, and all a load balancer forwards to. */
    static final int APP_PORT = 9443;
    /** Liberty's management listener ({@code CITADEL_MANAGEMENT_PORT}): /health, /metrics, /openapi, without login. */
    static final int MANAGEMENT_PORT = 9444;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The managed rule groups every web ACL applies: SQL injection, the common set (XSS among it), known bad inputs. */
    static final Set<String> MANAGED_RULE_GROUPS = Set.of(
            "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");

    private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");

    /** A policy broken by the resource at {@code address}. */
    record Violation(String policy, String address, String message) {
        @Override
        public String toString() {
            return "[" + policy + "] " + address + ": " + message;
        }
    }

    private CloudPolicies() {
    }

    /** Every family that applies to any module (all but {@link #regions}, which needs the root and the region module). */
    static List<Violation> check(TerraformConfiguration tf) {
        List<Violation> all = new ArrayList<>();
        all.addAll(buckets(tf));
        all.addAll(databases(tf));
        all.addAll(network(tf));
        all.addAll(secrets(tf));
        all.addAll(tls(tf));
        all.addAll(waf(tf));
        all.addAll(listeners(tf));
        all.addAll(keys(tf));
        return all;
    }

    /** Every bucket: versioned, KMS-encrypted, Object Lock in compliance mode with a retention, public access blocked. */
    static List<Violation> buckets(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        for (String bucket : tf.resources("aws_s3_bucket").keySet()) {
            String address = "aws_s3_bucket." + bucket;
            Map<String, Object> body = tf.resources("aws_s3_bucket").get(bucket);
            if (!isTrue(body.get("object_lock_enabled"))) {
                found.add(new Violation(BUCKETS, address, "object_lock_enabled is not true"));
            }
            if (attached(tf, "aws_s3_bucket_versioning", "bucket", address).stream()
                    .noneMatch(v -> "Enabled".equals(text(at(v, "versioning_configuration", "status"))))) {
                found.add(new Violation(BUCKETS, address, "no aws_s3_bucket_versioning with status Enabled"));
            }
            if (attached(tf, "aws_s3_bucket_object_lock_configuration", "bucket", address).stream()
                    .noneMatch(lock -> all(lock, "rule", "default_retention").stream()
                            .flatMap(r -> blocks(r).stream())
                            .anyMatch(r -> "COMPLIANCE".equals(text(r.get("mode")))
                                    && (positive(r.get("days")) || positive(r.get("years")))))) {
                found.add(new Violation(BUCKETS, address,
                        "no aws_s3_bucket_object_lock_configuration with a COMPLIANCE default retention of days or years"));
            }
            if (attached(tf, "aws_s3_bucket_server_side_encryption_configuration", "bucket", address).stream()
                    .noneMatch(sse -> all(sse, "rule", "apply_server_side_encryption_by_default").stream()
                            .flatMap(d -> blocks(d).stream())
                            .anyMatch(d -> text(d.get("sse_algorithm")).startsWith("aws:kms")
                                    && d.get("kms_master_key_id") != null))) {
                found.add(new Violation(BUCKETS, address,
                        "no aws_s3_bucket_server_side_encryption_configuration with aws:kms and a kms_master_key_id"));
            }
            if (attached(tf, "aws_s3_bucket_public_access_block", "bucket", address).stream()
                    .noneMatch(b -> isTrue(b.get("block_public_acls")) && isTrue(b.get("block_public_policy"))
                            && isTrue(b.get("ignore_public_acls")) && isTrue(b.get("restrict_public_buckets")))) {
                found.add(new Violation(BUCKETS, address, "public access is not blocked (aws_s3_bucket_public_access_block with all four true)"));
            }
        }
        return found;
    }

    /**
     * Every database: storage encrypted with a KMS key, not publicly accessible, deletion-protected, IAM
     * authentication on, automated backups (point-in-time recovery) for at least 7 days, and a parameter group
     * that turns logical replication on and requires TLS.
     */
    static List<Violation> databases(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        tf.resources("aws_db_instance").forEach((name, db) -> {
            String address = "aws_db_instance." + name;
            if (!isTrue(db.get("storage_encrypted"))) {
                found.add(new Violation(DATABASES, address, "storage_encrypted is not true"));
            }
            if (db.get("kms_key_id") == null) {
                found.add(new Violation(DATABASES, address, "no kms_key_id: storage must be encrypted with the region's key"));
            }
            if (!Boolean.FALSE.equals(db.get("publicly_accessible"))) {
                found.add(new Violation(DATABASES, address, "publicly_accessible is not declared false"));
            }
            if (!isTrue(db.get("deletion_protection"))) {
                found.add(new Violation(DATABASES, address, "deletion_protection is not true"));
            }
            if (!isTrue(db.get("iam_database_authentication_enabled"))) {
                found.add(new Violation(DATABASES, address, "iam_database_authentication_enabled is not true"));
            }
            if (!(db.get("backup_retention_period") instanceof Number days) || days.doubleValue() < 7) {
                found.add(new Violation(DATABASES, address,
                        "backup_retention_period is " + db.get("backup_retention_period") + ", not at least 7 days"));
            }
            Map<String, Object> parameters = parameterGroup(tf, db.get("parameter_group_name"));
            if (parameters == null) {
                found.add(new Violation(DATABASES, address, "its parameter_group_name names no aws_db_parameter_group here"));
            } else {
                for (String required : List.of("rds.logical_replication", "rds.force_ssl")) {
                    if (all(parameters, "parameter").stream().flatMap(p -> blocks(p).stream())
                            .noneMatch(p -> required.equals(text(p.get("name"))) && "1".equals(number(p.get("value"))))) {
                        found.add(new Violation(DATABASES, address, "its parameter group does not set " + required + " = 1"));
                    }
                }
            }
        });
        tf.resources("aws_rds_cluster").forEach((name, db) -> {
            String address = "aws_rds_cluster." + name;
            if (!isTrue(db.get("storage_encrypted")) || db.get("kms_key_id") == null) {
                found.add(new Violation(DATABASES, address, "storage is not encrypted with a KMS key"));
            }
            if (!isTrue(db.get("deletion_protection"))) {
                found.add(new Violation(DATABASES, address, "deletion_protection is not true"));
            }
            if (!(db.get("backup_retention_period") instanceof Number days) || days.doubleValue() < 7) {
                found.add(new Violation(DATABASES, address, "backup_retention_period is not at least 7 days"));
            }
        });
        return found;
    }

    private static Map<String, Object> parameterGroup(TerraformConfiguration tf, Object reference) {
        if (reference == null) {
            return null;
        }
        for (var group : tf.resources("aws_db_parameter_group").entrySet()) {
            if (refersTo(reference, "aws_db_parameter_group." + group.getKey())) {
                return group.getValue();
            }
        }
        return null;
    }

    /**
     * No ingress from anywhere (0.0.0.0/0 or ::/0) except TCP 443 to a security group an ALB carries; egress
     * to anywhere on TCP 443 only. Covers inline rules, {@code aws_security_group_rule} and the
     * {@code aws_vpc_security_group_*_rule} resources.
     */
    static List<Violation> network(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        Set<String> albGroups = albGroups(tf);
        tf.resources("aws_security_group").forEach((name, group) -> {
            for (String direction : List.of("ingress", "egress")) {
                for (Map<String, Object> rule : blocks(group.get(direction))) {
                    List<String> cidrs = new ArrayList<>(texts(rule.get("cidr_blocks")));
                    cidrs.addAll(texts(rule.get("ipv6_cidr_blocks")));
                    judge(found, "aws_security_group." + name + " (inline " + direction + ")", direction, albGroups.contains(name),
                            cidrs, rule.get("protocol"), rule.get("from_port"), rule.get("to_port"));
                }
            }
        });
        tf.resources("aws_security_group_rule").forEach((name, rule) -> {
            List<String> cidrs = new ArrayList<>(texts(rule.get("cidr_blocks")));
            cidrs.addAll(texts(rule.get("ipv6_cidr_blocks")));
            judge(found, "aws_security_group_rule." + name, text(rule.get("type")),
                    albGroups.contains(groupName(text(rule.get("security_group_id")))),
                    cidrs, rule.get("protocol"), rule.get("from_port"), rule.get("to_port"));
        });
        for (String direction : List.of("ingress", "egress")) {
            String type = "aws_vpc_security_group_" + direction + "_rule";
            tf.resources(type).forEach((name, rule) -> {
                List<String> cidrs = new ArrayList<>(texts(rule.get("cidr_ipv4")));
                cidrs.addAll(texts(rule.get("cidr_ipv6")));
                judge(found, type + "." + name, direction, albGroups.contains(groupName(text(rule.get("security_group_id")))),
                        cidrs, rule.get("ip_protocol"), rule.get("from_port"), rule.get("to_port"));
            });
        }
        return found;
    }

    private static void judge(List<Violation> found, String address, String direction, boolean albGroup,
                              List<String> cidrs, Object protocol, Object fromPort, Object toPort) {
        if (cidrs.stream().noneMatch(ANYWHERE::contains)) {
            return;
        }
        boolean https = ("tcp".equals(text(protocol)) || "6".equals(number(protocol)))
                && "443".equals(number(fromPort)) && "443".equals(number(toPort));
        if ("ingress".equals(direction) && !(https && albGroup)) {
            found.add(new Violation(NETWORK, address, "opens " + cidrs + " to ingress"
                    + (albGroup ? " on a port other than TCP 443" : " on a security group no ALB carries")));
        } else if ("egress".equals(direction) && !https) {
            found.add(new Violation(NETWORK, address, "allows egress to " + cidrs + " on a port other than TCP 443"));
        }
    }

    /** The security groups an application load balancer carries, by name. */
    private static Set<String> albGroups(TerraformConfiguration tf) {
        Set<String> albGroups = new HashSet<>();
        tf.resources("aws_lb").forEach((name, lb) -> {
            if (lb.get("load_balancer_type") == null || "application".equals(text(lb.get("load_balancer_type")))) {
                for (String group : texts(lb.get("security_groups"))) {
                    albGroups.add(groupName(group));
                }
            }
        });
        return albGroups;
    }

    /** {@code aws_security_group.app.id} is group {@code app}. */
    private static String groupName(String reference) {
        String name = referencedName("aws_security_group", reference);
        return name.isEmpty() ? reference : name;
    }

    /** Every secret has a rotation: a rotation function (or RDS's own) and a schedule. */
    static List<Violation> secrets(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        Map<String, Map<String, Object>> rotations = tf.resources("aws_secretsmanager_secret_rotation");
        for (String secret : tf.resources("aws_secretsmanager_secret").keySet()) {
            String address = "aws_secretsmanager_secret." + secret;
            boolean rotated = rotations.values().stream()
                    .filter(r -> refersTo(r.get("secret_id"), address) || refersTo(r.get("for_each"), address))
                    .anyMatch(r -> r.get("rotation_lambda_arn") != null
                            && all(r, "rotation_rules").stream().flatMap(rules -> blocks(rules).stream())
                            .anyMatch(rules -> positive(rules.get("automatically_after_days"))
                                    || rules.get("schedule_expression") != null));
            if (!rotated) {
                found.add(new Violation(SECRETS, address,
                        "no aws_secretsmanager_secret_rotation with a rotation_lambda_arn and rotation_rules"));
            }
        }
        return found;
    }

    /** Every HTTPS listener uses a TLS 1.3 policy; an HTTP listener only redirects to HTTPS. */
    static List<Violation> tls(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        tf.resources("aws_lb_listener").forEach((name, listener) -> {
            String address = "aws_lb_listener." + name;
            String protocol = text(listener.get("protocol"));
            if ("HTTPS".equals(protocol)) {
                if (!text(listener.get("ssl_policy")).startsWith("ELBSecurityPolicy-TLS13-")) {
                    found.add(new Violation(TLS, address, "ssl_policy " + listener.get("ssl_policy") + " is not a TLS 1.3 policy"));
                }
            } else if ("HTTP".equals(protocol)) {
                boolean redirects = blocks(listener.get("default_action")).stream()
                        .allMatch(a -> "redirect".equals(text(a.get("type")))
                                && "HTTPS".equals(text(at(a, "redirect", "protocol"))));
                if (!redirects) {
                    found.add(new Violation(TLS, address, "an HTTP listener that does not only redirect to HTTPS"));
                }
            } else {
                found.add(new Violation(TLS, address, "protocol " + listener.get("protocol") + ": only HTTPS (and an HTTP redirect) are served"));
            }
        });
        return found;
    }

    /**
     * Every web ACL applies the three managed rule groups (not overridden to count) and a blocking rate-based
     * rule; every ALB is associated with a web ACL.
     */
    static List<Violation> waf(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        tf.resources("aws_wafv2_web_acl").forEach((name, acl) -> {
            String address = "aws_wafv2_web_acl." + name;
            Set<String> applied = new TreeSet<>();
            boolean rateLimited = false;
            for (Map<String, Object> rule : blocks(acl.get("rule"))) {
                for (Object group : all(rule, "statement", "managed_rule_group_statement")) {
                    for (Map<String, Object> g : blocks(group)) {
                        boolean enforced = at(rule, "override_action", "count") == null;
                        if ("AWS".equals(text(g.get("vendor_name"))) && enforced) {
                            applied.add(text(g.get("name")));
                        }
                    }
                }
                if (!all(rule, "statement", "rate_based_statement").isEmpty() && at(rule, "action", "block") != null
                        && positive(at(rule, "statement", "rate_based_statement", "limit"))) {
                    rateLimited = true;
                }
            }
            for (String group : MANAGED_RULE_GROUPS) {
                if (!applied.contains(group)) {
                    found.add(new Violation(WAF, address, "does not apply the managed rule group " + group + " (or only counts it)"));
                }
            }
            if (!rateLimited) {
                found.add(new Violation(WAF, address, "no rate-based rule that blocks"));
            }
        });
        Map<String, Map<String, Object>> associations = tf.resources("aws_wafv2_web_acl_association");
        tf.resources("aws_lb").forEach((name, lb) -> {
            String address = "aws_lb." + name;
            boolean application = lb.get("load_balancer_type") == null || "application".equals(text(lb.get("load_balancer_type")));
            if (application && associations.values().stream().noneMatch(a -> refersTo(a.get("resource_arn"), address))) {
                found.add(new Violation(WAF, address, "no aws_wafv2_web_acl_association puts it behind a web ACL"));
            }
        });
        return found;
    }

    /**
     * Liberty's two listeners behind a load balancer. A service's tasks are registered on the public port; their
     * container maps both ports; the target group checks health on the management port (the public one refuses
     * /health); no listener forwards to a target group on the management port; and the ALB's security group and
     * the tasks' admit each other on those two ports only.
     */
    static List<Violation> listeners(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        Set<String> albGroups = albGroups(tf);
        tf.resources("aws_ecs_service").forEach((name, service) -> {
            String address = "aws_ecs_service." + name;
            for (Map<String, Object> balancer : blocks(service.get("load_balancer"))) {
                String containerPort = number(balancer.get("container_port"));
                if (String.valueOf(MANAGEMENT_PORT).equals(containerPort)) {
                    found.add(new Violation(LISTENERS, address, "registers its tasks' management port " + MANAGEMENT_PORT + " with a load balancer"));
                }
                if (!String.valueOf(APP_PORT).equals(containerPort)) {
                    continue; // not Liberty (Keycloak)
                }
                Map<String, Object> group = referenced(tf, "aws_lb_target_group", balancer.get("target_group_arn"));
                String healthPort = group == null ? null : number(at(group, "health_check", "port"));
                if (!String.valueOf(MANAGEMENT_PORT).equals(healthPort)) {
                    found.add(new Violation(LISTENERS, address, "its target group checks health on port " + healthPort
                            + ", not the management port " + MANAGEMENT_PORT));
                }
                if (group != null && !"/health/ready".equals(text(at(group, "health_check", "path")))) {
                    found.add(new Violation(LISTENERS, address, "its target group checks " + at(group, "health_check", "path") + ", not /health/ready"));
                }
                Set<String> mapped = containerPorts(tf, service.get("task_definition"), text(balancer.get("container_name")));
                if (!mapped.containsAll(Set.of(String.valueOf(APP_PORT), String.valueOf(MANAGEMENT_PORT)))) {
                    found.add(new Violation(LISTENERS, address, "its container maps " + mapped + ", not both " + APP_PORT + " and " + MANAGEMENT_PORT));
                }
                for (String securityGroup : texts(at(service, "network_configuration", "security_groups"))) {
                    reachFromAlb(tf, groupName(securityGroup), albGroups, found);
                }
            }
        });
        List<Object> forwards = new ArrayList<>();
        tf.resources("aws_lb_listener").values().forEach(l -> forwards.addAll(all(l, "default_action")));
        tf.resources("aws_lb_listener_rule").values().forEach(r -> forwards.addAll(all(r, "action")));
        for (Map<String, Object> action : forwards.stream().flatMap(a -> blocks(a).stream()).toList()) {
            List<Object> targets = new ArrayList<>(List.of(text(action.get("target_group_arn"))));
            targets.addAll(all(action, "forward", "target_group", "arn"));
            tf.resources("aws_lb_target_group").forEach((name, group) -> {
                if (String.valueOf(MANAGEMENT_PORT).equals(number(group.get("port")))
                        && targets.stream().anyMatch(t -> refersTo(t, "aws_lb_target_group." + name))) {
                    found.add(new Violation(LISTENERS, "aws_lb_target_group." + name, "a listener forwards to it, on the management port"));
                }
            });
        }
        return found;
    }

    /** What the application's role must be allowed on its key-encryption key: wrap and unwrap data keys. */
    static final Set<String> KEY_ENCRYPTION_ACTIONS = Set.of("kms:Encrypt", "kms:Decrypt");

    /**
     * The key-encryption key the module gives the application (an output {@code aws-kms://<key>}, the URI it sets as
     * CITADEL_RECORDS_KEK_URI) is one Citadel's tasks may use: the role of every task definition with a container on
     * the application's port has an inline policy that allows kms:Encrypt and kms:Decrypt on that key. Without it
     * no instance starts (its key-material check wraps and unwraps) and every chart answers 503.
     */
    static List<Violation> keys(TerraformConfiguration tf) {
        List<Violation> found = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        tf.outputs().values().forEach(output -> {
            if (text(output.get("value")).startsWith("aws-kms://")) {
                keys.add(text(output.get("value")).substring("aws-kms://".length()));
            }
        });
        if (keys.isEmpty()) {
            return found;
        }
        tf.resources("aws_ecs_task_definition").forEach((name, definition) -> {
            String address = "aws_ecs_task_definition." + name;
            if (!mappedPorts(definition, null).contains(String.valueOf(APP_PORT))) {
                return; // not Liberty (Keycloak)
            }
            if (definition.get("task_role_arn") == null) {
                found.add(new Violation(KEYS, address, "no task_role_arn: its tasks cannot use the key-encryption key"));
                return;
            }
            String role = "aws_iam_role." + referencedName("aws_iam_role", definition.get("task_role_arn"));
            for (String key : keys) {
                Set<String> allowed = allowedActions(tf, role, key);
                if (!allowed.contains("kms:*") && !allowed.containsAll(KEY_ENCRYPTION_ACTIONS)) {
                    found.add(new Violation(KEYS, address, "its task role " + role + " may not " + new TreeSet<>(KEY_ENCRYPTION_ACTIONS)
                            + " the key-encryption key aws-kms://" + key + " (allowed: " + allowed + ")"));
                }
            }
        });
        return found;
    }

    /** The actions the inline policies of {@code role} (aws_iam_role_policy with a policy document) allow on {@code resource}. */
    private static Set<String> allowedActions(TerraformConfiguration tf, String role, String resource) {
        Set<String> allowed = new TreeSet<>();
        tf.resources("aws_iam_role_policy").values().stream().filter(policy -> refersTo(policy.get("role"), role))
                .map(policy -> tf.dataSources("aws_iam_policy_document").get(referencedName("data.aws_iam_policy_document", policy.get("policy"))))
                .filter(Objects::nonNull)
                .flatMap(document -> blocks(document.get("statement")).stream())
                .filter(statement -> !"Deny".equals(text(statement.get("effect"))) && texts(statement.get("resources")).contains(resource))
                .forEach(statement -> allowed.addAll(texts(statement.get("actions"))));
        return allowed;
    }

    /** {@code aws_iam_role.app_task.arn} is {@code app_task} of type {@code aws_iam_role}. */
    private static String referencedName(String type, Object reference) {
        var m = Pattern.compile(Pattern.quote(type) + "\\.([\\w-]+)").matcher(text(reference));
        return m.find() ? m.group(1) : "";
    }

    /** Between the ALB's groups and a task's group {@code app}, both ways: single ports, the two listeners', both. */
    private static void reachFromAlb(TerraformConfiguration tf, String app, Set<String> albGroups, List<Violation> found) {
        Set<String> allowed = Set.of(String.valueOf(APP_PORT), String.valueOf(MANAGEMENT_PORT));
        for (String direction : List.of("ingress", "egress")) {
            String type = "aws_vpc_security_group_" + direction + "_rule";
            Set<String> opened = new TreeSet<>();
            tf.resources(type).forEach((name, rule) -> {
                String from = groupName(text(rule.get("security_group_id")));
                String to = groupName(text(rule.get("referenced_security_group_id")));
                boolean between = direction.equals("ingress") ? from.equals(app) && albGroups.contains(to)
                        : albGroups.contains(from) && to.equals(app);
                if (!between) {
                    return;
                }
                String port = number(rule.get("from_port"));
                if (!port.equals(number(rule.get("to_port"))) || !allowed.contains(port)) {
                    found.add(new Violation(LISTENERS, type + "." + name, "opens " + port + "-" + number(rule.get("to_port"))
                            + " between the ALB and aws_security_group." + app + ", not only " + new TreeSet<>(allowed)));
                }
                opened.add(port);
            });
            if (!opened.containsAll(allowed)) {
                found.add(new Violation(LISTENERS, "aws_security_group." + app, direction + " between it and the ALB opens "
                        + opened + ", not both " + new TreeSet<>(allowed) + " (traffic and health checks)"));
            }
        }
    }

    /** The ports a task definition's container maps. */
    private static Set<String> containerPorts(TerraformConfiguration tf, Object taskDefinition, String container) {
        Set<String> ports = new TreeSet<>();
        tf.resources("aws_ecs_task_definition").forEach((name, definition) -> {
            if (refersTo(taskDefinition, "aws_ecs_task_definition." + name)) {
                ports.addAll(mappedPorts(definition, container));
            }
        });
        return ports;
    }

    /** The ports a task definition's container (any, where null) maps, read from its {@code jsonencode}d container_definitions. */
    private static Set<String> mappedPorts(Map<String, Object> definition, String container) {
        Set<String> ports = new TreeSet<>();
        if (definition.get("container_definitions") instanceof String json) {
            for (JsonNode each : JSON.readTree(json)) {
                if (container == null || container.equals(each.path("name").asString(""))) {
                    each.path("portMappings").forEach(m -> ports.add(number(m.path("containerPort").asDouble())));
                }
            }
        }
        return ports;
    }

    private static Map<String, Object> referenced(TerraformConfiguration tf, String type, Object reference) {
        return tf.resources(type).entrySet().stream().filter(e -> refersTo(reference, type + "." + e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * The root declares two regions: two calls of the region module, each with its own aliased provider in a
     * region of its own, the same arguments (every one a variable of the module, every required variable
     * given), the module's {@code region} equal to its provider's, and each region's backups bucket
     * replicated into the other's.
     */
    static List<Violation> regions(TerraformConfiguration root, TerraformConfiguration regionModule, String source) {
        List<Violation> found = new ArrayList<>();
        Map<String, Map<String, Object>> calls = new java.util.TreeMap<>();
        root.moduleCalls().forEach((name, call) -> {
            if (source.equals(text(call.get("source")))) {
                calls.put(name, call);
            }
        });
        if (calls.size() != 2) {
            found.add(new Violation(REGIONS, root.name(), "calls " + source + " " + calls.size() + " times, not twice"));
            return found;
        }
        Map<String, String> providerRegions = new java.util.HashMap<>();
        for (Map<String, Object> provider : root.providers("aws")) {
            if (provider.get("alias") != null) {
                providerRegions.put("aws." + text(provider.get("alias")), text(provider.get("region")));
            }
        }
        Set<String> regions = new HashSet<>();
        Set<String> aliases = new HashSet<>();
        Set<String> arguments = null;
        Map<String, Map<String, Object>> variables = regionModule.variables();
        for (var entry : calls.entrySet()) {
            String address = "module." + entry.getKey();
            Map<String, Object> call = entry.getValue();
            String alias = text(at(call, "providers", "aws"));
            String providerRegion = providerRegions.get(alias);
            if (providerRegion == null) {
                found.add(new Violation(REGIONS, address, "its aws provider " + alias + " is no aliased provider of the root with a region"));
            } else if (!providerRegion.equals(text(call.get("region")))) {
                found.add(new Violation(REGIONS, address, "region " + call.get("region") + " is not its provider's " + providerRegion));
            }
            if (!aliases.add(alias)) {
                found.add(new Violation(REGIONS, address, "shares its provider " + alias + " with the other region"));
            }
            if (call.get("region") == null || !regions.add(text(call.get("region")))) {
                found.add(new Violation(REGIONS, address, "region " + call.get("region") + " is not a region of its own"));
            }
            Set<String> given = new TreeSet<>(call.keySet());
            given.removeAll(Set.of("source", "providers", "version", "count", "for_each", "depends_on"));
            if (arguments == null) {
                arguments = given;
            } else if (!arguments.equals(given)) {
                Set<String> differ = new TreeSet<>(arguments);
                differ.addAll(given);
                Set<String> common = new HashSet<>(arguments);
                common.retainAll(given);
                differ.removeAll(common);
                found.add(new Violation(REGIONS, address, "its arguments differ from the other region's: " + differ));
            }
            for (String argument : given) {
                if (!variables.containsKey(argument)) {
                    found.add(new Violation(REGIONS, address, "argument " + argument + " is no variable of " + source));
                }
            }
            variables.forEach((variable, declaration) -> {
                if (!declaration.containsKey("default") && !given.contains(variable)) {
                    found.add(new Violation(REGIONS, address, "required variable " + variable + " is not given"));
                }
            });
        }
        List<String> names = new ArrayList<>(calls.keySet());
        for (int i = 0; i < 2; i++) {
            String from = "module." + names.get(i);
            String to = "module." + names.get(1 - i);
            boolean replicated = root.resources("aws_s3_bucket_replication_configuration").values().stream()
                    .anyMatch(r -> refersTo(r.get("bucket"), from)
                            && all(r, "rule", "destination", "bucket").stream().anyMatch(b -> refersTo(b, to)));
            if (!replicated) {
                found.add(new Violation(REGIONS, from, "its backups bucket is not replicated into " + to + "'s"));
            }
        }
        return found;
    }

    /** Whether a reference's text names {@code address} (a resource, or a module's output). */
    static boolean refersTo(Object reference, String address) {
        if (reference == null) {
            return false;
        }
        return Pattern.compile("(^|[^\\w.])" + Pattern.quote(address) + "($|[.\\[\\s])").matcher(String.valueOf(reference)).find();
    }

    private static List<Map<String, Object>> attached(TerraformConfiguration tf, String type, String attribute, String address) {
        return tf.resources(type).values().stream().filter(r -> refersTo(r.get(attribute), address)).toList();
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static boolean positive(Object value) {
        return value instanceof Number n && n.doubleValue() > 0;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    /** A number as written in HCL (hcl4j reads 443 as 443.0, "1" stays "1"): its integer text. */
    private static String number(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return text(value);
    }
}
