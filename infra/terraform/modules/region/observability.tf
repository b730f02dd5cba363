# Logs and alarms. The alarms cover what AWS measures (the ALB, the targets, the databases' slots and
# storage, WAF); the application's own metrics and the rules in infra/observability/prometheus need a
# Prometheus that scrapes the tasks, e.g. Amazon Managed Service for Prometheus with a collector. It scrapes
# https://<task>:9444/metrics, Liberty's management listener (the public 9443 refuses /metrics): give the
# collector a security group of its own and admit that group, and nothing else, to the app's 9444.

resource "aws_cloudwatch_log_group" "app" {
  name              = "/citadel/${var.region_label}/citadel"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.storage.arn
  tags              = local.tags
}

resource "aws_cloudwatch_log_group" "keycloak" {
  name              = "/citadel/${var.region_label}/keycloak"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.storage.arn
  tags              = local.tags
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/citadel/${var.region_label}/vpc-flow-rejects"
  retention_in_days = 90
  kms_key_id        = aws_kms_key.storage.arn
  tags              = local.tags
}

resource "aws_sns_topic" "alarms" {
  name              = "${local.prefix}-alarms"
  kms_master_key_id = aws_kms_key.storage.arn
  tags              = local.tags
}

resource "aws_sns_topic_subscription" "alarm_email" {
  for_each  = toset(var.alarm_emails)
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_metric_alarm" "app_5xx" {
  alarm_name          = "${local.prefix}-citadel-5xx"
  alarm_description   = "Citadel answers 5xx (runbook: CitadelServerErrors)"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
    TargetGroup  = aws_lb_target_group.app.arn_suffix
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "alb_5xx" {
  alarm_name          = "${local.prefix}-alb-5xx"
  alarm_description   = "The ALB itself answers 5xx: no healthy target, or targets refusing connections"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "app_unhealthy" {
  alarm_name          = "${local.prefix}-citadel-unhealthy-targets"
  alarm_description   = "A Citadel task fails /health/ready (runbook: CitadelInstanceDown)"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
    TargetGroup  = aws_lb_target_group.app.arn_suffix
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "app_no_healthy" {
  alarm_name          = "${local.prefix}-citadel-no-healthy-target"
  alarm_description   = "No Citadel task is ready in this region"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HealthyHostCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
    TargetGroup  = aws_lb_target_group.app.arn_suffix
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "keycloak_unhealthy" {
  alarm_name          = "${local.prefix}-keycloak-unhealthy-targets"
  alarm_description   = "A Keycloak task fails its readiness (runbook: CitadelKeycloakUnreachable)"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  dimensions = {
    LoadBalancer = aws_lb.main.arn_suffix
    TargetGroup  = aws_lb_target_group.keycloak.arn_suffix
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "citadel_slot_lag" {
  alarm_name          = "${local.prefix}-citadel-replication-slot-lag"
  alarm_description   = "WAL retained for the other region's subscription passes 5 GiB (runbook: CitadelSlotRetainedWalHigh)"
  namespace           = "AWS/RDS"
  metric_name         = "OldestReplicationSlotLag"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 5368709120
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.citadel.identifier
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "keycloak_slot_lag" {
  alarm_name          = "${local.prefix}-keycloak-replication-slot-lag"
  alarm_description   = "WAL retained for Keycloak's subscription in the other region passes 5 GiB"
  namespace           = "AWS/RDS"
  metric_name         = "OldestReplicationSlotLag"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 5368709120
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.keycloak.identifier
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "citadel_storage" {
  alarm_name          = "${local.prefix}-citadel-free-storage"
  alarm_description   = "Citadel's database has less than 10 GiB free"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10737418240
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.citadel.identifier
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}

resource "aws_cloudwatch_metric_alarm" "waf_blocked" {
  alarm_name          = "${local.prefix}-waf-blocked-spike"
  alarm_description   = "WAF blocks more than 500 requests in 5 minutes: an attack or a rule misfiring on real traffic"
  namespace           = "AWS/WAFV2"
  metric_name         = "BlockedRequests"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 500
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  dimensions = {
    WebACL = aws_wafv2_web_acl.main.name
    Region = var.region
    Rule   = "ALL"
  }
  alarm_actions = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}
