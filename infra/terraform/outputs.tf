output "alb_dns_names" {
  description = "Where dns/ points the host names: region A primary, region B secondary."
  value = {
    a = module.region_a.alb_dns_name
    b = module.region_b.alb_dns_name
  }
}

output "alb_zone_ids" {
  value = {
    a = module.region_a.alb_zone_id
    b = module.region_b.alb_zone_id
  }
}

# CITADEL_RECORDS_KEK_URI, as each region's Citadel tasks are given it (Tink's aws-kms:// URI of the records key).
output "records_kek_uris" {
  value = {
    a = module.region_a.records_kek_uri
    b = module.region_b.records_kek_uri
  }
}

output "citadel_db_addresses" {
  value = {
    a = module.region_a.citadel_db_address
    b = module.region_b.citadel_db_address
  }
}

output "keycloak_db_addresses" {
  value = {
    a = module.region_a.keycloak_db_address
    b = module.region_b.keycloak_db_address
  }
}

output "backups_buckets" {
  value = {
    a = module.region_a.backups_bucket
    b = module.region_b.backups_bucket
  }
}

output "login_secret_arns" {
  value = {
    a = module.region_a.login_secret_arns
    b = module.region_b.login_secret_arns
  }
}

output "alarm_topic_arns" {
  value = {
    a = module.region_a.alarm_topic_arn
    b = module.region_b.alarm_topic_arn
  }
}
