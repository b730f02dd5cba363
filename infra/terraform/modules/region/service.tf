# ECS on Fargate runs Citadel and Keycloak: no nodes to patch, one task per replica, IAM per task. The
# application needs no Kubernetes feature that ECS lacks (probes map to the target group's and the
# container's health checks, secrets to the task definition's `secrets`, scaling to Application Auto Scaling).

locals {
  jdbc_options = "sslmode=verify-full&sslrootcert=/etc/citadel/rds-global-bundle.pem"
  this_db_url  = "jdbc:postgresql://${aws_db_instance.citadel.address}:5432/citadel?${local.jdbc_options}"
  peer_db_url  = "jdbc:postgresql://${var.peer_citadel_db_address}:5432/citadel?${local.jdbc_options}"
  # (zipmap, since hcl4j, which the offline checks parse with, reads no computed key in an object literal)
  dr_region_urls = zipmap(
    [for label in [var.region_label, var.peer_region_label] : "CITADEL_DR_REGION_${upper(label)}_URL"],
    [local.this_db_url, local.peer_db_url],
  )
  # the ALB's nodes live in the public /24 subnets: the only proxies whose X-Forwarded-For is believed
  trusted_proxies = join("|", [for s in aws_subnet.public : replace(replace(replace(s.cidr_block, ".0/24", "@"), ".", "[.]"), "@", "[.][0-9]+")])

  app_environment = merge(local.dr_region_urls, {
    CITADEL_HTTPS_PORT      = "9443"
    CITADEL_MANAGEMENT_PORT = "9444"
    CITADEL_BIND_HOST       = "*"
    CITADEL_DB_URL          = "jdbc:postgresql://${aws_db_instance.citadel.address}:5432,${var.peer_citadel_db_address}:5432/citadel?targetServerType=primary&hostRecheckSeconds=1&autosave=conservative&${local.jdbc_options}"
    CITADEL_JWT_ISSUER      = "https://${var.keycloak_hostname}/realms/citadel"
    CITADEL_JWT_JWKS_URI    = "https://${var.keycloak_hostname}/realms/citadel/protocol/openid-connect/certs"
    CITADEL_PORTAL_URL      = "https://${var.app_hostname}/portal"
    CITADEL_TRUSTED_PROXIES = local.trusted_proxies
    CITADEL_DR_REGIONS      = "${var.region_label},${var.peer_region_label}"
    # the records key-encryption key stays in KMS (kms.tf); the task role may use it (app_task below)
    CITADEL_RECORDS_KEK_URI = "aws-kms://${local.records_kek_arn}"
  })

  app_secrets = merge(
    {
      CITADEL_DB_USER                = "${aws_secretsmanager_secret.login["app"].arn}:username::"
      CITADEL_DB_PASSWORD            = "${aws_secretsmanager_secret.login["app"].arn}:password::"
      CITADEL_DB_OWNER_USER          = "${aws_secretsmanager_secret.login["owner"].arn}:username::"
      CITADEL_DB_OWNER_PASSWORD      = "${aws_secretsmanager_secret.login["owner"].arn}:password::"
      CITADEL_DR_MONITOR_USER        = "${aws_secretsmanager_secret.login["dr-monitor"].arn}:username::"
      CITADEL_DR_MONITOR_PASSWORD    = "${aws_secretsmanager_secret.login["dr-monitor"].arn}:password::"
      CITADEL_DR_USER                = "${aws_secretsmanager_secret.login["dr-operator"].arn}:username::"
      CITADEL_DR_PASSWORD            = "${aws_secretsmanager_secret.login["dr-operator"].arn}:password::"
      CITADEL_DR_REPLICATOR_USER     = "${aws_secretsmanager_secret.login["replicator"].arn}:username::"
      CITADEL_DR_REPLICATOR_PASSWORD = "${aws_secretsmanager_secret.login["replicator"].arn}:password::"
    },
    var.app_secret_arns,
  )
}

resource "aws_ecs_cluster" "main" {
  name = local.prefix

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }

  tags = local.tags
}

resource "aws_ecs_task_definition" "app" {
  family                   = "${local.prefix}-citadel"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.app_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "liberty-output"
  }

  volume {
    name = "logs"
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = "citadel"
      image                  = var.app_image
      essential              = true
      user                   = "1001"
      readonlyRootFilesystem = true
      portMappings           = [{ containerPort = 9443, protocol = "tcp" }, { containerPort = 9444, protocol = "tcp" }]
      environment            = [for k, v in local.app_environment : { name = k, value = v }]
      secrets                = [for k, v in local.app_secrets : { name = k, valueFrom = v }]
      mountPoints = [
        { sourceVolume = "liberty-output", containerPath = "/opt/ol/wlp/output" },
        { sourceVolume = "logs", containerPath = "/logs" },
        { sourceVolume = "tmp", containerPath = "/tmp" },
      ]
      linuxParameters = { capabilities = { drop = ["ALL"] }, initProcessEnabled = true }
      # /health answers on the management listener (9444) only; the public one (9443) refuses it
      healthCheck = {
        command     = ["CMD-SHELL", "curl -fsk https://127.0.0.1:9444/health/live || exit 1"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 180
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "citadel"
        }
      }
    }
  ])

  tags = local.tags
}

resource "aws_ecs_service" "app" {
  name                              = "citadel"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.app.arn
  desired_count                     = var.app_desired_count
  launch_type                       = "FARGATE"
  platform_version                  = "1.4.0"
  health_check_grace_period_seconds = 240
  enable_execute_command            = false
  propagate_tags                    = "SERVICE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }

  # the public listener only: the management one (9444) is for the target group's health check, never traffic
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "citadel"
    container_port   = 9443
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  depends_on = [aws_lb_listener.https]
  tags       = local.tags
}

resource "aws_ecs_task_definition" "keycloak" {
  family                   = "${local.prefix}-keycloak"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "keycloak-data"
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = "keycloak"
      image                  = var.keycloak_image
      essential              = true
      user                   = "1000"
      readonlyRootFilesystem = true
      command                = ["start", "--optimized"]
      portMappings = [
        { containerPort = 8443, protocol = "tcp" },
        { containerPort = 9000, protocol = "tcp" },
      ]
      environment = [
        { name = "KC_DB", value = "postgres" },
        { name = "KC_DB_URL", value = "jdbc:postgresql://${aws_db_instance.keycloak.address}:5432/keycloak?${local.jdbc_options}" },
        { name = "KC_HOSTNAME", value = "https://${var.keycloak_hostname}" },
        { name = "KC_PROXY_HEADERS", value = "xforwarded" },
        { name = "KC_HTTPS_PORT", value = "8443" },
        { name = "KC_HTTP_ENABLED", value = "false" },
        { name = "KC_HEALTH_ENABLED", value = "true" },
        { name = "KC_METRICS_ENABLED", value = "true" },
      ]
      secrets = [
        { name = "KC_DB_USERNAME", valueFrom = "${aws_secretsmanager_secret.login["keycloak"].arn}:username::" },
        { name = "KC_DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.login["keycloak"].arn}:password::" },
      ]
      mountPoints = [
        { sourceVolume = "keycloak-data", containerPath = "/opt/keycloak/data" },
        { sourceVolume = "tmp", containerPath = "/tmp" },
      ]
      linuxParameters = { capabilities = { drop = ["ALL"] }, initProcessEnabled = true }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.keycloak.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "keycloak"
        }
      }
    }
  ])

  tags = local.tags
}

resource "aws_ecs_service" "keycloak" {
  name                              = "keycloak"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.keycloak.arn
  desired_count                     = var.keycloak_desired_count
  launch_type                       = "FARGATE"
  platform_version                  = "1.4.0"
  health_check_grace_period_seconds = 180
  enable_execute_command            = false
  propagate_tags                    = "SERVICE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.keycloak.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.keycloak.arn
    container_name   = "keycloak"
    container_port   = 8443
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  depends_on = [aws_lb_listener.https]
  tags       = local.tags
}

resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.app.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.app_desired_count
  max_capacity       = var.app_desired_count * 4
}

resource "aws_appautoscaling_policy" "app_cpu" {
  name               = "${local.prefix}-citadel-cpu"
  service_namespace  = aws_appautoscaling_target.app.service_namespace
  resource_id        = aws_appautoscaling_target.app.resource_id
  scalable_dimension = aws_appautoscaling_target.app.scalable_dimension
  policy_type        = "TargetTrackingScaling"

  target_tracking_scaling_policy_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# IAM: the execution role pulls the image, writes logs and reads the secrets; the application's task role
# uses the records key and the backups bucket, nothing else.

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "execution" {
  name_prefix        = "${local.prefix}-exec-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = local.tags
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = concat([for s in aws_secretsmanager_secret.login : s.arn], values(var.app_secret_arns))
  }

  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.storage.arn]
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

resource "aws_iam_role" "app_task" {
  name_prefix        = "${local.prefix}-citadel-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = local.tags
}

data "aws_iam_policy_document" "app_task" {
  statement {
    sid       = "RecordsKeyEncryptionKey"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"]
    resources = [local.records_kek_arn]
  }

  statement {
    sid       = "BackupsAndCheckpoints"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"]
    resources = [aws_s3_bucket.backups.arn, "${aws_s3_bucket.backups.arn}/*"]
  }

  statement {
    sid       = "BackupsBucketKey"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.storage.arn]
  }
}

resource "aws_iam_role_policy" "app_task" {
  role   = aws_iam_role.app_task.id
  policy = data.aws_iam_policy_document.app_task.json
}
