# One secret per database login, each rotated by AWS's multi-user rotation function for PostgreSQL: it
# alternates between the login and a clone with the same grants, so running tasks keep a valid password.
# The master logins' secrets are created and rotated by RDS itself (manage_master_user_password).
# Initial passwords are ephemeral: they never enter the state. Create the logins with them before the
# first rotation (README, "Deploying to a cloud").

locals {
  logins = {
    app = {
      username = "citadel_app"
      database = "citadel"
      master   = aws_db_instance.citadel.master_user_secret[0].secret_arn
      host     = aws_db_instance.citadel.address
    }
    owner = {
      username = "citadel_owner"
      database = "citadel"
      master   = aws_db_instance.citadel.master_user_secret[0].secret_arn
      host     = aws_db_instance.citadel.address
    }
    dr-monitor = {
      username = "citadel_dr_monitor"
      database = "citadel"
      master   = aws_db_instance.citadel.master_user_secret[0].secret_arn
      host     = aws_db_instance.citadel.address
    }
    dr-operator = {
      username = "citadel_dr"
      database = "citadel"
      master   = aws_db_instance.citadel.master_user_secret[0].secret_arn
      host     = aws_db_instance.citadel.address
    }
    replicator = {
      username = "citadel_replicator"
      database = "citadel"
      master   = aws_db_instance.citadel.master_user_secret[0].secret_arn
      host     = aws_db_instance.citadel.address
    }
    keycloak = {
      username = "keycloak"
      database = "keycloak"
      master   = aws_db_instance.keycloak.master_user_secret[0].secret_arn
      host     = aws_db_instance.keycloak.address
    }
  }
}

ephemeral "random_password" "login" {
  for_each         = local.logins
  length           = 40
  special          = true
  override_special = "-_.~"
}

resource "aws_secretsmanager_secret" "login" {
  for_each                = local.logins
  name_prefix             = "${local.prefix}/db/${each.key}-"
  description             = "Database login ${each.value.username} (${each.value.database})"
  kms_key_id              = aws_kms_key.storage.arn
  recovery_window_in_days = 30
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "login" {
  for_each  = local.logins
  secret_id = aws_secretsmanager_secret.login[each.key].id
  secret_string_wo = jsonencode({
    engine    = "postgres"
    host      = each.value.host
    port      = 5432
    dbname    = each.value.database
    username  = each.value.username
    password  = ephemeral.random_password.login[each.key].result
    masterarn = each.value.master
  })
  secret_string_wo_version = 1

  lifecycle {
    ignore_changes = [secret_string_wo_version]
  }
}

resource "aws_secretsmanager_secret_rotation" "login" {
  for_each            = aws_secretsmanager_secret.login
  secret_id           = each.value.id
  rotation_lambda_arn = aws_serverlessapplicationrepository_cloudformation_stack.rotation[local.logins[each.key].database].outputs["RotationLambdaARN"]

  rotation_rules {
    automatically_after_days = var.secret_rotation_days
  }

  depends_on = [aws_secretsmanager_secret_version.login]
}

data "aws_serverlessapplicationrepository_application" "rotation" {
  application_id   = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationMultiUser"
  semantic_version = var.rotation_lambda_version
}

# one rotation function per database: each may read its own instance's master secret, no other
resource "aws_serverlessapplicationrepository_cloudformation_stack" "rotation" {
  for_each = {
    citadel  = aws_db_instance.citadel.master_user_secret[0].secret_arn
    keycloak = aws_db_instance.keycloak.master_user_secret[0].secret_arn
  }
  name             = "${local.prefix}-${each.key}-rotation"
  application_id   = data.aws_serverlessapplicationrepository_application.rotation.application_id
  semantic_version = data.aws_serverlessapplicationrepository_application.rotation.semantic_version
  capabilities     = data.aws_serverlessapplicationrepository_application.rotation.required_capabilities

  parameters = {
    endpoint              = "https://secretsmanager.${var.region}.amazonaws.com"
    functionName          = "${local.prefix}-${each.key}-rotation"
    kmsKeyArn             = aws_kms_key.storage.arn
    masterSecretArn       = each.value
    masterSecretKmsKeyArn = aws_kms_key.storage.arn
    vpcSubnetIds          = join(",", aws_subnet.private[*].id)
    vpcSecurityGroupIds   = aws_security_group.rotation.id
  }

  tags = local.tags
}
