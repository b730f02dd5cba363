# Each region's backups bucket is replicated into the other's: every version, its Object Lock retention
# and delete markers, re-encrypted under the destination region's key, with replication time control
# (15 minutes) so that a late copy raises S3's own events.

data "aws_iam_policy_document" "s3_replication_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "replication" {
  provider           = aws.region_a
  name_prefix        = "${var.name}-backups-replication-"
  assume_role_policy = data.aws_iam_policy_document.s3_replication_assume.json
}

data "aws_iam_policy_document" "replication" {
  statement {
    sid       = "ReadSources"
    actions   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
    resources = [module.region_a.backups_bucket_arn, module.region_b.backups_bucket_arn]
  }

  statement {
    sid = "ReadSourceVersions"
    actions = [
      "s3:GetObjectVersionForReplication",
      "s3:GetObjectVersionAcl",
      "s3:GetObjectVersionTagging",
      "s3:GetObjectRetention",
      "s3:GetObjectLegalHold",
    ]
    resources = ["${module.region_a.backups_bucket_arn}/*", "${module.region_b.backups_bucket_arn}/*"]
  }

  statement {
    sid       = "WriteReplicas"
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"]
    resources = ["${module.region_a.backups_bucket_arn}/*", "${module.region_b.backups_bucket_arn}/*"]
  }

  statement {
    sid       = "Keys"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [module.region_a.storage_key_arn, module.region_b.storage_key_arn]
  }
}

resource "aws_iam_role_policy" "replication" {
  provider = aws.region_a
  role     = aws_iam_role.replication.id
  policy   = data.aws_iam_policy_document.replication.json
}

resource "aws_s3_bucket_replication_configuration" "a_to_b" {
  provider = aws.region_a
  role     = aws_iam_role.replication.arn
  bucket   = module.region_a.backups_bucket

  rule {
    id       = "backups-to-region-b"
    status   = "Enabled"
    priority = 1

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket        = module.region_b.backups_bucket_arn
      storage_class = "STANDARD"

      encryption_configuration {
        replica_kms_key_id = module.region_b.storage_key_arn
      }

      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }

      metrics {
        status = "Enabled"
        event_threshold {
          minutes = 15
        }
      }
    }
  }
}

resource "aws_s3_bucket_replication_configuration" "b_to_a" {
  provider = aws.region_b
  role     = aws_iam_role.replication.arn
  bucket   = module.region_b.backups_bucket

  rule {
    id       = "backups-to-region-a"
    status   = "Enabled"
    priority = 1

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket        = module.region_a.backups_bucket_arn
      storage_class = "STANDARD"

      encryption_configuration {
        replica_kms_key_id = module.region_a.storage_key_arn
      }

      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }

      metrics {
        status = "Enabled"
        event_threshold {
          minutes = 15
        }
      }
    }
  }
}
