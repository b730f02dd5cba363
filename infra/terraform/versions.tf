# Citadel in two AWS regions. Apply bootstrap/ first (the state bucket), then this root, then dns/.
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

  # partial configuration: terraform init -backend-config=backend.hcl (bucket, region), see the README
  backend "s3" {
    key          = "citadel/regions.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
