# Applied after the root: failover records for both host names. Region A answers while its ALB's
# /health/ready passes; otherwise Route 53 sends clients to region B. This moves clients only: the
# database's writer moves with bin/citadel dr switchover|failover, which the runbooks order first.
terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  backend "s3" {
    key          = "citadel/dns.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

variable "region" {
  description = "Region of the state bucket (Route 53 itself is global)."
  type        = string
  default     = "eu-central-1"
}

variable "state_bucket" {
  description = "The bucket bootstrap/ made, to read the root's outputs."
  type        = string
}

variable "zone_id" {
  description = "The Route 53 hosted zone of the host names."
  type        = string
}

variable "app_hostname" {
  type = string
}

variable "keycloak_hostname" {
  type = string
}

provider "aws" {
  region = var.region
}

data "terraform_remote_state" "regions" {
  backend = "s3"
  config = {
    bucket = var.state_bucket
    key    = "citadel/regions.tfstate"
    region = var.region
  }
}

locals {
  hosts = toset([var.app_hostname, var.keycloak_hostname])
}

resource "aws_route53_health_check" "a" {
  fqdn              = data.terraform_remote_state.regions.outputs.alb_dns_names["a"]
  type              = "HTTPS"
  port              = 443
  resource_path     = "/health/ready"
  request_interval  = 10
  failure_threshold = 3
  measure_latency   = true
}

resource "aws_route53_record" "primary" {
  for_each        = local.hosts
  zone_id         = var.zone_id
  name            = each.value
  type            = "A"
  set_identifier  = "region-a"
  health_check_id = aws_route53_health_check.a.id

  failover_routing_policy {
    type = "PRIMARY"
  }

  alias {
    name                   = data.terraform_remote_state.regions.outputs.alb_dns_names["a"]
    zone_id                = data.terraform_remote_state.regions.outputs.alb_zone_ids["a"]
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "secondary" {
  for_each       = local.hosts
  zone_id        = var.zone_id
  name           = each.value
  type           = "A"
  set_identifier = "region-b"

  failover_routing_policy {
    type = "SECONDARY"
  }

  alias {
    name                   = data.terraform_remote_state.regions.outputs.alb_dns_names["b"]
    zone_id                = data.terraform_remote_state.regions.outputs.alb_zone_ids["b"]
    evaluate_target_health = true
  }
}
