provider "aws" {
  alias  = "region_a"
  region = var.region_a

  default_tags {
    tags = var.tags
  }
}

provider "aws" {
  alias  = "region_b"
  region = var.region_b

  default_tags {
    tags = var.tags
  }
}
