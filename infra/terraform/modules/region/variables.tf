variable "name" {
  description = "Prefix of every resource's name."
  type        = string
  default     = "citadel"
}

variable "region" {
  description = "The AWS region this instance of the module deploys to; it must be the region of the aws provider passed in."
  type        = string
}

variable "region_label" {
  description = "Citadel's name of the region (a or b), as in CITADEL_DR_REGIONS."
  type        = string
}

variable "vpc_cidr" {
  description = "This region's VPC; it must not overlap the peer region's."
  type        = string
}

variable "peer_vpc_cidr" {
  description = "The other region's VPC: its standby and its rotation reach this region's databases over the peering."
  type        = string
}

variable "az_count" {
  description = "Availability zones used (subnets, NAT gateways, the databases' Multi-AZ standby)."
  type        = number
  default     = 2
}

variable "app_image" {
  description = "The Citadel image, by digest (registry/citadel@sha256:...)."
  type        = string
}

variable "keycloak_image" {
  description = "The Keycloak image, by digest, built with the realm import (infra/keycloak/citadel-realm.json)."
  type        = string
}

variable "app_hostname" {
  description = "The host name browsers use for the portal and the API, e.g. citadel.hospital.example."
  type        = string
}

variable "keycloak_hostname" {
  description = "The host name of Keycloak, e.g. login.citadel.hospital.example."
  type        = string
}

variable "certificate_arn" {
  description = "The ACM certificate, in this region, covering app_hostname and keycloak_hostname."
  type        = string
}

variable "app_desired_count" {
  description = "Citadel tasks in this region."
  type        = number
  default     = 2
}

variable "keycloak_desired_count" {
  description = "Keycloak tasks in this region."
  type        = number
  default     = 2
}

variable "db_instance_class" {
  description = "RDS instance class of both databases."
  type        = string
  default     = "db.r7g.large"
}

variable "db_allocated_storage" {
  description = "Initial storage of each database in GiB (autoscaling up to ten times this)."
  type        = number
  default     = 100
}

variable "db_backup_retention_days" {
  description = "Automated backups and point-in-time recovery window of each database."
  type        = number
  default     = 14

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "Point-in-time recovery must cover at least 7 days (RDS allows at most 35)."
  }
}

variable "backup_lock_days" {
  description = "Compliance-mode Object Lock on every backup and audit checkpoint: nobody, not even the account's root, can delete them sooner."
  type        = number
  default     = 35
}

variable "secret_rotation_days" {
  description = "Days between rotations of each database login."
  type        = number
  default     = 30
}

variable "rotation_lambda_version" {
  description = "Version of AWS's SecretsManagerRDSPostgreSQLRotationMultiUser application."
  type        = string
  default     = "1.1.367"
}

variable "waf_rate_limit" {
  description = "Requests one client address may make in 5 minutes before WAF blocks it (the application limits per user and address too)."
  type        = number
  default     = 3000
}

variable "alarm_emails" {
  description = "Addresses the alarms' topic e-mails (each must confirm); add other subscriptions to the topic output."
  type        = list(string)
  default     = []
}

variable "app_secret_arns" {
  description = "Secrets the operator creates and rotates outside this module, by environment variable, e.g. CITADEL_PORTAL_CLIENT_SECRET or CITADEL_AUDIT_ALERT_WEBHOOK_SECRET."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "records_kek_primary_arn" {
  description = "Null in region A, which creates the multi-Region records key; region B passes region A's key ARN and gets a replica."
  type        = string
  default     = null
}

variable "peer_region_label" {
  description = "Citadel's name of the other region."
  type        = string
}

variable "peer_citadel_db_address" {
  description = "The other region's Citadel database host: the JDBC URL names both, so the pool follows the writer after a switchover."
  type        = string
}
