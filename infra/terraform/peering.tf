# The regions' VPCs are peered: each region's subscription reaches the other's publisher, and the
# application's JDBC URL and DR probes reach both databases. Security groups admit only port 5432 from the
# peer's CIDR.

resource "aws_vpc_peering_connection" "a_to_b" {
  provider    = aws.region_a
  vpc_id      = module.region_a.vpc_id
  peer_vpc_id = module.region_b.vpc_id
  peer_region = var.region_b
  tags        = { Name = "${var.name}-a-to-b" }
}

resource "aws_vpc_peering_connection_accepter" "b" {
  provider                  = aws.region_b
  vpc_peering_connection_id = aws_vpc_peering_connection.a_to_b.id
  auto_accept               = true
  tags                      = { Name = "${var.name}-a-to-b" }
}

resource "aws_route" "a_to_b" {
  provider                  = aws.region_a
  count                     = length(module.region_a.private_route_table_ids)
  route_table_id            = module.region_a.private_route_table_ids[count.index]
  destination_cidr_block    = var.vpc_cidr_b
  vpc_peering_connection_id = aws_vpc_peering_connection.a_to_b.id
}

resource "aws_route" "b_to_a" {
  provider                  = aws.region_b
  count                     = length(module.region_b.private_route_table_ids)
  route_table_id            = module.region_b.private_route_table_ids[count.index]
  destination_cidr_block    = var.vpc_cidr_a
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.b.id
}
