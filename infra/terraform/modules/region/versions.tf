# One region of Citadel: network, databases, keys, secrets, backups bucket, the service behind ALB and WAF,
# and its alarms. The root instantiates it twice (region A and region B) with the same variables.
terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  prefix     = "${var.name}-${var.region_label}"
  account_id = data.aws_caller_identity.current.account_id
  azs        = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  tags = merge(var.tags, {
    Project = var.name
    Region  = var.region_label
  })
}
