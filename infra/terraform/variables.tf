variable "name" {
  description = "Prefix of every resource's name."
  type        = string
  default     = "citadel"
}

variable "region_a" {
  description = "Region A: the writer at first."
  type        = string
  default     = "eu-central-1"
}

variable "region_b" {
  description = "Region B: the standby at first."
  type        = string
  default     = "eu-west-1"
}

variable "vpc_cidr_a" {
  description = "Region A's VPC, a /16 that does not overlap region B's."
  type        = string
  default     = "10.20.0.0/16"
}

variable "vpc_cidr_b" {
  description = "Region B's VPC, a /16."
  type        = string
  default     = "10.30.0.0/16"
}

variable "app_image" {
  description = "The Citadel image by digest, in a registry both regions can pull from."
  type        = string
}

variable "keycloak_image" {
  description = "The Keycloak image by digest (built with --optimized, the realm imported, HTTPS on 8443)."
  type        = string
}

variable "app_hostname" {
  description = "The portal's and the API's host name, e.g. citadel.hospital.example."
  type        = string
}

variable "keycloak_hostname" {
  description = "Keycloak's host name, e.g. login.citadel.hospital.example."
  type        = string
}

variable "certificate_arn_a" {
  description = "ACM certificate in region A for both host names."
  type        = string
}

variable "certificate_arn_b" {
  description = "ACM certificate in region B for both host names."
  type        = string
}

variable "alarm_emails" {
  description = "Addresses the alarms of both regions are e-mailed to."
  type        = list(string)
  default     = []
}

variable "app_secret_arns_a" {
  description = "Region A's application secrets by environment variable (CITADEL_PORTAL_CLIENT_SECRET, ...)."
  type        = map(string)
  default     = {}
}

variable "app_secret_arns_b" {
  description = "Region B's application secrets by environment variable."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default = {
    Application = "citadel"
  }
}
