# Only the ALB's 443 is open to the internet. Every other ingress names a security group or the peer VPC.
# Egress to anywhere is on 443 only (AWS APIs through the NAT gateways, Keycloak's public name, the webhook).

resource "aws_security_group" "alb" {
  name_prefix = "${local.prefix}-alb-"
  description = "The public load balancer"
  vpc_id      = aws_vpc.main.id
  tags        = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "alb_https_ipv4" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from browsers and API clients"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_app" {
  security_group_id            = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = 9443
  to_port                      = 9443
  referenced_security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_egress_rule" "alb_to_app_health" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Liberty's management port: health checks"
  ip_protocol                  = "tcp"
  from_port                    = 9444
  to_port                      = 9444
  referenced_security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_egress_rule" "alb_to_keycloak" {
  security_group_id            = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = 8443
  to_port                      = 8443
  referenced_security_group_id = aws_security_group.keycloak.id
}

resource "aws_security_group" "app" {
  name_prefix = "${local.prefix}-app-"
  description = "Citadel tasks"
  vpc_id      = aws_vpc.main.id
  tags        = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
  security_group_id            = aws_security_group.app.id
  description                  = "Liberty's HTTPS port from the ALB"
  ip_protocol                  = "tcp"
  from_port                    = 9443
  to_port                      = 9443
  referenced_security_group_id = aws_security_group.alb.id
}

# /health, /metrics and /openapi need no login: the ALB reaches them for its health checks only (no listener
# forwards there), and nothing else may
resource "aws_vpc_security_group_ingress_rule" "app_health_from_alb" {
  security_group_id            = aws_security_group.app.id
  description                  = "Liberty's management port: the ALB's health checks"
  ip_protocol                  = "tcp"
  from_port                    = 9444
  to_port                      = 9444
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "app_https" {
  security_group_id = aws_security_group.app.id
  description       = "AWS APIs (KMS, S3, Secrets Manager), Keycloak's public name, the alert webhook"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "app_to_db" {
  security_group_id            = aws_security_group.app.id
  description                  = "This region's database"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.db.id
}

resource "aws_vpc_security_group_egress_rule" "app_to_peer_db" {
  security_group_id = aws_security_group.app.id
  description       = "The other region's database (the JDBC URL names both, DR probes both)"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.peer_vpc_cidr
}

resource "aws_security_group" "keycloak" {
  name_prefix = "${local.prefix}-keycloak-"
  description = "Keycloak tasks"
  vpc_id      = aws_vpc.main.id
  tags        = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "keycloak_from_alb" {
  security_group_id            = aws_security_group.keycloak.id
  description                  = "Keycloak's HTTPS port from the ALB"
  ip_protocol                  = "tcp"
  from_port                    = 8443
  to_port                      = 8443
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "keycloak_https" {
  security_group_id = aws_security_group.keycloak.id
  description       = "AWS APIs through the NAT gateways"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "keycloak_to_db" {
  security_group_id            = aws_security_group.keycloak.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.db.id
}

resource "aws_security_group" "rotation" {
  name_prefix = "${local.prefix}-rotation-"
  description = "The secrets' rotation function"
  vpc_id      = aws_vpc.main.id
  tags        = local.tags
}

resource "aws_vpc_security_group_egress_rule" "rotation_https" {
  security_group_id = aws_security_group.rotation.id
  description       = "Secrets Manager through the NAT gateways"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "rotation_to_db" {
  security_group_id            = aws_security_group.rotation.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.db.id
}

resource "aws_security_group" "db" {
  name_prefix = "${local.prefix}-db-"
  description = "Both databases (Citadel's and Keycloak's)"
  vpc_id      = aws_vpc.main.id
  tags        = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_keycloak" {
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.keycloak.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_rotation" {
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.rotation.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_peer" {
  security_group_id = aws_security_group.db.id
  description       = "The other region: its subscription (logical replication), its application's JDBC URL and DR probes"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.peer_vpc_cidr
}

resource "aws_vpc_security_group_egress_rule" "db_to_peer" {
  security_group_id = aws_security_group.db.id
  description       = "This region's subscription connects to the other region's publisher"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.peer_vpc_cidr
}

resource "aws_vpc_security_group_egress_rule" "alb_to_keycloak_health" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Keycloak's management port: health checks"
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.keycloak.id
}

resource "aws_vpc_security_group_ingress_rule" "keycloak_health_from_alb" {
  security_group_id            = aws_security_group.keycloak.id
  description                  = "Keycloak's management port: the ALB's health checks"
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.alb.id
}
