package health.citadel.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each policy family on small configurations: a compliant one passes, and each way of breaking it is reported
 * against the resource that breaks it, so that no check is trivially true.
 */
class CloudPoliciesTest {

    private static List<String> violations(Function<TerraformConfiguration, List<CloudPolicies.Violation>> family, String hcl) {
        return family.apply(TerraformConfiguration.parse("snippet", hcl)).stream()
                .map(v -> v.address() + ": " + v.message()).toList();
    }

    @Test
    void anHttpDataSourceIsRefusedBeforeTheParserFetchesIt() {
        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                TerraformConfiguration.parse("snippet", "data \"http\" \"x\" {\n  url = \"https://192.0.2.1/\"\n}\n"));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("offline"), refused.getMessage());
    }

    @Nested
    class Buckets {
        static final String BUCKET = """
                resource "aws_s3_bucket" "b" {
                  bucket              = "b"
                  object_lock_enabled = true
                }
                resource "aws_s3_bucket_versioning" "b" {
                  bucket = aws_s3_bucket.b.id
                  versioning_configuration {
                    status = "Enabled"
                  }
                }
                resource "aws_s3_bucket_object_lock_configuration" "b" {
                  bucket = aws_s3_bucket.b.id
                  rule {
                    default_retention {
                      mode = "COMPLIANCE"
                      days = var.days
                    }
                  }
                }
                variable "days" {
                  default = 35
                }
                resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
                  bucket = aws_s3_bucket.b.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm     = "aws:kms"
                      kms_master_key_id = aws_kms_key.k.arn
                    }
                  }
                }
                resource "aws_s3_bucket_public_access_block" "b" {
                  bucket                  = aws_s3_bucket.b.id
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                }
                """;

        @Test
        void aLockedEncryptedPrivateBucketPasses() {
            assertEquals(List.of(), violations(CloudPolicies::buckets, BUCKET));
        }

        @Test
        void governanceModeIsNotCompliance() {
            assertEquals(List.of("aws_s3_bucket.b: no aws_s3_bucket_object_lock_configuration with a COMPLIANCE default retention of days or years"),
                    violations(CloudPolicies::buckets, BUCKET.replace("\"COMPLIANCE\"", "\"GOVERNANCE\"")));
        }

        @Test
        void s3ManagedKeysAreNotKms() {
            assertEquals(List.of("aws_s3_bucket.b: no aws_s3_bucket_server_side_encryption_configuration with aws:kms and a kms_master_key_id"),
                    violations(CloudPolicies::buckets, BUCKET.replace("\"aws:kms\"", "\"AES256\"")));
        }

        @Test
        void aSecondBucketWithoutItsOwnSettingsIsReported() {
            assertEquals(List.of(
                            "aws_s3_bucket.logs: object_lock_enabled is not true",
                            "aws_s3_bucket.logs: no aws_s3_bucket_versioning with status Enabled",
                            "aws_s3_bucket.logs: no aws_s3_bucket_object_lock_configuration with a COMPLIANCE default retention of days or years",
                            "aws_s3_bucket.logs: no aws_s3_bucket_server_side_encryption_configuration with aws:kms and a kms_master_key_id",
                            "aws_s3_bucket.logs: public access is not blocked (aws_s3_bucket_public_access_block with all four true)"),
                    violations(CloudPolicies::buckets, BUCKET + """
                            resource "aws_s3_bucket" "logs" {
                              bucket = "logs"
                            }
                            """));
        }

        @Test
        void oneFlagOfThePublicAccessBlockOffIsReported() {
            assertEquals(List.of("aws_s3_bucket.b: public access is not blocked (aws_s3_bucket_public_access_block with all four true)"),
                    violations(CloudPolicies::buckets, BUCKET.replace("restrict_public_buckets = true", "restrict_public_buckets = false")));
        }
    }

    @Nested
    class Databases {
        static final String DATABASE = """
                resource "aws_db_parameter_group" "pg" {
                  family = "postgres17"
                  parameter {
                    name  = "rds.logical_replication"
                    value = "1"
                  }
                  parameter {
                    name  = "rds.force_ssl"
                    value = "1"
                  }
                }
                resource "aws_db_instance" "db" {
                  engine                              = "postgres"
                  storage_encrypted                   = true
                  kms_key_id                          = aws_kms_key.k.arn
                  publicly_accessible                 = false
                  deletion_protection                 = true
                  iam_database_authentication_enabled = true
                  backup_retention_period             = var.retention
                  parameter_group_name                = aws_db_parameter_group.pg.name
                }
                variable "retention" {
                  default = 7
                }
                """;

        @Test
        void anEncryptedPrivateProtectedDatabasePasses() {
            assertEquals(List.of(), violations(CloudPolicies::databases, DATABASE));
        }

        @Test
        void aPublicUnprotectedDatabaseWithShortBackupsIsReported() {
            assertEquals(List.of(
                            "aws_db_instance.db: publicly_accessible is not declared false",
                            "aws_db_instance.db: deletion_protection is not true",
                            "aws_db_instance.db: backup_retention_period is 3.0, not at least 7 days"),
                    violations(CloudPolicies::databases, DATABASE
                            .replace("publicly_accessible                 = false", "publicly_accessible                 = true")
                            .replace("deletion_protection                 = true", "deletion_protection                 = false")
                            .replace("default = 7", "default = 3")));
        }

        @Test
        void unencryptedStorageIsReported() {
            assertEquals(List.of("aws_db_instance.db: storage_encrypted is not true", "aws_db_instance.db: no kms_key_id: storage must be encrypted with the region's key"),
                    violations(CloudPolicies::databases, DATABASE
                            .replace("storage_encrypted                   = true", "storage_encrypted                   = false")
                            .replace("kms_key_id                          = aws_kms_key.k.arn\n", "")));
        }

        @Test
        void tlsAndLogicalReplicationComeFromTheParameterGroup() {
            assertEquals(List.of("aws_db_instance.db: its parameter group does not set rds.force_ssl = 1"),
                    violations(CloudPolicies::databases, DATABASE.replace("name  = \"rds.force_ssl\"\n    value = \"1\"", "name  = \"rds.force_ssl\"\n    value = \"0\"")));
        }
    }

    @Nested
    class Network {
        static final String ALB = """
                resource "aws_lb" "public" {
                  load_balancer_type = "application"
                  security_groups    = [aws_security_group.alb.id]
                }
                resource "aws_security_group" "alb" {
                  vpc_id = aws_vpc.main.id
                }
                resource "aws_security_group" "app" {
                  vpc_id = aws_vpc.main.id
                }
                resource "aws_vpc_security_group_ingress_rule" "alb_https" {
                  security_group_id = aws_security_group.alb.id
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 443
                  cidr_ipv4         = "0.0.0.0/0"
                }
                resource "aws_vpc_security_group_egress_rule" "app_https" {
                  security_group_id = aws_security_group.app.id
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 443
                  cidr_ipv4         = "0.0.0.0/0"
                }
                """;

        @Test
        void onlyTheAlbsHttpsIsOpenToTheWorld() {
            assertEquals(List.of(), violations(CloudPolicies::network, ALB));
        }

        @Test
        void httpsFromAnywhereToAGroupNoAlbCarriesIsReported() {
            assertEquals(List.of("aws_vpc_security_group_ingress_rule.app_https: opens [0.0.0.0/0] to ingress on a security group no ALB carries"),
                    violations(CloudPolicies::network, ALB + """
                            resource "aws_vpc_security_group_ingress_rule" "app_https" {
                              security_group_id = aws_security_group.app.id
                              ip_protocol       = "tcp"
                              from_port         = 443
                              to_port           = 443
                              cidr_ipv4         = "0.0.0.0/0"
                            }
                            """));
        }

        @Test
        void sshFromAnywhereIsReportedInEveryFormOfRule() {
            assertEquals(List.of(
                            "aws_security_group.bastion (inline ingress): opens [::/0] to ingress on a security group no ALB carries",
                            "aws_security_group_rule.ssh: opens [10.0.0.0/8, 0.0.0.0/0] to ingress on a port other than TCP 443",
                            "aws_vpc_security_group_ingress_rule.alb_http: opens [0.0.0.0/0] to ingress on a port other than TCP 443"),
                    violations(CloudPolicies::network, ALB + """
                            resource "aws_security_group" "bastion" {
                              ingress {
                                protocol         = "tcp"
                                from_port        = 22
                                to_port          = 22
                                ipv6_cidr_blocks = ["::/0"]
                              }
                            }
                            resource "aws_security_group_rule" "ssh" {
                              type              = "ingress"
                              security_group_id = aws_security_group.alb.id
                              protocol          = "tcp"
                              from_port         = 22
                              to_port           = 22
                              cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"]
                            }
                            resource "aws_vpc_security_group_ingress_rule" "alb_http" {
                              security_group_id = aws_security_group.alb.id
                              ip_protocol       = "tcp"
                              from_port         = 80
                              to_port           = 80
                              cidr_ipv4         = "0.0.0.0/0"
                            }
                            """));
        }

        @Test
        void everyProtocolOutToAnywhereIsReported() {
            assertEquals(List.of("aws_vpc_security_group_egress_rule.app_all: allows egress to [0.0.0.0/0] on a port other than TCP 443"),
                    violations(CloudPolicies::network, ALB + """
                            resource "aws_vpc_security_group_egress_rule" "app_all" {
                              security_group_id = aws_security_group.app.id
                              ip_protocol       = "-1"
                              cidr_ipv4         = "0.0.0.0/0"
                            }
                            """));
        }
    }

    @Nested
    class Secrets {
        static final String SECRETS = """
                locals {
                  logins = {
                    app = "citadel_app"
                  }
                }
                resource "aws_secretsmanager_secret" "login" {
                  for_each = local.logins
                  name     = each.key
                }
                resource "aws_secretsmanager_secret_rotation" "login" {
                  for_each            = aws_secretsmanager_secret.login
                  secret_id           = each.value.id
                  rotation_lambda_arn = aws_lambda_function.rotate.arn
                  rotation_rules {
                    automatically_after_days = 30
                  }
                }
                """;

        @Test
        void aRotatedSecretPasses() {
            assertEquals(List.of(), violations(CloudPolicies::secrets, SECRETS));
        }

        @Test
        void aSecretNothingRotatesIsReported() {
            assertEquals(List.of("aws_secretsmanager_secret.webhook: no aws_secretsmanager_secret_rotation with a rotation_lambda_arn and rotation_rules"),
                    violations(CloudPolicies::secrets, SECRETS + """
                            resource "aws_secretsmanager_secret" "webhook" {
                              name = "webhook"
                            }
                            """));
        }

        @Test
        void aRotationWithoutAScheduleIsReported() {
            assertEquals(List.of("aws_secretsmanager_secret.login: no aws_secretsmanager_secret_rotation with a rotation_lambda_arn and rotation_rules"),
                    violations(CloudPolicies::secrets, SECRETS.replace("automatically_after_days = 30", "automatically_after_days = 0")));
        }
    }

    @Nested
    class Tls {
        static final String LISTENER = """
                resource "aws_lb_listener" "https" {
                  load_balancer_arn = aws_lb.main.arn
                  port              = 443
                  protocol          = "HTTPS"
                  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
                  certificate_arn   = var.certificate_arn
                }
                """;

        @Test
        void aTls13PolicyPasses() {
            assertEquals(List.of(), violations(CloudPolicies::tls, LISTENER));
        }

        @Test
        void anOlderPolicyIsReported() {
            assertEquals(List.of("aws_lb_listener.https: ssl_policy ELBSecurityPolicy-2016-08 is not a TLS 1.3 policy"),
                    violations(CloudPolicies::tls, LISTENER.replace("ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-2016-08")));
        }

        @Test
        void plainHttpMayOnlyRedirect() {
            String http = """
                    resource "aws_lb_listener" "http" {
                      port     = 80
                      protocol = "HTTP"
                      default_action {
                        type = "%s"
                        redirect {
                          protocol    = "HTTPS"
                          port        = "443"
                          status_code = "HTTP_301"
                        }
                      }
                    }
                    """;
            assertEquals(List.of(), violations(CloudPolicies::tls, LISTENER + http.formatted("redirect")));
            assertEquals(List.of("aws_lb_listener.http: an HTTP listener that does not only redirect to HTTPS"),
                    violations(CloudPolicies::tls, LISTENER + http.formatted("forward")));
        }
    }

    @Nested
    class Waf {
        static final String ACL = """
                resource "aws_lb" "main" {
                  load_balancer_type = "application"
                }
                resource "aws_wafv2_web_acl_association" "alb" {
                  resource_arn = aws_lb.main.arn
                  web_acl_arn  = aws_wafv2_web_acl.main.arn
                }
                resource "aws_wafv2_web_acl" "main" {
                  scope = "REGIONAL"
                  rule {
                    name     = "rate"
                    priority = 0
                    action {
                      block {}
                    }
                    statement {
                      rate_based_statement {
                        limit              = 2000
                        aggregate_key_type = "IP"
                      }
                    }
                  }
                  %s
                }
                """;

        private static String group(String name, String override) {
            return """
                    rule {
                      name = "%1$s"
                      override_action {
                        %2$s {}
                      }
                      statement {
                        managed_rule_group_statement {
                          vendor_name = "AWS"
                          name        = "%1$s"
                        }
                      }
                    }
                    """.formatted(name, override);
        }

        private static final String ALL_GROUPS = group("AWSManagedRulesSQLiRuleSet", "none")
                + group("AWSManagedRulesCommonRuleSet", "none") + group("AWSManagedRulesKnownBadInputsRuleSet", "none");

        @Test
        void theThreeGroupsAndARateRulePass() {
            assertEquals(List.of(), violations(CloudPolicies::waf, ACL.formatted(ALL_GROUPS)));
        }

        @Test
        void aMissingGroupIsReported() {
            assertEquals(List.of("aws_wafv2_web_acl.main: does not apply the managed rule group AWSManagedRulesSQLiRuleSet (or only counts it)"),
                    violations(CloudPolicies::waf, ACL.formatted(group("AWSManagedRulesCommonRuleSet", "none")
                            + group("AWSManagedRulesKnownBadInputsRuleSet", "none"))));
        }

        @Test
        void aGroupThatOnlyCountsIsReported() {
            assertEquals(List.of("aws_wafv2_web_acl.main: does not apply the managed rule group AWSManagedRulesCommonRuleSet (or only counts it)"),
                    violations(CloudPolicies::waf, ACL.formatted(group("AWSManagedRulesSQLiRuleSet", "none")
                            + group("AWSManagedRulesCommonRuleSet", "count") + group("AWSManagedRulesKnownBadInputsRuleSet", "none"))));
        }

        @Test
        void aRateRuleThatOnlyCountsAndAnAlbWithoutAclAreReported() {
            String hcl = ACL.formatted(ALL_GROUPS).replace("block {}", "count {}") + """
                    resource "aws_lb" "other" {
                      internal = false
                    }
                    """;
            assertEquals(List.of("aws_wafv2_web_acl.main: no rate-based rule that blocks",
                            "aws_lb.other: no aws_wafv2_web_acl_association puts it behind a web ACL"),
                    violations(CloudPolicies::waf, hcl));
        }
    }

    @Nested
    class Listeners {
        static final String SERVICE = """
                resource "aws_lb" "main" {
                  security_groups = [aws_security_group.alb.id]
                }
                resource "aws_lb_listener" "https" {
                  load_balancer_arn = aws_lb.main.arn
                  default_action {
                    type             = "forward"
                    target_group_arn = aws_lb_target_group.app.arn
                  }
                }
                resource "aws_lb_target_group" "app" {
                  port = 9443
                  health_check {
                    port = "9444"
                    path = "/health/ready"
                  }
                }
                resource "aws_ecs_task_definition" "app" {
                  container_definitions = jsonencode([
                    {
                      name         = "citadel"
                      portMappings = [{ containerPort = 9443 }, { containerPort = 9444 }]
                    }
                  ])
                }
                resource "aws_ecs_service" "app" {
                  task_definition = aws_ecs_task_definition.app.arn
                  network_configuration {
                    security_groups = [aws_security_group.app.id]
                  }
                  load_balancer {
                    target_group_arn = aws_lb_target_group.app.arn
                    container_name   = "citadel"
                    container_port   = 9443
                  }
                }
                """ + rules("ingress", "app", "alb") + rules("egress", "alb", "app");

        /** The ALB's and the tasks' groups admitting each other on 9443 and 9444, one rule each. */
        private static String rules(String direction, String group, String peer, int... ports) {
            StringBuilder hcl = new StringBuilder();
            for (int port : ports.length == 0 ? new int[] {9443, 9444} : ports) {
                hcl.append("""
                        resource "aws_vpc_security_group_%1$s_rule" "%2$s_%4$d" {
                          security_group_id            = aws_security_group.%2$s.id
                          referenced_security_group_id = aws_security_group.%3$s.id
                          from_port                    = %4$d
                          to_port                      = %4$d
                        }
                        """.formatted(direction, group, peer, port));
            }
            return hcl.toString();
        }

        @Test
        void healthChecksOnTheManagementPortAndTrafficOnThePublicOnePass() {
            assertEquals(List.of(), violations(CloudPolicies::listeners, SERVICE));
        }

        @Test
        void aHealthCheckOnThePublicPortIsReported() {
            assertEquals(List.of("aws_ecs_service.app: its target group checks health on port 9443, not the management port 9444"),
                    violations(CloudPolicies::listeners, SERVICE.replace("port = \"9444\"", "port = \"9443\"")));
            assertEquals(List.of("aws_ecs_service.app: its target group checks health on port , not the management port 9444"),
                    violations(CloudPolicies::listeners, SERVICE.replace("port = \"9444\"\n", "")));
        }

        @Test
        void aContainerWithoutTheManagementPortIsReported() {
            assertEquals(List.of("aws_ecs_service.app: its container maps [9443], not both 9443 and 9444"),
                    violations(CloudPolicies::listeners, SERVICE.replace(", { containerPort = 9444 }", "")));
        }

        @Test
        void trafficToTheManagementPortIsReported() {
            assertEquals(List.of("aws_ecs_service.app: registers its tasks' management port 9444 with a load balancer"),
                    violations(CloudPolicies::listeners, SERVICE.replace("container_port   = 9443", "container_port   = 9444")));
            assertEquals(List.of("aws_lb_target_group.management: a listener forwards to it, on the management port"),
                    violations(CloudPolicies::listeners, SERVICE + """
                            resource "aws_lb_target_group" "management" {
                              port = 9444
                            }
                            resource "aws_lb_listener_rule" "metrics" {
                              listener_arn = aws_lb_listener.https.arn
                              action {
                                type             = "forward"
                                target_group_arn = aws_lb_target_group.management.arn
                              }
                            }
                            """));
        }

        @Test
        void anotherPortBetweenTheAlbAndTheTasksOrAMissingOneIsReported() {
            assertEquals(List.of(
                            "aws_vpc_security_group_ingress_rule.app_9444: opens 9443-9444 between the ALB and aws_security_group.app, not only [9443, 9444]",
                            "aws_security_group.app: ingress between it and the ALB opens [9443], not both [9443, 9444] (traffic and health checks)"),
                    violations(CloudPolicies::listeners, SERVICE.replaceFirst("from_port( +)= 9444", "from_port$1= 9443")));
            assertEquals(List.of("aws_security_group.app: egress between it and the ALB opens [9443], not both [9443, 9444] (traffic and health checks)"),
                    violations(CloudPolicies::listeners, SERVICE.replace(rules("egress", "alb", "app"), rules("egress", "alb", "app", 9443))));
        }
    }

    @Nested
    class Keys {
        static final String TASKS = """
                resource "aws_kms_key" "records" {
                  enable_key_rotation = true
                }
                output "records_kek_uri" {
                  value = "aws-kms://${aws_kms_key.records.arn}"
                }
                resource "aws_ecs_task_definition" "app" {
                  task_role_arn = aws_iam_role.app_task.arn
                  container_definitions = jsonencode([
                    {
                      name         = "citadel"
                      portMappings = [{ containerPort = 9443 }, { containerPort = 9444 }]
                    }
                  ])
                }
                resource "aws_ecs_task_definition" "keycloak" {
                  container_definitions = jsonencode([
                    {
                      name         = "keycloak"
                      portMappings = [{ containerPort = 8443 }]
                    }
                  ])
                }
                resource "aws_iam_role" "app_task" {
                  name_prefix = "citadel-"
                }
                resource "aws_iam_role_policy" "app_task" {
                  role   = aws_iam_role.app_task.id
                  policy = data.aws_iam_policy_document.app_task.json
                }
                data "aws_iam_policy_document" "app_task" {
                  statement {
                    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"]
                    resources = [aws_kms_key.records.arn]
                  }
                  statement {
                    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
                    resources = [aws_kms_key.storage.arn]
                  }
                }
                """;

        @Test
        void citadelsTaskRoleMayWrapAndUnwrapWithTheKeyItIsGiven() {
            assertEquals(List.of(), violations(CloudPolicies::keys, TASKS));
        }

        @Test
        void aRoleThatMayOnlyEncryptIsReported() {
            assertEquals(List.of("aws_ecs_task_definition.app: its task role aws_iam_role.app_task may not [kms:Decrypt, kms:Encrypt] the "
                            + "key-encryption key aws-kms://aws_kms_key.records.arn (allowed: [kms:DescribeKey, kms:Encrypt])"),
                    violations(CloudPolicies::keys, TASKS.replace("\"kms:Encrypt\", \"kms:Decrypt\", \"kms:DescribeKey\"",
                            "\"kms:Encrypt\", \"kms:DescribeKey\"")));
        }

        @Test
        void aGrantOnAnotherKeyOrADeniedOneIsReported() {
            String onStorageOnly = TASKS.replace("resources = [aws_kms_key.records.arn]", "resources = [aws_kms_key.storage.arn]");
            assertEquals(List.of("aws_ecs_task_definition.app: its task role aws_iam_role.app_task may not [kms:Decrypt, kms:Encrypt] the "
                    + "key-encryption key aws-kms://aws_kms_key.records.arn (allowed: [])"), violations(CloudPolicies::keys, onStorageOnly));
            String denied = TASKS.replace("actions   = [\"kms:Encrypt\", \"kms:Decrypt\", \"kms:DescribeKey\"]",
                    "effect    = \"Deny\"\n    actions   = [\"kms:Encrypt\", \"kms:Decrypt\", \"kms:DescribeKey\"]");
            assertEquals(1, violations(CloudPolicies::keys, denied).size(), denied);
        }

        @Test
        void aTaskWithoutARoleIsReportedAndKeycloaksNeedsNone() {
            assertEquals(List.of("aws_ecs_task_definition.app: no task_role_arn: its tasks cannot use the key-encryption key"),
                    violations(CloudPolicies::keys, TASKS.replace("  task_role_arn = aws_iam_role.app_task.arn\n", "")));
        }

        @Test
        void aModuleThatGivesNoKmsKeyHasNothingToGrant() {
            assertEquals(List.of(), violations(CloudPolicies::keys, TASKS.replace("\"aws-kms://${aws_kms_key.records.arn}\"",
                    "aws_kms_key.records.arn").replace("resources = [aws_kms_key.records.arn]", "resources = []")));
        }
    }

    @Nested
    class Regions {
        static final String MODULE = """
                variable "region" {
                  type = string
                }
                variable "vpc_cidr" {
                  type = string
                }
                variable "az_count" {
                  default = 2
                }
                """;

        static final String ROOT = """
                provider "aws" {
                  alias  = "region_a"
                  region = var.region_a
                }
                provider "aws" {
                  alias  = "region_b"
                  region = "eu-west-1"
                }
                variable "region_a" {
                  default = "eu-central-1"
                }
                module "a" {
                  source = "./modules/region"
                  providers = {
                    aws = aws.region_a
                  }
                  region   = var.region_a
                  vpc_cidr = "10.20.0.0/16"
                }
                module "b" {
                  source = "./modules/region"
                  providers = {
                    aws = aws.region_b
                  }
                  region   = "eu-west-1"
                  vpc_cidr = "10.30.0.0/16"
                }
                resource "aws_s3_bucket_replication_configuration" "a_to_b" {
                  bucket = module.a.backups_bucket
                  rule {
                    destination {
                      bucket = module.b.backups_bucket_arn
                    }
                  }
                }
                resource "aws_s3_bucket_replication_configuration" "b_to_a" {
                  bucket = module.b.backups_bucket
                  rule {
                    destination {
                      bucket = module.a.backups_bucket_arn
                    }
                  }
                }
                """;

        private static List<String> regions(String root) {
            return CloudPolicies.regions(TerraformConfiguration.parse("root", root), TerraformConfiguration.parse("module", MODULE),
                    "./modules/region").stream().map(v -> v.address() + ": " + v.message()).toList();
        }

        @Test
        void twoRegionsWithTheSameArgumentsPass() {
            assertEquals(List.of(), regions(ROOT));
        }

        @Test
        void theSameRegionTwiceIsReported() {
            assertEquals(List.of("module.b: shares its provider aws.region_a with the other region",
                            "module.b: region eu-central-1 is not a region of its own"),
                    regions(ROOT.replace("aws = aws.region_b", "aws = aws.region_a").replace("region   = \"eu-west-1\"", "region   = var.region_a")));
        }

        @Test
        void aRegionOtherThanItsProvidersIsReported() {
            assertEquals(List.of("module.b: region eu-west-2 is not its provider's eu-west-1"),
                    regions(ROOT.replace("region   = \"eu-west-1\"", "region   = \"eu-west-2\"")));
        }

        @Test
        void argumentsThatDifferOrAreNoVariableAreReported() {
            assertEquals(List.of("module.b: its arguments differ from the other region's: [az_count, colour]",
                            "module.b: argument colour is no variable of ./modules/region"),
                    regions(ROOT.replace("vpc_cidr = \"10.30.0.0/16\"", "vpc_cidr = \"10.30.0.0/16\"\n  az_count = 3\n  colour = \"blue\"")));
        }

        @Test
        void aRequiredVariableLeftOutIsReported() {
            assertEquals(List.of("module.a: required variable vpc_cidr is not given", "module.b: required variable vpc_cidr is not given"),
                    regions(ROOT.replace("  vpc_cidr = \"10.20.0.0/16\"\n", "").replace("  vpc_cidr = \"10.30.0.0/16\"\n", "")));
        }

        @Test
        void oneRegionOrOneWayReplicationIsReported() {
            assertEquals(List.of("module.b: its backups bucket is not replicated into module.a's"),
                    regions(ROOT.substring(0, ROOT.indexOf("resource \"aws_s3_bucket_replication_configuration\" \"b_to_a\""))));
            assertEquals(List.of("root: calls ./modules/region 1 times, not twice"),
                    regions(ROOT.replace("source = \"./modules/region\"\n  providers = {\n    aws = aws.region_b", "source = \"./modules/other\"\n  providers = {\n    aws = aws.region_b")));
        }
    }
}
