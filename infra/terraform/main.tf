# The same module twice, one per region, with the same arguments: only the region, its network and its
# certificate differ, and each points at the other as its peer.

module "region_a" {
  source = "./modules/region"
  providers = {
    aws = aws.region_a
  }

  name                    = var.name
  region                  = var.region_a
  region_label            = "a"
  peer_region_label       = "b"
  vpc_cidr                = var.vpc_cidr_a
  peer_vpc_cidr           = var.vpc_cidr_b
  peer_citadel_db_address = module.region_b.citadel_db_address
  records_kek_primary_arn = null
  app_image               = var.app_image
  keycloak_image          = var.keycloak_image
  app_hostname            = var.app_hostname
  keycloak_hostname       = var.keycloak_hostname
  certificate_arn         = var.certificate_arn_a
  alarm_emails            = var.alarm_emails
  app_secret_arns         = var.app_secret_arns_a
}

module "region_b" {
  source = "./modules/region"
  providers = {
    aws = aws.region_b
  }

  name                    = var.name
  region                  = var.region_b
  region_label            = "b"
  peer_region_label       = "a"
  vpc_cidr                = var.vpc_cidr_b
  peer_vpc_cidr           = var.vpc_cidr_a
  peer_citadel_db_address = module.region_a.citadel_db_address
  records_kek_primary_arn = module.region_a.records_kek_arn
  app_image               = var.app_image
  keycloak_image          = var.keycloak_image
  app_hostname            = var.app_hostname
  keycloak_hostname       = var.keycloak_hostname
  certificate_arn         = var.certificate_arn_b
  alarm_emails            = var.alarm_emails
  app_secret_arns         = var.app_secret_arns_b
}
