# The records key-encryption key: wraps every patient's data key. Citadel's tasks take its URI (output
# records_kek_uri, aws-kms://<arn>) as CITADEL_RECORDS_KEK_URI (service.tf), for Tink's AWS KMS AEAD in place of
# the keyset file CITADEL_RECORDS_KEK_KEYSET; their role may Encrypt and Decrypt with it. A multi-Region key:
# region B's replica has the same key material, so region B decrypts what region A wrapped after a failover.
# Rotation (yearly) changes the material behind the same ARN; KMS keeps the old to decrypt what it wrapped.
resource "aws_kms_key" "records" {
  count                   = var.records_kek_primary_arn == null ? 1 : 0
  description             = "${local.prefix} records key-encryption key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  multi_region            = true
  policy                  = data.aws_iam_policy_document.records_key.json
  tags                    = local.tags
}

resource "aws_kms_replica_key" "records" {
  count                   = var.records_kek_primary_arn == null ? 0 : 1
  description             = "${local.prefix} records key-encryption key (replica)"
  primary_key_arn         = var.records_kek_primary_arn
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.records_key.json
  tags                    = local.tags
}

locals {
  records_kek_arn = var.records_kek_primary_arn == null ? aws_kms_key.records[0].arn : aws_kms_replica_key.records[0].arn
}

data "aws_iam_policy_document" "records_key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root"]
    }
  }
}

# Everything stored at rest in this region: databases, backups, secrets, logs, the alarms' topic.
resource "aws_kms_key" "storage" {
  description             = "${local.prefix} storage"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.storage_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "storage" {
  name          = "alias/${local.prefix}-storage"
  target_key_id = aws_kms_key.storage.key_id
}

data "aws_iam_policy_document" "storage_key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogs"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${var.region}.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${data.aws_partition.current.partition}:logs:${var.region}:${local.account_id}:*"]
    }
  }

  statement {
    sid       = "CloudWatchAlarmsToSns"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
  }
}
