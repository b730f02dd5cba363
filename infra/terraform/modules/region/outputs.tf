output "vpc_id" {
  value = aws_vpc.main.id
}

output "vpc_cidr" {
  value = aws_vpc.main.cidr_block
}

output "private_route_table_ids" {
  value = aws_route_table.private[*].id
}

output "alb_dns_name" {
  description = "Point app_hostname and keycloak_hostname here (through the failover records)."
  value       = aws_lb.main.dns_name
}

output "alb_zone_id" {
  value = aws_lb.main.zone_id
}

output "citadel_db_address" {
  value = aws_db_instance.citadel.address
}

output "keycloak_db_address" {
  value = aws_db_instance.keycloak.address
}

output "records_kek_arn" {
  description = "The records key-encryption key (multi-Region: region B's is a replica)."
  value       = local.records_kek_arn
}

output "records_kek_uri" {
  description = "CITADEL_RECORDS_KEK_URI, which this region's Citadel tasks are given: Tink's AWS KMS AEAD URI of the key."
  value       = "aws-kms://${local.records_kek_arn}"
}

output "storage_key_arn" {
  value = aws_kms_key.storage.arn
}

output "backups_bucket" {
  value = aws_s3_bucket.backups.id
}

output "backups_bucket_arn" {
  value = aws_s3_bucket.backups.arn
}

output "login_secret_arns" {
  value = { for k, s in aws_secretsmanager_secret.login : k => s.arn }
}

output "alarm_topic_arn" {
  value = aws_sns_topic.alarms.arn
}
