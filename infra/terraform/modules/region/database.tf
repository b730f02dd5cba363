# Two RDS for PostgreSQL 17 instances per region: Citadel's and Keycloak's own. Each is a publisher or a
# subscriber of PostgreSQL logical replication with its peer in the other region (the application's DR
# operations make the publications and subscriptions, as on the local stack), so both carry the same
# parameter group: logical replication on, TLS required.

resource "aws_db_subnet_group" "main" {
  name       = local.prefix
  subnet_ids = aws_subnet.private[*].id
  tags       = local.tags
}

resource "aws_db_parameter_group" "postgres" {
  name_prefix = "${local.prefix}-pg17-"
  family      = "postgres17"
  description = "Citadel: logical replication between the regions, TLS only"
  tags        = local.tags

  parameter {
    name         = "rds.logical_replication"
    value        = "1"
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "immediate"
  }

  parameter {
    name         = "max_replication_slots"
    value        = "20"
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "max_wal_senders"
    value        = "20"
    apply_method = "pending-reboot"
  }

  # a slot whose subscriber is gone may not fill the disk (the DR alerts watch it before that)
  parameter {
    name         = "max_slot_wal_keep_size"
    value        = "51200"
    apply_method = "immediate"
  }

  parameter {
    name         = "log_connections"
    value        = "1"
    apply_method = "immediate"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "citadel" {
  identifier_prefix = "${local.prefix}-citadel-"
  engine            = "postgres"
  engine_version    = "17"
  instance_class    = var.db_instance_class
  db_name           = "citadel"
  port              = 5432

  allocated_storage     = var.db_allocated_storage
  max_allocated_storage = var.db_allocated_storage * 10
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.storage.arn

  # the master login's password lives in a secret RDS creates and rotates itself
  username                      = "citadel_admin"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.storage.arn

  iam_database_authentication_enabled = true
  parameter_group_name                = aws_db_parameter_group.postgres.name
  db_subnet_group_name                = aws_db_subnet_group.main.name
  vpc_security_group_ids              = [aws_security_group.db.id]
  publicly_accessible                 = false
  multi_az                            = true
  ca_cert_identifier                  = "rds-ca-rsa2048-g1"

  backup_retention_period  = var.db_backup_retention_days
  backup_window            = "02:00-03:00"
  maintenance_window       = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot    = true
  delete_automated_backups = false
  deletion_protection      = true
  skip_final_snapshot      = false

  final_snapshot_identifier       = "${local.prefix}-citadel-final"
  auto_minor_version_upgrade      = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.storage.arn
  monitoring_interval             = 0

  tags = merge(local.tags, { Database = "citadel" })
}

resource "aws_db_instance" "keycloak" {
  identifier_prefix = "${local.prefix}-keycloak-"
  engine            = "postgres"
  engine_version    = "17"
  instance_class    = var.db_instance_class
  db_name           = "keycloak"
  port              = 5432

  allocated_storage     = 20
  max_allocated_storage = 200
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.storage.arn

  username                      = "keycloak_admin"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.storage.arn

  iam_database_authentication_enabled = true
  parameter_group_name                = aws_db_parameter_group.postgres.name
  db_subnet_group_name                = aws_db_subnet_group.main.name
  vpc_security_group_ids              = [aws_security_group.db.id]
  publicly_accessible                 = false
  multi_az                            = true
  ca_cert_identifier                  = "rds-ca-rsa2048-g1"

  backup_retention_period  = var.db_backup_retention_days
  backup_window            = "02:00-03:00"
  maintenance_window       = "sun:04:30-sun:05:30"
  copy_tags_to_snapshot    = true
  delete_automated_backups = false
  deletion_protection      = true
  skip_final_snapshot      = false

  final_snapshot_identifier       = "${local.prefix}-keycloak-final"
  auto_minor_version_upgrade      = true
  enabled_cloudwatch_logs_exports = ["postgresql"]

  tags = merge(local.tags, { Database = "keycloak" })
}
